// Token scenarios for the Graph simulator: what debug_token says about a token, and what any other call
// answers when Meta refuses it. Timestamps are computed from "now", so "expires in 3 days" stays true.
import type { Fixtures, Json } from './fixtures';

export type ScenarioName =
  | 'never_expiring'
  | 'system_user_60_day'
  | 'sixty_day'
  | 'expiring'
  | 'temporary'
  | 'embedded_signup'
  | 'missing_permission'
  | 'wrong_waba'
  | 'expired'
  | 'logged_out'
  | 'password_changed'
  | 'invalid_467'
  | 'revoked'
  | 'cannot_parse';

export interface TokenScenario {
  scenario: ScenarioName;
  /** `expiring`, `sixty_day`, `system_user_60_day`: days until expiry (default 3 for expiring, 60 otherwise). */
  days?: number;
  /** `temporary`: hours until expiry (default 3). */
  hours?: number;
  /** Override `granular_scopes[].target_ids` of the WhatsApp scopes; null = no targets (all accounts). */
  wabaIds?: string[] | null;
  scopes?: string[];
  /** Dead tokens: the subcode to send; null sends none (the message alone must tell). */
  subcode?: number | null;
  /** Dead tokens: replaces Meta's message. */
  message?: string;
  /** `expired`: the modern `Session has expired on …` text or the older `… at unix time N`. */
  expiredMessage?: 'date' | 'unix';
  /** Dead tokens: HTTP status of the error answers (Meta uses 400 and 401). */
  httpStatus?: number;
  /** Dead tokens inspecting themselves: 200 with `is_valid:false` (default) or a top-level error. */
  selfInspection?: 'data' | 'error';
  /** Include `issued_at` (temporary tokens omit it by default, as Meta does for short-lived tokens). */
  issuedAt?: boolean;
}

export const SIM_APP_ID = '100000000000001';
/** The same owner's other Meta app: its ID and secret are real, but no registered token is its. */
export const SIM_OTHER_APP = { id: '100000000000091', secret: '9e8d7c6b5a4f30211203f4e5d6c7b8a9' } as const;
export const SIM_WABA_ID = '200000000000002';
export const SIM_OTHER_WABA_ID = '200000000000012';
export const SIM_PHONE_NUMBER_ID = '300000000000003';

const DAY = 86_400;
const DEAD: ReadonlySet<ScenarioName> = new Set(['expired', 'logged_out', 'password_changed', 'invalid_467', 'revoked', 'cannot_parse']);

export function isDeadScenario(scenario: TokenScenario): boolean {
  return DEAD.has(scenario.scenario);
}

/** Tokens of a system user (Business Settings → System users), as opposed to a person's. */
export function isSystemUserScenario(scenario: TokenScenario): boolean {
  return scenario.scenario === 'never_expiring' || scenario.scenario === 'system_user_60_day';
}

/** Meta's own rendering of a moment: `Tuesday, 21-Oct-25 17:00:00 PDT` (Pacific time). */
export function pacificTime(seconds: number): string {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-US', {
      timeZone: 'America/Los_Angeles',
      weekday: 'long',
      day: '2-digit',
      month: 'short',
      year: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      hourCycle: 'h23',
      timeZoneName: 'short',
    })
      .formatToParts(new Date(seconds * 1000))
      .map((part) => [part.type, part.value]),
  );
  return `${parts.weekday}, ${parts.day}-${parts.month}-${parts.year} ${parts.hour}:${parts.minute}:${parts.second} ${parts.timeZoneName}`;
}

export function expiredMessage(expiredAt: number, now: number, style: 'date' | 'unix' = 'date'): string {
  if (style === 'unix') return `Error validating access token: Session has expired at unix time ${expiredAt}. The current unix time is ${now}.`;
  return `Error validating access token: Session has expired on ${pacificTime(expiredAt)}. The current time is ${pacificTime(now)}.`;
}

function withTargets(data: Json, scenario: TokenScenario): Json {
  if (scenario.scopes) {
    data.scopes = scenario.scopes;
    data.granular_scopes = scenario.scopes.map((scope) => ({ scope }));
  }
  if (scenario.wabaIds !== undefined && Array.isArray(data.granular_scopes)) {
    for (const entry of data.granular_scopes as Json[]) {
      if (!String(entry.scope).startsWith('whatsapp_business_')) continue;
      if (scenario.wabaIds === null) delete entry.target_ids;
      else entry.target_ids = [...scenario.wabaIds];
    }
  }
  return data;
}

/** The Graph error a dead token gets on every call: `{ status, body }`. */
export function deadTokenError(fixtures: Fixtures, scenario: TokenScenario, now: number, expiresAt: number): { status: number; body: Json } {
  let body: Json;
  let status = 400;
  switch (scenario.scenario) {
    case 'expired':
      body = fixtures.get('error_190_463_expired');
      body.error.message = expiredMessage(expiresAt, now, scenario.expiredMessage);
      break;
    case 'logged_out':
      body = fixtures.get('error_190_467_logged_out');
      break;
    case 'password_changed':
      body = fixtures.get('error_190_460_password_changed');
      break;
    case 'invalid_467':
      body = fixtures.get('error_190_467_invalid');
      break;
    case 'revoked':
      body = fixtures.get('error_190_467_invalid');
      body.error.message = 'Error validating access token: The session was invalidated explicitly using an API call.';
      body.error.error_subcode = 466;
      break;
    default:
      body = { error: { message: 'Invalid OAuth access token - Cannot parse access token', type: 'OAuthException', code: 190, fbtrace_id: 'AFakeTraceIdSim0000000001' } };
      status = 401;
  }
  if (scenario.subcode === null) delete body.error.error_subcode;
  else if (scenario.subcode !== undefined) body.error.error_subcode = scenario.subcode;
  if (scenario.message) body.error.message = scenario.message;
  return { status: scenario.httpStatus ?? status, body };
}

/** When the token expires (unix seconds; 0 = never), so the token's behaviour is fixed at registration. */
export function expiryOf(scenario: TokenScenario, now: number): number {
  switch (scenario.scenario) {
    case 'never_expiring':
    case 'embedded_signup':
      return 0;
    case 'temporary':
      return now + Math.round((scenario.hours ?? 3) * 3600);
    case 'expiring':
      return now + Math.round((scenario.days ?? 3) * DAY);
    case 'expired':
      return now - Math.round((scenario.days ?? 1) * DAY);
    default:
      return now + Math.round((scenario.days ?? 60) * DAY);
  }
}

/** debug_token's `data` for a token in this scenario. */
export function debugData(fixtures: Fixtures, scenario: TokenScenario, now: number, expiresAt: number): Json {
  switch (scenario.scenario) {
    case 'never_expiring': {
      const data = fixtures.get('debug_token_system_user_never_expires').data;
      data.issued_at = now - 30 * DAY;
      return withTargets(data, scenario);
    }
    case 'system_user_60_day': {
      // What Business Settings' "Generate token" makes since 2026: a system user, "60 days (recommended)".
      const data = fixtures.get('debug_token_system_user_never_expires').data;
      data.expires_at = expiresAt;
      data.issued_at = expiresAt - 60 * DAY;
      return withTargets(data, scenario);
    }
    case 'embedded_signup':
      return withTargets(fixtures.get('debug_token_business_token_embedded_signup').data, scenario);
    case 'cannot_parse':
      return fixtures.get('debug_token_invalid_cannot_parse').data;
    default:
      break;
  }
  const data = fixtures.get('debug_token_valid_60_day').data;
  data.expires_at = expiresAt;
  if (scenario.scenario === 'temporary') {
    data.data_access_expires_at = now + 90 * DAY;
    if (scenario.issuedAt) data.issued_at = expiresAt - DAY;
    else delete data.issued_at;
  } else {
    data.issued_at = expiresAt - 60 * DAY;
    data.data_access_expires_at = data.issued_at + 90 * DAY;
  }
  if (scenario.scenario === 'missing_permission') {
    data.scopes = scenario.scopes ?? ['business_management', 'public_profile'];
    data.granular_scopes = (data.scopes as string[]).map((scope) => ({ scope }));
  } else if (scenario.scenario === 'wrong_waba') {
    withTargets(data, { ...scenario, wabaIds: scenario.wabaIds ?? [SIM_OTHER_WABA_ID] });
  } else {
    withTargets(data, scenario);
  }
  if (isDeadScenario(scenario)) {
    const { body } = deadTokenError(fixtures, scenario, now, expiresAt);
    data.is_valid = false;
    data.error = { code: body.error.code, message: body.error.message };
    if (body.error.error_subcode !== undefined) data.error.subcode = body.error.error_subcode;
  }
  return data;
}
