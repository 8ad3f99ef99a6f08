// Graph batch requests (FACTS.md §7): one POST carrying several GETs; the answer is an array in request order
// whose items are `{code, headers, body: "<json>"}` or `null` when Meta ran out of time for that item.
import { interpretBody, type GraphOutcome } from './client';

export interface BatchItem {
  method: 'GET';
  relativeUrl: string;
}

/** The form fields of a batch call. The token rides in the body, as the top-level fallback token. */
export function batchForm(token: string, items: readonly BatchItem[]): Record<string, string> {
  return {
    access_token: token,
    include_headers: 'false',
    batch: JSON.stringify(items.map((item) => ({ method: item.method, relative_url: item.relativeUrl }))),
  };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function itemHeaders(raw: unknown): Record<string, string> {
  const headers: Record<string, string> = {};
  if (!Array.isArray(raw)) return headers;
  for (const header of raw) {
    if (isRecord(header) && typeof header.name === 'string' && typeof header.value === 'string') {
      headers[header.name.toLowerCase()] = header.value;
    }
  }
  return headers;
}

function itemOutcome(raw: unknown): GraphOutcome {
  if (raw === null || raw === undefined) return { kind: 'fault', fault: 'incomplete', status: null, transient: false };
  if (!isRecord(raw) || typeof raw.code !== 'number') return { kind: 'fault', fault: 'invalid_json', status: null, transient: false };
  const headers = itemHeaders(raw.headers);
  if (typeof raw.body === 'string') return interpretBody(raw.code, headers['content-type'] ?? 'application/json', raw.body, headers);
  // Some proxies and doubles send the body already parsed.
  return interpretBody(raw.code, 'application/json', JSON.stringify(raw.body ?? ''), headers);
}

/**
 * One outcome per requested item. When the batch call itself failed (network, Meta error on the whole call),
 * every item shares that failure.
 */
export function splitBatchOutcome(outcome: GraphOutcome, count: number): GraphOutcome[] {
  if (outcome.kind !== 'ok') return Array.from({ length: count }, () => outcome);
  if (!Array.isArray(outcome.body)) {
    const fault: GraphOutcome = { kind: 'fault', fault: 'invalid_json', status: outcome.status, transient: false };
    return Array.from({ length: count }, () => fault);
  }
  const items = outcome.body as unknown[];
  return Array.from({ length: count }, (_, index) => itemOutcome(items[index]));
}
