// The questions a diagnosis asks Meta, all at once: debug_token (a GET, never inside a batch: Meta documents it
// nowhere there) and the reads of the bot's number, its WABA's numbers and hello_world — one batch, or the same
// reads as parallel requests where Meta refuses batches (v28.0+, or an app it refused for). One round trip of waiting.
import type { AppCredentials } from './diagnose';
import { batchForm, isBatchRefusal, splitBatchOutcome, type ReadItem } from './batch';
import { graphCall, type GraphOutcome, type GraphResult, type GraphSession } from './client';

export const PHONE_FIELDS = 'display_phone_number,verified_name,quality_rating';

export type DiagnosisPart = 'phone' | 'wabaPhones' | 'templates';

/** The reads for what is known of the bot, in a fixed order. */
export function diagnosisReads(phoneNumberId: string | null, wabaId: string | null): { items: ReadItem[]; parts: DiagnosisPart[] } {
  const items: ReadItem[] = [];
  const parts: DiagnosisPart[] = [];
  if (phoneNumberId) {
    items.push({ path: phoneNumberId, query: { fields: PHONE_FIELDS } });
    parts.push('phone');
  }
  if (wabaId) {
    items.push({ path: `${wabaId}/phone_numbers`, query: { fields: `id,${PHONE_FIELDS}` } });
    parts.push('wabaPhones');
    items.push({ path: `${wabaId}/message_templates`, query: { name: 'hello_world', fields: 'name,status,language' } });
    parts.push('templates');
  }
  return { items, parts };
}

/**
 * `GET debug_token?input_token=…` with the caller in the Authorization header: the app token `APPID|SECRET` when the
 * credentials are known (a system-user token cannot inspect itself), else the token itself. The inspected token
 * is in the URL because Meta takes it nowhere else (a POST is refused; a method override is a legacy feature).
 */
export function debugTokenCall(session: GraphSession, token: string, credentials: AppCredentials | null | undefined): Promise<GraphResult> {
  const caller = credentials ? `${credentials.appId}|${credentials.appSecret}` : token;
  return graphCall(session, { method: 'GET', path: 'debug_token', urlSecrets: { input_token: token }, bearer: caller });
}

export interface ReadsAnswer {
  outcomes: GraphOutcome[];
  requests: number;
  /** Answers waited for one after another (1, unless a retry or a refused batch added some). */
  roundTrips: number;
}

/** Where Meta refused a batch during this run (base URL + version): later diagnoses go straight to parallel reads. */
const batchRefusedAt = new Set<string>();
const FIRST_VERSION_WITHOUT_BATCH = 28;

function batchUsable(session: GraphSession, allowBatch: boolean): boolean {
  const major = Number.parseInt(session.version.replace(/^v/i, ''), 10);
  return allowBatch && !batchRefusedAt.has(`${session.baseUrl}/${session.version}`) && !(major >= FIRST_VERSION_WITHOUT_BATCH);
}

async function readInParallel(session: GraphSession, token: string, items: readonly ReadItem[]): Promise<ReadsAnswer> {
  const results = await Promise.all(items.map((item) => graphCall(session, { method: 'GET', path: item.path, query: item.query, bearer: token })));
  return {
    outcomes: results.map((result) => result.outcome),
    requests: results.reduce((sum, result) => sum + result.attempts, 0),
    roundTrips: Math.max(0, ...results.map((result) => result.attempts)),
  };
}

/** Sends the reads as one batch, or in parallel when batches are off or refused (that refusal is remembered). */
export async function askReads(session: GraphSession, token: string, items: readonly ReadItem[], allowBatch = true): Promise<ReadsAnswer> {
  if (items.length === 0) return { outcomes: [], requests: 0, roundTrips: 0 };
  if (!batchUsable(session, allowBatch)) return readInParallel(session, token, items);
  const batch = await graphCall(session, { method: 'POST', path: '', form: batchForm(token, items) });
  if (batch.outcome.kind !== 'graph_error' || !isBatchRefusal(batch.outcome.error)) {
    return { outcomes: splitBatchOutcome(batch.outcome, items.length), requests: batch.attempts, roundTrips: batch.attempts };
  }
  batchRefusedAt.add(`${session.baseUrl}/${session.version}`);
  const parallel = await readInParallel(session, token, items);
  return { ...parallel, requests: parallel.requests + batch.attempts, roundTrips: parallel.roundTrips + batch.attempts };
}
