// A local Graph API that answers like Meta, for tests, the bench and the browser harness. Loopback only.
//
//   const sim = await startGraphSimulator();            // { port?, latencyMs?, fixturesDir?, app?, now?, newApp?,
//                                                       //   requireAppSecretProof?, refuseBatch? }
//   const token = sim.newToken('never_expiring');       // or sim.addToken(myToken, { scenario: 'expiring', days: 3 })
//   process.env.WA_TOKEN_DOCTOR_GRAPH_URL = sim.url;    // or pass { graphUrl: sim.url } to the core
//   sim.injectFault({ kind: 'timeout' }, { count: 1, match: 'debug_token' });
//   sim.setLatency(100);                                // every request waits 100 ms before it is answered
//   sim.requests                                        // [{ method, path, kind, urlSecrets, appSecretProof, … }]
//   await sim.close();
//
// Endpoints (with or without a `/vXX.X` prefix): `GET debug_token` (a POST is refused, as Meta does; an older app's
// `method=GET` override still passes), `GET /{app-id}` (the app token reads its app), `GET /{phone-id}`,
// `GET /{waba}`, `GET /{waba}/phone_numbers`, `GET /{waba}/message_templates?name=…`, batch (`POST /` or
// `POST /vXX.X` with `batch=[…]`), `GET|POST oauth/access_token` (fb_exchange_token: returns a NEW registered
// 60-day token), `POST /{phone-id}/messages` (131030 outside `sim.world.recipients.allowed`, 131047 for text outside
// `openWindow`, 132001 for a template the WABA lacks). Tokens come from `Authorization: Bearer`, or `access_token` in
// the body or the query; every query parameter holding a token or secret is recorded by name in `urlSecrets`.
//
// Meta's 2026 rules (rules.ts, FACTS.md §0): `newApp: true` — a method override is ignored, a system-user token
// cannot debug_token itself, a system user's refresh needs `set_token_expires_in_60_days=true`;
// `requireAppSecretProof: true` — "Require App Secret" is on; `refuseBatch: true` — batch calls answer (#12).
// `sim.world.rules` can be changed while running.
//
// Scenarios (`ScenarioName`, or `{ scenario, days, hours, wabaIds, scopes, subcode, message, expiredMessage,
// httpStatus, selfInspection }`): never_expiring (system user), system_user_60_day (what Business Settings makes
// since 2026), sixty_day (a person's), expiring (days, default 3), temporary
// (hours, default 3), embedded_signup, missing_permission, wrong_waba, expired, logged_out, password_changed,
// invalid_467, revoked (466), cannot_parse. An unregistered token gets 190 "Cannot parse access token".
// The world: app 100000000000001 (secret in `sim.app.secret`) and the owner's other app `SIM_OTHER_APP`, WABA 200000000000002 with phones
// 300000000000003 / 300000000000013 and an approved hello_world, WABA 200000000000012 with phone
// 300000000000023 and no templates. `sim.world` may be changed by a test.
//
// Faults (`FaultSpec` in faults.ts): latency, timeout, reset, server_error, html, truncated, partial_json, empty,
// rate_limit (code 4 or 80007, with usage headers), graph_error, batch_null. `injectFault(spec, { count, match })`
// applies to the next `count` matching requests (default: all); `match` is a request kind ('debug_token',
// 'batch', 'phone', 'messages', 'oauth', …), a path RegExp or a predicate. `clearFaults()` removes them.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { answerWithFault, ruleMatches, type FaultRule, type FaultSpec, type RequestKind } from './faults';
import { loadFixtures, type Json } from './fixtures';
import { rulesFor, type SimRuleOptions } from './rules';
import type { ScenarioName, TokenScenario } from './scenarios';
import { SimWorld, makeFakeToken, type Answer, type SentMessage } from './world';

export type { FaultSpec, RequestKind } from './faults';
export type { ScenarioName, TokenScenario } from './scenarios';
export type { SimRules } from './rules';
export { expectedProof } from './rules';
export { SIM_APP_ID, SIM_OTHER_APP, SIM_WABA_ID, SIM_OTHER_WABA_ID, SIM_PHONE_NUMBER_ID } from './scenarios';
export { makeFakeToken } from './world';

export interface RecordedRequest {
  method: string;
  /** Path without the query, as sent (version prefix included). */
  path: string;
  kind: RequestKind;
  version: string | null;
  /** Query parameter names (values are never recorded). */
  queryNames: string[];
  /** Query parameters that carried a token or a secret (names only), e.g. `['input_token']` for debug_token. */
  urlSecrets: string[];
  /** The call carried `appsecret_proof` (in the query or the body). */
  appSecretProof: boolean;
  /** The Authorization header carried a Bearer token. */
  bearer: boolean;
  /** Batch calls: the items' relative URLs. */
  batchItems: string[];
  /** The fault applied, if any. */
  fault: FaultSpec['kind'] | null;
  receivedAt: number;
}

export interface GraphSimulatorOptions extends SimRuleOptions {
  port?: number;
  /** Delay before every answer, in ms (default 0). */
  latencyMs?: number;
  fixturesDir?: string;
  app?: { id: string; secret: string };
  /** The simulator's clock, in unix seconds. */
  now?: () => number;
}

export interface GraphSimulator {
  /** `http://127.0.0.1:PORT`, ready for WA_TOKEN_DOCTOR_GRAPH_URL. */
  url: string;
  app: { id: string; secret: string };
  world: SimWorld;
  /** Registers `token` with a scenario; returns the token. */
  addToken(token: string, scenario: ScenarioName | TokenScenario): string;
  /** Registers a fresh fake token (200 characters, `EAAFAKE…`) with a scenario. */
  newToken(scenario: ScenarioName | TokenScenario, label?: string): string;
  injectFault(fault: FaultSpec, options?: { count?: number; match?: FaultRule['match'] }): void;
  clearFaults(): void;
  setLatency(ms: number): void;
  requests: RecordedRequest[];
  sentMessages: SentMessage[];
  resetRequests(): void;
  close(): Promise<void>;
}

const TOKEN_PARAMS = new Set(['access_token', 'input_token', 'fb_exchange_token', 'client_secret']);
const SECRET_SHAPE = /EAA[A-Za-z0-9]{20,}|\d+(?:\||%7C)[A-Za-z0-9_-]{16,}/i;

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

function sendJson(res: ServerResponse, answer: Answer): void {
  const text = JSON.stringify(answer.body);
  res.writeHead(answer.status, {
    'Content-Type': 'application/json; charset=UTF-8',
    'Content-Length': Buffer.byteLength(text),
    'facebook-api-version': 'v25.0',
    ...(answer.headers ?? {}),
  });
  res.end(text);
}

function splitVersion(rawPath: string): { version: string | null; path: string } {
  const match = /^\/(v\d+\.\d+)(?=\/|$)/.exec(rawPath);
  const rest = match ? rawPath.slice(match[0].length) : rawPath;
  return { version: match?.[1] ?? null, path: rest.replace(/^\/+|\/+$/g, '') };
}

export async function startGraphSimulator(options: GraphSimulatorOptions = {}): Promise<GraphSimulator> {
  const fixtures = loadFixtures(options.fixturesDir);
  const now = options.now ?? (() => Math.floor(Date.now() / 1000));
  const world = new SimWorld(fixtures, now, options.app, rulesFor(options));
  const rules: FaultRule[] = [];
  const requests: RecordedRequest[] = [];
  let latencyMs = options.latencyMs ?? 0;

  function takeFaults(request: { method: string; path: string; kind: RequestKind }): { answer: FaultSpec | null; extraMs: number; batchNull: FaultSpec | null } {
    let answer: FaultSpec | null = null;
    let batchNull: FaultSpec | null = null;
    let extraMs = 0;
    for (const rule of rules) {
      if (rule.remaining <= 0 || !ruleMatches(rule, request)) continue;
      if (rule.fault.kind === 'latency') {
        extraMs += rule.fault.ms;
        rule.remaining -= 1;
      } else if (rule.fault.kind === 'batch_null') {
        if (request.kind !== 'batch' || batchNull) continue;
        batchNull = rule.fault;
        rule.remaining -= 1;
      } else if (!answer) {
        answer = rule.fault;
        rule.remaining -= 1;
      }
    }
    return { answer, extraMs, batchNull };
  }

  function urlSecrets(url: URL): string[] {
    const names = [...url.searchParams]
      .filter(([name, value]) => TOKEN_PARAMS.has(name) || SECRET_SHAPE.test(value) || world.tokens.has(value) || value === world.app.secret)
      .map(([name]) => name);
    return SECRET_SHAPE.test(decodeURIComponent(url.pathname)) ? [...names, '(path)'] : names;
  }

  function answerBatch(params: Record<string, string>, topToken: string | undefined, batchNull: FaultSpec | null): Answer {
    let items: Json[];
    try {
      items = JSON.parse(params.batch ?? '');
    } catch {
      return { status: 400, body: { error: { message: '(#100) The parameter batch must be a valid JSON array', type: 'OAuthException', code: 100 } } };
    }
    if (!Array.isArray(items)) return { status: 400, body: { error: { message: '(#100) batch must be an array', type: 'OAuthException', code: 100 } } };
    if (items.length > 50) return { status: 400, body: { error: { message: '(#1) Batch requests are limited to 50', type: 'OAuthException', code: 1 } } };
    if (!topToken) return { status: 400, body: { error: { message: 'An access token is required to request this resource.', type: 'OAuthException', code: 104 } } };
    // The proof belongs to the top-level token: a missing or wrong one refuses the whole call, as for any call.
    const topRecord = world.tokens.get(topToken);
    const proofRefusal = topRecord && !world.deadAnswer(topRecord) ? world.proofAnswer(topToken, params.appsecret_proof) : null;
    if (proofRefusal) return proofRefusal;
    if (world.rules.refuseBatch) {
      return { status: 400, body: { error: { message: '(#12) Batch requests are not available for this app', type: 'OAuthException', code: 12 } } };
    }
    const withHeaders = params.include_headers !== 'false';
    const nullItems = batchNull?.kind === 'batch_null' ? (batchNull.items ?? items.map((_, index) => index)) : [];
    const answers = items.map((item, index) => {
      if (nullItems.includes(index)) return null;
      const relative = new URL(`http://batch/${String(item?.relative_url ?? '').replace(/^\/+/, '')}`);
      const itemParams: Record<string, string> = Object.fromEntries(relative.searchParams);
      if (typeof item?.body === 'string') Object.assign(itemParams, Object.fromEntries(new URLSearchParams(item.body)));
      // Top-level parameters are the items' fallback, the proof for the top-level token included.
      if (params.appsecret_proof !== undefined && itemParams.access_token === undefined) itemParams.appsecret_proof ??= params.appsecret_proof;
      const { path } = splitVersion(relative.pathname);
      const method = String(item?.method ?? 'GET').toUpperCase();
      const answer = world.route(method, path, itemParams, itemParams.access_token ?? topToken, null);
      const entry: Json = { code: answer.status, body: JSON.stringify(answer.body) };
      if (withHeaders) entry.headers = [{ name: 'Content-Type', value: 'text/javascript; charset=UTF-8' }];
      return entry;
    });
    return { status: 200, body: answers };
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const raw = await readBody(req);
    const contentType = req.headers['content-type'] ?? '';
    let jsonBody: Json = null;
    const params: Record<string, string> = Object.fromEntries(url.searchParams);
    if (/json/i.test(contentType)) {
      try {
        jsonBody = JSON.parse(raw);
      } catch {
        jsonBody = null;
      }
    } else if (raw) Object.assign(params, Object.fromEntries(new URLSearchParams(raw)));
    const bearerMatch = /^(?:Bearer|OAuth)\s+(.+)$/i.exec(req.headers.authorization ?? '');
    const token = bearerMatch?.[1]?.trim() ?? params.access_token;
    const { version, path } = splitVersion(url.pathname);
    const method = (req.method ?? 'GET').toUpperCase();
    const kind = SimWorld.kindOf(path, params);
    const record: RecordedRequest = {
      method,
      path: url.pathname,
      kind,
      version,
      queryNames: [...url.searchParams.keys()],
      urlSecrets: urlSecrets(url),
      appSecretProof: params.appsecret_proof !== undefined,
      bearer: Boolean(bearerMatch),
      batchItems: [],
      fault: null,
      receivedAt: Date.now(),
    };
    if (kind === 'batch') {
      try {
        record.batchItems = (JSON.parse(params.batch ?? '[]') as Json[]).map((item) => String(item?.relative_url ?? ''));
      } catch {
        record.batchItems = [];
      }
    }
    requests.push(record);

    const faults = takeFaults({ method, path, kind });
    const delay = latencyMs + faults.extraMs;
    if (delay > 0) await sleep(delay);
    if (faults.answer) {
      record.fault = faults.answer.kind;
      if (answerWithFault(faults.answer, req, res, fixtures)) return;
    }
    if (faults.batchNull) record.fault = 'batch_null';
    const answer = kind === 'batch' ? answerBatch(params, token, faults.batchNull) : world.route(method, path, params, token, jsonBody);
    sendJson(res, answer);
  }

  const server: Server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      if (!res.headersSent) sendJson(res, { status: 500, body: { error: { message: `Simulator failure: ${String(error)}`, code: 1 } } });
    });
  });
  server.keepAliveTimeout = 5_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    app: world.app,
    world,
    addToken: (token, scenario) => world.addToken(token, scenario),
    newToken: (scenario, label) => world.addToken(makeFakeToken(label ?? (typeof scenario === 'string' ? scenario : scenario.scenario)), scenario),
    injectFault(fault, faultOptions = {}) {
      rules.push({ fault, remaining: faultOptions.count ?? Number.POSITIVE_INFINITY, match: faultOptions.match });
    },
    clearFaults() {
      rules.length = 0;
    },
    setLatency(ms) {
      latencyMs = ms;
    },
    requests,
    sentMessages: world.sentMessages,
    resetRequests() {
      requests.length = 0;
    },
    close() {
      return new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      });
    },
  };
}
