// Graph batch requests (FACTS.md §7): one POST carrying several GETs; the answer is an array in request order
// whose items are `{code, headers, body: "<json>"}` or `null` when Meta ran out of time for that item.
import { interpretBody, type GraphOutcome } from './client';
import type { GraphError } from './graph-error';

/** One read the diagnosis makes: sent inside a batch, or on its own when Meta refuses batches. */
export interface ReadItem {
  path: string;
  query: Record<string, string>;
}

/** `300…?fields=a,b`: the item as a batch's `relative_url` (ids, field lists and names only: nothing to escape but `&`). */
export function relativeUrl(item: ReadItem): string {
  const query = new URLSearchParams(item.query).toString().replace(/%2C/gi, ',');
  return query ? `${item.path}?${query}` : item.path;
}

/** The form fields of a batch call. The token rides in the body, as the top-level fallback token. */
export function batchForm(token: string, items: readonly ReadItem[]): Record<string, string> {
  return {
    access_token: token,
    include_headers: 'false',
    batch: JSON.stringify(items.map((item) => ({ method: 'GET', relative_url: relativeUrl(item) }))),
  };
}

/**
 * Meta refusing the batch itself (not its items, not the token): a feature the app or version may not use
 * ("(#12) … is deprecated for versions v28.0 and higher", a code 3/100 naming the batch). The reads then go one by one.
 */
export function isBatchRefusal(error: GraphError): boolean {
  if (error.code === 12) return true;
  return (error.code === 3 || error.code === 100) && /batch/i.test(error.message);
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
