// The diagnosis: a token plus what is known of the bot → a Diagnosis, in ONE round trip of waiting: debug_token and
// the reads (one batch, or parallel requests) go out together (diagnosis-requests.ts). Never one call after another.
import type { UserMessage } from '../errors';
import { maskToken } from '../token/mask';
import { checkTokenShape } from '../token/shape';
import { openGraphSession, DEFAULT_TOTAL_TIMEOUT_MS, type GraphClientOptions } from './client';
import { askReads, debugTokenCall, diagnosisReads } from './diagnosis-requests';
import type { BotFacts, Diagnosis } from './types';
import { buildDiagnosis, type DiagnosisEvidence } from './verdict';
import { DEFAULT_API_VERSION, describeApiVersion, versionWarning } from './versions';
import * as say from './wording';

export interface AppCredentials {
  appId: string;
  appSecret: string;
}

export interface DiagnoseOptions extends GraphClientOptions {
  /** The version of GraphClientOptions is the one called (default v25.0); the bot's pinned version only drives a warning. */
  now?: () => Date;
  /**
   * When given, debug_token is asked by the app (`APPID|SECRET`): an expired token cannot spoil the question, and a
   * system-user token's expiry becomes readable. Every call then also carries `appsecret_proof`.
   */
  appCredentials?: AppCredentials | null;
  /** false: the reads go as parallel requests even where a batch would do (the bench compares both). */
  batch?: boolean;
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

  const credentials = options.appCredentials?.appId && options.appCredentials.appSecret ? options.appCredentials : null;
  const session = openGraphSession({ ...options, version, timeoutMs, appCredentials: credentials });
  const { items, parts } = diagnosisReads(phoneNumberId, wabaId);

  const [debug, reads] = await Promise.all([
    debugTokenCall(session, shape.token, credentials),
    askReads(session, shape.token, items, options.batch ?? true),
  ]);

  const evidence: DiagnosisEvidence = { debug: debug.outcome, debugCaller: credentials ? 'app' : 'self' };
  reads.outcomes.forEach((outcome, index) => {
    const part = parts[index];
    if (part) evidence[part] = outcome;
  });

  return buildDiagnosis(evidence, {
    maskedToken: shape.masked,
    phoneNumberId,
    wabaId,
    now: now(),
    apiVersion,
    requests: debug.attempts + reads.requests,
    roundTrips: Math.max(debug.attempts, reads.roundTrips),
    timeoutMs,
    warnings,
  });
}

function malformedDiagnosis(token: string, problem: Parameters<typeof say.shapeSummary>[0], now: Date, apiVersion: Diagnosis['apiVersion']): Diagnosis {
  const warning = versionWarning(apiVersion);
  return {
    status: 'malformed',
    checkedAt: now.toISOString(),
    token: maskToken(token.trim()),
    tokenType: null,
    tokenLifetime: 'unknown',
    expiresAt: null,
    neverExpires: false,
    expiryUnknownReason: null,
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
    warnings: warning ? [warning] : [],
    requests: 0,
    roundTrips: 0,
  };
}
