// The simulator's token endpoints: `debug_token` (GET only; asked by the app token or a token), the token
// exchange `oauth/access_token` (a NEW registered token), and `GET /{app-id}` read with the app token.
import type { Json } from './fixtures';
import { PROOF_MESSAGES, proofProblem } from './rules';
import { isSystemUserScenario, SIM_OTHER_APP, type TokenScenario } from './scenarios';
import { graphError, makeFakeToken, type Answer, type SimWorld } from './world';

const APP_TOKEN = /^(\d+)\|(.+)$/;

/** The app an app token `ID|SECRET` names, if the simulator knows one by that id. */
function appOf(idAndSecret: RegExpExecArray, world: SimWorld): { id: string; secret: string } | null {
  return [world.app, SIM_OTHER_APP].find((app) => app.id === idAndSecret[1]) ?? null;
}

/** An app token `ID|SECRET` asking about one of the registered tokens (all the main app's): null when it may. */
function appTokenProblem(world: SimWorld, idAndSecret: RegExpExecArray): Answer | null {
  const app = appOf(idAndSecret, world);
  if (app && idAndSecret[2] !== app.secret) return graphError(400, { message: 'Invalid OAuth access token signature.', code: 190 });
  if (app?.id !== world.app.id) {
    return graphError(400, { message: '(#100) The App_id in the input_token did not match the Viewing App', code: 100 });
  }
  return null;
}

/** An app token carries its secret itself: a proof is not required of it, but one that was sent must be right. */
function appCallerProofAnswer(world: SimWorld, caller: string, proof: string | undefined): Answer | null {
  const problem = proofProblem({ ...world.rules, requireAppSecretProof: false }, caller, world.app.secret, proof);
  return problem ? graphError(400, { message: PROOF_MESSAGES[problem], type: 'GraphMethodException', code: 100 }) : null;
}

/** `debug_token`, asked by `caller` (an app token `ID|SECRET`, or a user or system-user token). */
export function debugTokenAnswer(world: SimWorld, method: string, inputToken: string | undefined, caller: string | undefined, params: Record<string, string>): Answer {
  // Meta answers debug_token to GET only (FACTS.md §0 #3).
  if (method !== 'GET') {
    return graphError(400, {
      message: 'Unsupported post request. Please read the Graph API documentation at https://developers.facebook.com/docs/graph-api',
      type: 'GraphMethodException',
      code: 100,
      error_subcode: 33,
    });
  }
  if (!caller) return { status: 400, body: world.fixtures.get('debug_token_missing_access_token_error') };
  const appCaller = APP_TOKEN.exec(caller);
  const record = inputToken ? world.tokens.get(inputToken) : undefined;
  if (appCaller) {
    const refused = appTokenProblem(world, appCaller) ?? appCallerProofAnswer(world, caller, params.appsecret_proof);
    if (refused) return refused;
  } else if (caller !== inputToken) {
    const authorized = world.authorize(caller, params);
    if ('answer' in authorized) return authorized.answer;
  } else if (record && !world.deadAnswer(record)) {
    const proof = world.proofAnswer(caller, params.appsecret_proof);
    if (proof) return proof;
    // A system-user token may not look at itself (FACTS.md §0 #4): only its app may.
    if (world.rules.systemUserCannotInspectItself && isSystemUserScenario(record.scenario)) {
      return { status: 400, body: world.fixtures.get('debug_token_missing_access_token_error') };
    }
  } else if (record && world.rules.systemUserCannotInspectItself && isSystemUserScenario(record.scenario)) {
    // A dead system-user token is refused as a caller before anything else.
    return world.deadAnswer(record) as Answer;
  }
  if (!record) return { status: 200, body: world.fixtures.get('debug_token_invalid_cannot_parse') };
  const scenario = world.effectiveScenario(record);
  if (!appCaller && caller === inputToken && world.deadAnswer(record) && scenario.selfInspection === 'error') {
    return world.deadAnswer(record) as Answer;
  }
  return { status: 200, body: { data: world.debugDataOf(record) } };
}

/** The token Meta hands back: a system user's lasts 60 days and stays a system user's; a person's becomes a 60-day one. */
function successorScenario(current: TokenScenario, expiresInSeconds: number): TokenScenario {
  const kept = { scopes: current.scopes, wabaIds: current.wabaIds };
  if (isSystemUserScenario(current)) return { scenario: 'system_user_60_day', days: 60, ...kept };
  return { scenario: 'sixty_day', days: expiresInSeconds / 86_400, ...kept };
}

/** `oauth/access_token?grant_type=fb_exchange_token` (GET or POST): a NEW registered 60-day token. */
export function exchangeAnswer(world: SimWorld, params: Record<string, string>): Answer {
  if (params.grant_type !== 'fb_exchange_token') {
    return graphError(400, { message: 'Unsupported grant_type in the simulator', code: 100 });
  }
  if (params.client_id !== world.app.id) {
    return graphError(400, { message: 'Error validating application. Invalid application ID.', code: 101 });
  }
  if (params.client_secret !== world.app.secret) return graphError(400, { message: 'Error validating client secret.', code: 1 });
  const authorized = world.authorize(params.fb_exchange_token, params);
  if ('answer' in authorized) return authorized.answer;
  const current = authorized.record.scenario;
  if (world.rules.refreshNeedsSixtyDayParameter && isSystemUserScenario(current) && params.set_token_expires_in_60_days !== 'true') {
    return graphError(400, { message: '(#100) set_token_expires_in_60_days must be true to refresh a system user access token', code: 100 });
  }
  const body: Json = world.fixtures.get('oauth_exchange_success');
  if (isSystemUserScenario(current)) body.expires_in = 60 * 86_400;
  body.access_token = world.addToken(makeFakeToken('EXCHANGED'), successorScenario(current, body.expires_in));
  return { status: 200, body };
}

/** `GET /{app-id}`: an app reads itself with its app token (how app credentials are checked). */
export function appAnswer(world: SimWorld, appId: string, token: string | undefined): Answer {
  const appCaller = token ? APP_TOKEN.exec(token) : null;
  const app = appCaller ? appOf(appCaller, world) : null;
  if (appCaller && (!app || app.id !== appId)) return graphError(400, { message: 'Invalid OAuth access token - Cannot parse access token', code: 190 });
  if (appCaller && appCaller[2] !== app?.secret) return graphError(400, { message: 'Invalid OAuth access token signature.', code: 190 });
  if (!appCaller) {
    const authorized = world.authorize(token);
    if ('answer' in authorized) return authorized.answer;
  }
  const name = appId === world.app.id ? String(world.fixtures.get('debug_token_valid_60_day').data.application) : 'Another Test App';
  return { status: 200, body: { id: appId, name } };
}
