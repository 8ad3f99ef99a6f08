// Combines what Meta answered (debug_token plus the batch items) into one Diagnosis. Pure: no I/O, no clock.
// The rule that matters most: only an answer from Meta about the token can call it dead; a network fault,
// a timeout, a 5xx, an odd body, a null batch item or a rate limit never can.
import type { UserMessage } from '../errors';
import { classifyGraphError, isAppCredentialError, isAppTokenRequiredError, isDeadTokenVerdict, type ErrorVerdict } from './classify';
import type { GraphOutcome } from './client';
import { parseDebugToken, scopesExcludingWaba, tokenLifetime, wabaTargets, type DebugTokenFacts } from './debug-token';
import { deadFinding, faultFinding, isoFromSeconds, metaErrorFinding, rateLimitFinding, RANK, type Finding } from './findings';
import { toGraphErrorInfo, type GraphError } from './graph-error';
import { readCalls, type CallsEvidence } from './read-calls';
import { REQUIRED_SCOPES, type ApiVersionInfo, type Diagnosis, type TokenStatus } from './types';
import { versionWarning } from './versions';
import * as say from './wording';

/** What came back, per question asked. `undefined`: that question was not asked. */
export interface DiagnosisEvidence extends CallsEvidence {
  debug?: GraphOutcome;
  /** Who asked debug_token: the app (`APPID|SECRET`) or the token about itself. */
  debugCaller: 'app' | 'self';
}

export interface DiagnosisContext {
  maskedToken: string;
  phoneNumberId: string | null;
  wabaId: string | null;
  now: Date;
  apiVersion: ApiVersionInfo;
  requests: number;
  roundTrips: number;
  timeoutMs: number;
  /** Warnings found before any request (ids that are not ids…). */
  warnings: UserMessage[];
}

export const EXPIRING_SOON_DAYS = 7;
const DAY_MS = 86_400_000;

interface DebugReading {
  facts: DebugTokenFacts | null;
  findings: Finding[];
  warnings: UserMessage[];
  /** Why debug_token gave nothing, when it did not. */
  failure: Finding | null;
  /**
   * The token asked about itself and Meta said only the app may ask (FACTS.md §0 #4): Meta accepted it as the
   * caller, so it works; its expiry is readable only with the app's ID and secret.
   */
  needsAppToken: boolean;
}

/** True for top-level debug_token errors that concern the caller (the app credentials), not the token. */
function isCallerProblem(error: GraphError): boolean {
  return isAppCredentialError(error) || isDeadTokenVerdict(classifyGraphError(error)) || error.code === 100;
}

function readDebug(evidence: DiagnosisEvidence, ctx: DiagnosisContext): DebugReading {
  const reading: DebugReading = { facts: null, findings: [], warnings: [], failure: null, needsAppToken: false };
  const outcome = evidence.debug;
  if (!outcome) return reading;

  if (outcome.kind === 'fault') {
    reading.failure = faultFinding(outcome.fault, ctx.timeoutMs);
    return reading;
  }
  if (outcome.kind === 'graph_error') {
    const verdict = classifyGraphError(outcome.error);
    if (evidence.debugCaller === 'self' && isAppTokenRequiredError(outcome.error)) {
      reading.needsAppToken = true;
    } else if (verdict.status === 'rate_limited') {
      reading.findings.push(rateLimitFinding(verdict, outcome.error, outcome.headers));
    } else if (evidence.debugCaller === 'app' && isCallerProblem(outcome.error)) {
      reading.warnings.push(say.warning.appCredentialsRejected());
      reading.failure = { status: 'meta_error', summary: say.APP_CREDENTIALS_SUMMARY, fix: say.APP_CREDENTIALS_FIX, graphError: outcome.error, rank: RANK.couldNotTell };
    } else if (isDeadTokenVerdict(verdict)) {
      reading.findings.push(deadFinding(verdict, outcome.error, RANK.deadFromCall, null));
    } else {
      reading.failure = metaErrorFinding(outcome.error);
    }
    return reading;
  }

  const facts = parseDebugToken(outcome.body);
  if (!facts) {
    reading.failure = faultFinding('invalid_json', ctx.timeoutMs);
    return reading;
  }
  reading.facts = facts;
  const knownExpiry = isoFromSeconds(facts.expiresAt);

  if (!facts.isValid) {
    const stated = facts.error ? classifyGraphError(facts.error) : null;
    let verdict: ErrorVerdict = stated && isDeadTokenVerdict(stated) ? stated : { status: 'revoked', reason: 'invalid' };
    const expiry = facts.expiresAt ?? 0;
    if (!facts.error && expiry > 0 && expiry * 1000 <= ctx.now.getTime()) {
      // Stryker disable next-line StringLiteral: equivalent, no other expired reason reads a date or changes the fix.
      verdict = { status: 'expired', reason: 'session_expired', expiredAt: knownExpiry };
    }
    reading.findings.push(deadFinding(verdict, facts.error, RANK.deadFromDebug, knownExpiry));
    return reading;
  }

  const missing = REQUIRED_SCOPES.filter((scope) => !facts.scopes.includes(scope));
  if (missing.length > 0) {
    reading.findings.push({ status: 'missing_permissions', summary: say.missingScopesSummary(missing), fix: say.addPermissionsFix(missing), graphError: null, rank: RANK.missingScopes });
  }
  if (ctx.wabaId && scopesExcludingWaba(facts.granularScopes, ctx.wabaId).length > 0) {
    reading.findings.push({ status: 'wrong_account', summary: say.wrongWabaSummary(ctx.wabaId, wabaTargets(facts.granularScopes)), fix: say.assignWabaFix(ctx.wabaId), graphError: null, rank: RANK.wrongWaba });
  }
  return reading;
}

function validityWarnings(facts: DebugTokenFacts | null, lifetime: Diagnosis['tokenLifetime'], now: Date): UserMessage[] {
  const warnings: UserMessage[] = [];
  if (!facts) return warnings;
  if (lifetime === 'temporary') warnings.push(say.warning.temporaryToken());
  if (lifetime === 'unknown') warnings.push(say.warning.expiryUnknown());
  const dataAccess = facts.dataAccessExpiresAt;
  if (dataAccess && dataAccess > 0 && dataAccess * 1000 - now.getTime() < EXPIRING_SOON_DAYS * DAY_MS) {
    warnings.push(say.warning.dataAccessExpiring(new Date(dataAccess * 1000).toISOString()));
  }
  if (facts.isValid && facts.scopes.length > 0 && !facts.scopes.includes('business_management') && facts.type === 'system_user') {
    warnings.push(say.warning.businessManagementMissing());
  }
  return warnings;
}

function dedupe(messages: UserMessage[]): UserMessage[] {
  const seen = new Set<string>();
  return messages.filter((item) => {
    const key = JSON.stringify(item);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** The one Diagnosis for everything Meta said (or did not say). */
export function buildDiagnosis(evidence: DiagnosisEvidence, ctx: DiagnosisContext): Diagnosis {
  const debug = readDebug(evidence, ctx);
  const calls = readCalls(evidence, ctx);
  const facts = debug.facts;
  const decisive = [...debug.findings, ...calls.findings].sort((a, b) => a.rank - b.rank)[0];

  const lifetime = facts ? tokenLifetime(facts, ctx.now.getTime() / 1000) : 'unknown';
  const neverExpires = facts?.expiresAt === 0;
  let expiresAt = isoFromSeconds(facts?.expiresAt ?? null);
  const warnings: UserMessage[] = [...ctx.warnings];
  const versionNote = versionWarning(ctx.apiVersion);
  if (versionNote) warnings.push(versionNote);

  let status: TokenStatus;
  let summary: UserMessage;
  let fix: UserMessage | null;
  let graphError: GraphError | null = null;

  if (decisive) {
    ({ status, summary, fix, graphError } = decisive);
    if (decisive.expiresAt) expiresAt = decisive.expiresAt;
  } else if (facts?.isValid || calls.anyOk || debug.needsAppToken) {
    const msLeft = expiresAt ? Date.parse(expiresAt) - ctx.now.getTime() : null;
    // Stryker disable next-line ConditionalExpression,LogicalOperator: equivalent, msLeft is null exactly when expiresAt is.
    if (expiresAt && msLeft !== null && msLeft < EXPIRING_SOON_DAYS * DAY_MS) {
      status = 'expiring_soon';
      summary = say.expiringSoonSummary(expiresAt, msLeft);
      fix = say.expiringSoonFix(lifetime, expiresAt);
    } else {
      status = 'ok';
      summary = debug.needsAppToken
        ? say.OK_EXPIRY_NEEDS_APP_CREDENTIALS
        // Stryker disable next-line ConditionalExpression: equivalent, without a date okSummary reads no day count.
        : say.okSummary(expiresAt, neverExpires, msLeft === null ? null : Math.round(msLeft / DAY_MS));
      fix = null;
    }
    if (debug.needsAppToken) warnings.push(say.warning.expiryNeedsAppCredentials());
    else if (!facts) warnings.push(say.warning.expiryUnknown());
  } else {
    const failure = debug.failure ?? calls.firstFailure ?? metaErrorFinding({ code: -1, subcode: null, message: '', type: null, fbtraceId: null, isTransient: false, details: null });
    ({ status, summary, fix, graphError } = failure);
  }

  const stillUsable = status === 'ok' || status === 'expiring_soon';
  if (stillUsable || status === 'missing_permissions' || status === 'wrong_account' || status === 'rate_limited') {
    warnings.push(...validityWarnings(facts, lifetime, ctx.now));
  }
  // A dead token makes every other call fail the same way: those are not separate problems.
  warnings.push(...debug.warnings);
  if (stillUsable || status === 'rate_limited') warnings.push(...calls.warnings);

  const targets = facts ? wabaTargets(facts.granularScopes) : [];
  const wabaIds = targets.length > 0 ? targets : calls.wabaReachable && ctx.wabaId ? [ctx.wabaId] : [];

  return {
    status,
    checkedAt: ctx.now.toISOString(),
    token: ctx.maskedToken,
    // Only a system-user token is refused a look at itself (FACTS.md §0 #4).
    tokenType: facts?.type ?? (debug.needsAppToken ? 'system_user' : null),
    tokenLifetime: lifetime,
    expiresAt,
    neverExpires,
    expiryUnknownReason: debug.needsAppToken && (status === 'ok' || status === 'rate_limited' || status === 'missing_permissions' || status === 'wrong_account') ? 'needs_app_credentials' : null,
    dataAccessExpiresAt: isoFromSeconds(facts?.dataAccessExpiresAt ?? null),
    issuedAt: isoFromSeconds(facts?.issuedAt ?? null),
    appId: facts?.appId ?? null,
    application: facts?.application ?? null,
    scopes: facts?.scopes ?? [],
    missingScopes: facts?.isValid ? REQUIRED_SCOPES.filter((scope) => !facts.scopes.includes(scope)) : [],
    wabaIds,
    phone: calls.phone,
    helloWorld: calls.helloWorld,
    apiVersion: ctx.apiVersion,
    graphError: graphError ? toGraphErrorInfo(graphError) : null,
    summary,
    fix,
    warnings: dedupe(warnings),
    requests: ctx.requests,
    roundTrips: ctx.roundTrips,
  };
}
