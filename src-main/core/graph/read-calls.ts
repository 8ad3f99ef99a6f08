// Reads the batch items (phone number, the WABA's numbers, hello_world): the phone's facts, the template's state,
// and what their errors say about the token. A part that failed for network reasons is "not checked", never dead.
import type { UserMessage } from '../errors';
import { classifyGraphError, isDeadTokenVerdict } from './classify';
import type { GraphOutcome } from './client';
import type { GraphError } from './graph-error';
import { deadFinding, faultFinding, metaErrorFinding, rateLimitFinding, RANK, type Finding } from './findings';
import type { Diagnosis, PhoneInfo } from './types';
import * as say from './wording';

export interface CallsEvidence {
  phone?: GraphOutcome;
  wabaPhones?: GraphOutcome;
  templates?: GraphOutcome;
}

export interface CallsContext {
  phoneNumberId: string | null;
  wabaId: string | null;
  timeoutMs: number;
}

export interface CallsReading {
  phone: PhoneInfo | null;
  helloWorld: Diagnosis['helloWorld'];
  wabaReachable: boolean;
  /** At least one call succeeded: the token works. */
  anyOk: boolean;
  findings: Finding[];
  warnings: UserMessage[];
  /** Why the calls told nothing, when they did not. */
  firstFailure: Finding | null;
}

type Part = 'phone' | 'waba' | 'templates';

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

/** A finding for an error a call returned, or null when the error says nothing decisive (a warning instead). */
function callErrorFinding(error: GraphError, headers: Record<string, string>, ctx: CallsContext, part: Part): Finding | null {
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
      return rateLimitFinding(verdict, error, headers);
    default:
      return null;
  }
}

export function readCalls(evidence: CallsEvidence, ctx: CallsContext): CallsReading {
  const reading: CallsReading = { phone: null, helloWorld: null, wabaReachable: false, anyOk: false, findings: [], warnings: [], firstFailure: null };
  const parts: Array<[Part, GraphOutcome | undefined]> = [
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
    const finding = outcome.kind === 'graph_error' ? callErrorFinding(outcome.error, outcome.headers, ctx, part) : null;
    if (finding) {
      reading.findings.push(finding);
      continue;
    }
    reading.warnings.push(say.warning.notChecked(part));
    reading.firstFailure ??= outcome.kind === 'graph_error' ? metaErrorFinding(outcome.error) : faultFinding(outcome.fault, ctx.timeoutMs);
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
