// The diagnosis: a token plus what is known of the bot → a Diagnosis, in ONE round trip of waiting.
// debug_token (Meta does not document it inside a batch) goes out in parallel with one batch carrying the
// phone number, the WABA's numbers and its hello_world template. Never one call after another.
import type { UserMessage } from '../errors';
import { maskToken } from '../token/mask';
import { checkTokenShape } from '../token/shape';
import { batchForm, splitBatchOutcome, type BatchItem } from './batch';
import { graphCall, openGraphSession, DEFAULT_TOTAL_TIMEOUT_MS, type GraphClientOptions, type GraphResult, type GraphSession } from './client';
import type { BotFacts, Diagnosis } from './types';
import { buildDiagnosis, type DiagnosisEvidence } from './verdict';
import { DEFAULT_API_VERSION, describeApiVersion } from './versions';
import * as say from './wording';

export interface AppCredentials {
  appId: string;
  appSecret: string;
}

export interface DiagnoseOptions extends GraphClientOptions {
  /** The version of GraphClientOptions is the one called (default v25.0); the bot's pinned version only drives a warning. */
  now?: () => Date;
  /** When given, debug_token is asked by the app (`APPID|SECRET`), so an expired token cannot spoil the question. */
  appCredentials?: AppCredentials | null;
}

/** Graph object ids are digits; anything else (a phone number with +, a name) would break the request. */
const GRAPH_ID = /^\d{5,25}$/;

function cleanId(raw: string | null | undefined, kind: 'phone' | 'waba', warnings: UserMessage[]): string | null {
  const value = raw?.trim().replace(/^["']|["']$/g, '') ?? '';
  if (!value) return null;
  if (GRAPH_ID.test(value)) return value;
  warnings.push(say.warning.invalidId(kind, value.slice(0, 40)));
  return null;
}

export const PHONE_FIELDS = 'display_phone_number,verified_name,quality_rating';

/** The batch items for what is known of the bot, in a fixed order. */
export function diagnosisBatchItems(phoneNumberId: string | null, wabaId: string | null): { items: BatchItem[]; parts: Array<'phone' | 'wabaPhones' | 'templates'> } {
  const items: BatchItem[] = [];
  const parts: Array<'phone' | 'wabaPhones' | 'templates'> = [];
  if (phoneNumberId) {
    items.push({ method: 'GET', relativeUrl: `${phoneNumberId}?fields=${PHONE_FIELDS}` });
    parts.push('phone');
  }
  if (wabaId) {
    items.push({ method: 'GET', relativeUrl: `${wabaId}/phone_numbers?fields=id,${PHONE_FIELDS}` });
    parts.push('wabaPhones');
    items.push({ method: 'GET', relativeUrl: `${wabaId}/message_templates?name=hello_world&fields=name,status,language` });
    parts.push('templates');
  }
  return { items, parts };
}

/** debug_token as a POST form (`method=GET`), so neither token appears in the URL. */
export function debugTokenCall(session: GraphSession, token: string, credentials: AppCredentials | null | undefined): Promise<GraphResult> {
  const caller = credentials ? `${credentials.appId}|${credentials.appSecret}` : token;
  return graphCall(session, { method: 'POST', path: 'debug_token', form: { input_token: token, method: 'GET' }, bearer: caller });
}

/**
 * Diagnoses `token` for the bot described by `facts`. A malformed token is reported without any request;
 * otherwise the answer costs one round trip (more only when a transient fault is retried).
 */
export async function diagnoseToken(token: string, facts: BotFacts = {}, options: DiagnoseOptions = {}): Promise<Diagnosis> {
  const now = options.now ?? (() => new Date());
  const version = options.version ?? DEFAULT_API_VERSION;
  const apiVersion = describeApiVersion(facts.apiVersion ?? null, version, now());
  const timeoutMs = options.timeoutMs ?? DEFAULT_TOTAL_TIMEOUT_MS;
  const warnings: UserMessage[] = [];
  const phoneNumberId = cleanId(facts.phoneNumberId, 'phone', warnings);
  const wabaId = cleanId(facts.wabaId, 'waba', warnings);

  const shape = checkTokenShape(token);
  if (!shape.ok) {
    return malformedDiagnosis(token, shape.problem, now(), apiVersion);
  }

  const session = openGraphSession({ ...options, version, timeoutMs });
  const { items, parts } = diagnosisBatchItems(phoneNumberId, wabaId);
  const credentials = options.appCredentials?.appId && options.appCredentials.appSecret ? options.appCredentials : null;

  const [debug, batch] = await Promise.all([
    debugTokenCall(session, shape.token, credentials),
    items.length > 0
      ? graphCall(session, { method: 'POST', path: '', form: batchForm(shape.token, items) })
      : Promise.resolve(null),
  ]);

  const evidence: DiagnosisEvidence = { debug: debug.outcome, debugCaller: credentials ? 'app' : 'self' };
  if (batch) {
    splitBatchOutcome(batch.outcome, items.length).forEach((outcome, index) => {
      const part = parts[index];
      if (part) evidence[part] = outcome;
    });
  }

  return buildDiagnosis(evidence, {
    maskedToken: shape.masked,
    phoneNumberId,
    wabaId,
    now: now(),
    apiVersion,
    requests: debug.attempts + (batch?.attempts ?? 0),
    roundTrips: Math.max(debug.attempts, batch?.attempts ?? 0),
    timeoutMs,
    warnings,
  });
}

function malformedDiagnosis(token: string, problem: Parameters<typeof say.shapeSummary>[0], now: Date, apiVersion: Diagnosis['apiVersion']): Diagnosis {
  const warnings: UserMessage[] = [];
  if (apiVersion.retired && apiVersion.configured) {
    warnings.push(say.warning.retiredVersion(apiVersion.configured, apiVersion.recommended, apiVersion.retiredOn));
  }
  return {
    status: 'malformed',
    checkedAt: now.toISOString(),
    token: maskToken(token.trim()),
    tokenType: null,
    tokenLifetime: 'unknown',
    expiresAt: null,
    neverExpires: false,
    dataAccessExpiresAt: null,
    issuedAt: null,
    appId: null,
    application: null,
    scopes: [],
    missingScopes: [],
    wabaIds: [],
    phone: null,
    helloWorld: null,
    apiVersion,
    graphError: null,
    summary: say.shapeSummary(problem),
    fix: say.shapeFix(problem),
    warnings,
    requests: 0,
    roundTrips: 0,
  };
}
