// Combines what Meta answered (debug_token plus the batch items) into one Diagnosis. Pure: no I/O, no clock.
// The rule that matters most: only an answer from Meta about the token can call it dead; a network fault,
// a timeout, a 5xx, an odd body, a null batch item or a rate limit never can.
import type { UserMessage } from '../errors';
import { classifyGraphError, isAppCredentialError, isDeadTokenVerdict, type ErrorVerdict } from './classify';
import type { GraphOutcome } from './client';
import { parseDebugToken, scopesExcludingWaba, tokenLifetime, wabaTargets, type DebugTokenFacts } from './debug-token';
import { toGraphErrorInfo, type GraphError } from './graph-error';
import { REQUIRED_SCOPES, type ApiVersionInfo, type Diagnosis, type PhoneInfo, type TokenStatus } from './types';
import * as say from './wording';

/** What came back, per question asked. `undefined`: that question was not asked. */
export interface DiagnosisEvidence {
  debug?: GraphOutcome;
  /** Who asked debug_token: the app (`APPID|SECRET`) or the token about itself. */
  debugCaller: 'app' | 'self';
  phone?: GraphOutcome;
  wabaPhones?: GraphOutcome;
  templates?: GraphOutcome;
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

interface Finding {
  status: TokenStatus;
  summary: UserMessage;
  fix: UserMessage | null;
  graphError: GraphError | null;
  /** Lower wins. */
  rank: number;
  expiresAt?: string | null;
}

const RANK = {
  deadFromDebug: 0,
  deadFromCall: 1,
  missingScopes: 2,
  wrongWaba: 3,
  unknownObject: 4,
  permissionDenied: 5,
  rateLimited: 6,
} as const;

function isoFromSeconds(seconds: number | null): string | null {
  return seconds && seconds > 0 ? new Date(seconds * 1000).toISOString() : null;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function text(value: unknown): string | null {
  return typeof value === 'string' && value ? value : null;
}

function phoneInfo(raw: unknown, fallbackId: string): PhoneInfo {
  const record = isRecord(raw) ? raw : {};
  return {
    id: text(record.id) ?? fallbackId,
    displayPhoneNumber: text(record.display_phone_number),
    verifiedName: text(record.verified_name),
    qualityRating: text(record.quality_rating),
  };
}

function listData(body: unknown): { items: Record<string, unknown>[]; hasMore: boolean } {
  if (!isRecord(body) || !Array.isArray(body.data)) return { items: [], hasMore: false };
  const paging = isRecord(body.paging) ? body.paging : {};
  return { items: body.data.filter(isRecord), hasMore: typeof paging.next === 'string' };
}

/** Minutes until Meta lets the app in again, from `X-Business-Use-Case-Usage` when it says. */
function minutesToRegainAccess(headers: Record<string, string>): number | null {
  const raw = headers['x-business-use-case-usage'];
  if (!raw) return null;
  try {
    const usage = JSON.parse(raw) as Record<string, Array<{ estimated_time_to_regain_access?: unknown }>>;
    const minutes = Object.values(usage)
      .flat()
      .map((entry) => Number(entry.estimated_time_to_regain_access))
      .filter((value) => Number.isFinite(value));
    return minutes.length > 0 ? Math.max(...minutes) : null;
  } catch {
    return null;
  }
}

function deadFinding(verdict: ErrorVerdict, error: GraphError | null, rank: number, knownExpiry: string | null): Finding {
  const expiresAt = verdict.status === 'expired' && verdict.reason === 'session_expired' ? (verdict.expiredAt ?? knownExpiry) : knownExpiry;
  return {
    status: verdict.status,
    summary: say.deadTokenSummary(verdict, expiresAt),
    fix: say.deadTokenFix(verdict),
    graphError: error,
    rank,
    expiresAt,
  };
}

/** A finding for an error a call returned, or null when the error says nothing decisive (a warning instead). */
function callErrorFinding(error: GraphError, headers: Record<string, string>, ctx: DiagnosisContext, part: 'phone' | 'waba' | 'templates'): Finding | null {
  const verdict = classifyGraphError(error);
  if (isDeadTokenVerdict(verdict)) return deadFinding(verdict, error, RANK.deadFromCall, null);
  switch (verdict.status) {
    case 'wrong_account':
      if (part === 'phone' && ctx.phoneNumberId) {
        return { status: 'wrong_account', summary: say.unknownPhoneSummary(ctx.phoneNumberId), fix: say.CHECK_PHONE_ID_FIX, graphError: error, rank: RANK.unknownObject };
      }
      if (ctx.wabaId) {
        return { status: 'wrong_account', summary: say.unknownWabaSummary(ctx.wabaId), fix: say.assignWabaFix(ctx.wabaId), graphError: error, rank: RANK.unknownObject };
      }
      return null;
    case 'missing_permissions':
      return { status: 'missing_permissions', summary: say.PERMISSION_DENIED_SUMMARY, fix: say.PERMISSION_DENIED_FIX, graphError: error, rank: RANK.permissionDenied };
    case 'rate_limited':
      return { status: 'rate_limited', summary: say.rateLimitSummary(verdict, error.code), fix: say.waitFix(minutesToRegainAccess(headers)), graphError: error, rank: RANK.rateLimited };
    default:
      return null;
  }
}

/** True for top-level debug_token errors that concern the caller (the app credentials), not the token. */
function isCallerProblem(error: GraphError): boolean {
  return isAppCredentialError(error) || isDeadTokenVerdict(classifyGraphError(error)) || error.code === 100;
}

interface DebugReading {
  facts: DebugTokenFacts | null;
  findings: Finding[];
  warnings: UserMessage[];
  /** Why debug_token gave nothing, when it did not. */
  failure: Finding | null;
}

function readDebug(evidence: DiagnosisEvidence, ctx: DiagnosisContext): DebugReading {
  const reading: DebugReading = { facts: null, findings: [], warnings: [], failure: null };
  const outcome = evidence.debug;
  if (!outcome) return reading;

  if (outcome.kind === 'fault') {
    reading.failure = { status: say.isConnectionFault(outcome.fault) ? 'network_error' : 'meta_error', summary: say.faultSummary(outcome.fault, ctx.timeoutMs), fix: say.faultFix(outcome.fault), graphError: null, rank: 99 };
    return reading;
  }
  if (outcome.kind === 'graph_error') {
    const verdict = classifyGraphError(outcome.error);
    if (verdict.status === 'rate_limited') {
      reading.findings.push({ status: 'rate_limited', summary: say.rateLimitSummary(verdict, outcome.error.code), fix: say.waitFix(minutesToRegainAccess(outcome.headers)), graphError: outcome.error, rank: RANK.rateLimited });
    } else if (evidence.debugCaller === 'app' && isCallerProblem(outcome.error)) {
      reading.warnings.push(say.warning.appCredentialsRejected());
      reading.failure = { status: 'meta_error', summary: say.APP_CREDENTIALS_SUMMARY, fix: say.APP_CREDENTIALS_FIX, graphError: outcome.error, rank: 99 };
    } else if (isDeadTokenVerdict(verdict)) {
      reading.findings.push(deadFinding(verdict, outcome.error, RANK.deadFromCall, null));
    } else if (verdict.status === 'meta_error') {
      reading.failure = { status: 'meta_error', summary: say.metaErrorSummary(verdict, outcome.error.code), fix: say.metaErrorFix(verdict), graphError: outcome.error, rank: 99 };
    } else {
      reading.failure = { status: 'meta_error', summary: say.metaErrorSummary({ status: 'meta_error', reason: 'other' }, outcome.error.code), fix: say.metaErrorFix({ status: 'meta_error', reason: 'other' }), graphError: outcome.error, rank: 99 };
    }
    return reading;
  }

  const facts = parseDebugToken(outcome.body);
  if (!facts) {
    reading.failure = { status: 'network_error', summary: say.faultSummary('invalid_json', ctx.timeoutMs), fix: say.faultFix('invalid_json'), graphError: null, rank: 99 };
    return reading;
  }
  reading.facts = facts;
  const nowSeconds = ctx.now.getTime() / 1000;
  const knownExpiry = isoFromSeconds(facts.expiresAt);

  if (!facts.isValid) {
    let verdict: ErrorVerdict = facts.error ? classifyGraphError(facts.error) : { status: 'revoked', reason: 'invalid' };
    if (!isDeadTokenVerdict(verdict)) verdict = { status: 'revoked', reason: 'invalid' };
    if (!facts.error && facts.expiresAt && facts.expiresAt > 0 && facts.expiresAt <= nowSeconds) {
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

interface CallsReading {
  phone: PhoneInfo | null;
  helloWorld: Diagnosis['helloWorld'];
  wabaReachable: boolean;
  anyOk: boolean;
  findings: Finding[];
  warnings: UserMessage[];
  firstFault: Finding | null;
}

function readCalls(evidence: DiagnosisEvidence, ctx: DiagnosisContext): CallsReading {
  const reading: CallsReading = { phone: null, helloWorld: null, wabaReachable: false, anyOk: false, findings: [], warnings: [], firstFault: null };
  const parts: Array<['phone' | 'waba' | 'templates', GraphOutcome | undefined]> = [
    ['phone', evidence.phone],
    ['waba', evidence.wabaPhones],
    ['templates', evidence.templates],
  ];
  for (const [part, outcome] of parts) {
    if (!outcome) continue;
    if (outcome.kind === 'ok') {
      reading.anyOk = true;
      continue;
    }
    if (outcome.kind === 'graph_error') {
      const finding = callErrorFinding(outcome.error, outcome.headers, ctx, part);
      if (finding) reading.findings.push(finding);
      else reading.warnings.push(say.warning.notChecked(part));
      if (!finding && !reading.firstFault) {
        const verdict = classifyGraphError(outcome.error);
        const meta = verdict.status === 'meta_error' ? verdict : ({ status: 'meta_error', reason: 'other' } as const);
        reading.firstFault = { status: 'meta_error', summary: say.metaErrorSummary(meta, outcome.error.code), fix: say.metaErrorFix(meta), graphError: outcome.error, rank: 99 };
      }
      continue;
    }
    reading.warnings.push(say.warning.notChecked(part));
    reading.firstFault ??= { status: say.isConnectionFault(outcome.fault) ? 'network_error' : 'meta_error', summary: say.faultSummary(outcome.fault, ctx.timeoutMs), fix: say.faultFix(outcome.fault), graphError: null, rank: 99 };
  }

  if (evidence.phone?.kind === 'ok' && ctx.phoneNumberId) reading.phone = phoneInfo(evidence.phone.body, ctx.phoneNumberId);

  if (evidence.wabaPhones?.kind === 'ok') {
    reading.wabaReachable = true;
    const { items, hasMore } = listData(evidence.wabaPhones.body);
    if (ctx.phoneNumberId) {
      const listed = items.find((item) => text(item.id) === ctx.phoneNumberId);
      if (listed) reading.phone ??= phoneInfo(listed, ctx.phoneNumberId);
      else if (!hasMore && ctx.wabaId && evidence.phone?.kind === 'ok') {
        reading.findings.push({ status: 'wrong_account', summary: say.phoneNotInWabaSummary(ctx.phoneNumberId, ctx.wabaId), fix: say.CHECK_PHONE_ID_FIX, graphError: null, rank: RANK.unknownObject });
      }
    } else if (items.length === 1) {
      reading.phone = phoneInfo(items[0], text(items[0]?.id) ?? '');
    }
  }

  if (evidence.templates?.kind === 'ok') {
    const hello = listData(evidence.templates.body).items.find((item) => item.name === 'hello_world');
    if (!hello) {
      reading.helloWorld = 'missing';
      reading.warnings.push(say.warning.helloWorldMissing());
    } else if (hello.status === 'APPROVED') {
      reading.helloWorld = 'approved';
    } else {
      reading.helloWorld = 'not_approved';
      reading.warnings.push(say.warning.helloWorldNotApproved(text(hello.status) ?? 'UNKNOWN'));
    }
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

/** The one Diagnosis for everything Meta said (or did not say). */
export function buildDiagnosis(evidence: DiagnosisEvidence, ctx: DiagnosisContext): Diagnosis {
  const debug = readDebug(evidence, ctx);
  const calls = readCalls(evidence, ctx);
  const facts = debug.facts;
  const nowSeconds = ctx.now.getTime() / 1000;
  const findings = [...debug.findings, ...calls.findings].sort((a, b) => a.rank - b.rank);
  const decisive = findings[0];

  const lifetime = facts ? tokenLifetime(facts, nowSeconds) : 'unknown';
  const neverExpires = facts?.expiresAt === 0;
  let expiresAt = isoFromSeconds(facts?.expiresAt ?? null);
  const warnings: UserMessage[] = [...ctx.warnings];
  if (ctx.apiVersion.retired && ctx.apiVersion.configured) {
    warnings.push(say.warning.retiredVersion(ctx.apiVersion.configured, ctx.apiVersion.recommended, ctx.apiVersion.retiredOn));
  }

  let status: TokenStatus;
  let summary: UserMessage;
  let fix: UserMessage | null;
  let graphError: GraphError | null = null;

  const provenValid = (facts?.isValid ?? false) || calls.anyOk;
  if (decisive) {
    ({ status, summary, fix, graphError } = decisive);
    if (decisive.expiresAt) expiresAt = decisive.expiresAt;
  } else if (provenValid) {
    const msLeft = expiresAt ? Date.parse(expiresAt) - ctx.now.getTime() : null;
    if (expiresAt && msLeft !== null && msLeft < EXPIRING_SOON_DAYS * DAY_MS) {
      status = 'expiring_soon';
      summary = say.expiringSoonSummary(expiresAt, msLeft);
      fix = say.expiringSoonFix(lifetime, expiresAt);
    } else {
      status = 'ok';
      summary = say.okSummary(expiresAt, neverExpires, msLeft === null ? null : Math.round(msLeft / DAY_MS));
      fix = null;
    }
    if (!facts) warnings.push(say.warning.expiryUnknown());
  } else {
    const failure = debug.failure ?? calls.firstFault;
    if (failure) ({ status, summary, fix, graphError } = failure);
    else {
      status = 'meta_error';
      summary = say.metaErrorSummary({ status: 'meta_error', reason: 'other' }, 0);
      fix = say.metaErrorFix({ status: 'meta_error', reason: 'other' });
    }
  }

  const stillUsable = status === 'ok' || status === 'expiring_soon';
  if (stillUsable || status === 'missing_permissions' || status === 'wrong_account' || status === 'rate_limited') {
    warnings.push(...validityWarnings(facts, lifetime, ctx.now));
  }
  // A dead token makes every other call fail the same way: those are not separate problems.
  if (stillUsable || status === 'rate_limited') warnings.push(...debug.warnings, ...calls.warnings);
  else warnings.push(...debug.warnings);

  const targets = facts ? wabaTargets(facts.granularScopes) : [];
  const wabaIds = targets.length > 0 ? targets : calls.wabaReachable && ctx.wabaId ? [ctx.wabaId] : [];

  return {
    status,
    checkedAt: ctx.now.toISOString(),
    token: ctx.maskedToken,
    tokenType: facts?.type ?? null,
    tokenLifetime: lifetime,
    expiresAt,
    neverExpires,
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

function dedupe(messages: UserMessage[]): UserMessage[] {
  const seen = new Set<string>();
  return messages.filter((item) => {
    const key = JSON.stringify(item);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
