import { describe, expect, it } from 'vitest';
import { buildGraphUrl, faultOfError, graphCall, interpretBody, openGraphSession, type FetchFunction } from '../../../src-main/core/graph/client';
import { splitBatchOutcome } from '../../../src-main/core/graph/batch';
import { FAKE_TOKEN, fixtures } from './fixtures';

function json(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
}

function scriptedFetch(answers: Array<() => Response | Promise<Response>>): FetchFunction & { calls: number } {
  const fn = (async () => {
    const answer = answers[Math.min(fn.calls, answers.length - 1)];
    fn.calls += 1;
    return answer!();
  }) as unknown as FetchFunction & { calls: number };
  fn.calls = 0;
  return fn;
}

function failure(code: string): () => never {
  return () => {
    throw Object.assign(new TypeError('fetch failed'), { cause: Object.assign(new Error(code), { code }) });
  };
}

describe('interpretBody', () => {
  it('turns Graph error envelopes into graph_error regardless of HTTP status', () => {
    for (const status of [400, 401, 403, 200]) {
      const outcome = interpretBody(status, 'application/json', JSON.stringify(fixtures.get('error_190_463_expired')));
      expect(outcome).toMatchObject({ kind: 'graph_error', status, error: { code: 190, subcode: 463 } });
    }
  });

  it('turns odd bodies into typed faults, never a crash', () => {
    expect(interpretBody(200, 'text/html', '<html>login</html>')).toMatchObject({ kind: 'fault', fault: 'html', transient: false });
    expect(interpretBody(200, 'application/json', '<!DOCTYPE html>')).toMatchObject({ kind: 'fault', fault: 'html' });
    expect(interpretBody(200, 'application/json', '{"display_phone_number":"+1 5')).toMatchObject({ kind: 'fault', fault: 'truncated', transient: true });
    expect(interpretBody(200, 'application/json', '')).toMatchObject({ kind: 'fault', fault: 'empty' });
    expect(interpretBody(200, 'text/plain', 'hello')).toMatchObject({ kind: 'fault', fault: 'invalid_json' });
    expect(interpretBody(502, 'text/html', '<html>Bad gateway</html>')).toMatchObject({ kind: 'fault', fault: 'server_error', transient: true });
    expect(interpretBody(500, 'application/json', '{"error":{"code":1,"message":"An unknown error has occurred.","is_transient":true}}')).toMatchObject({ kind: 'graph_error', error: { code: 1 } });
  });
});

describe('faultOfError', () => {
  it('maps what fetch throws', () => {
    const thrown = (code: string) => Object.assign(new TypeError('fetch failed'), { cause: { code } });
    expect(faultOfError(thrown('ECONNREFUSED'))).toBe('connection_refused');
    expect(faultOfError(thrown('ECONNRESET'))).toBe('connection_reset');
    expect(faultOfError(thrown('UND_ERR_SOCKET'))).toBe('connection_reset');
    expect(faultOfError(thrown('ENOTFOUND'))).toBe('dns');
    expect(faultOfError(thrown('EAI_AGAIN'))).toBe('dns');
    expect(faultOfError(new DOMException('x', 'TimeoutError'))).toBe('timeout');
    expect(faultOfError(new Error('weird'))).toBe('network');
  });
});

describe('buildGraphUrl never carries a secret', () => {
  const session = { baseUrl: 'https://graph.facebook.com', version: 'v25.0' };
  it('builds plain URLs', () => {
    expect(buildGraphUrl(session, { path: '300000000000003', query: { fields: 'id' } })).toBe('https://graph.facebook.com/v25.0/300000000000003?fields=id');
    expect(buildGraphUrl(session, { path: '' })).toBe('https://graph.facebook.com/v25.0');
  });
  it('refuses tokens, app tokens and token-named parameters', () => {
    expect(() => buildGraphUrl(session, { path: 'debug_token', query: { input_token: 'x' } })).toThrow(/URL/);
    expect(() => buildGraphUrl(session, { path: 'me', query: { q: FAKE_TOKEN } })).toThrow(/URL/);
    expect(() => buildGraphUrl(session, { path: 'me', query: { q: '100000000000001|f0a1b2c3d4e5f60718293a4b5c6d7e8f' } })).toThrow(/URL/);
  });
});

describe('graphCall retries', () => {
  const options = { graphUrl: 'http://graph.test', retryDelayMs: 1, timeoutMs: 5_000 };

  it('retries transient faults a bounded number of times', async () => {
    const fetch = scriptedFetch([failure('ECONNRESET')]);
    const result = await graphCall(openGraphSession({ ...options, fetch, maxRetries: 2 }), { method: 'GET', path: 'x' });
    expect(result.outcome).toMatchObject({ kind: 'fault', fault: 'connection_reset' });
    expect(result.attempts).toBe(3);
    expect(fetch.calls).toBe(3);
  });

  it('stops retrying once an attempt succeeds', async () => {
    const fetch = scriptedFetch([() => new Response('<html>502</html>', { status: 502, headers: { 'content-type': 'text/html' } }), () => json(200, { id: '1' })]);
    const result = await graphCall(openGraphSession({ ...options, fetch }), { method: 'GET', path: 'x' });
    expect(result).toMatchObject({ outcome: { kind: 'ok', body: { id: '1' } }, attempts: 2 });
  });

  it('retries code 1/2 and is_transient, not token errors, rate limits or HTML pages', async () => {
    const transient = scriptedFetch([() => json(500, { error: { code: 2, message: 'Service temporarily unavailable' } }), () => json(200, {})]);
    expect((await graphCall(openGraphSession({ ...options, fetch: transient }), { method: 'GET', path: 'x' })).attempts).toBe(2);
    for (const body of [fixtures.get('error_190_463_expired'), fixtures.get('error_4_app_rate_limit')]) {
      const fetch = scriptedFetch([() => json(400, body)]);
      expect((await graphCall(openGraphSession({ ...options, fetch }), { method: 'GET', path: 'x' })).attempts).toBe(1);
    }
    const html = scriptedFetch([() => new Response('<html/>', { status: 200, headers: { 'content-type': 'text/html' } })]);
    expect((await graphCall(openGraphSession({ ...options, fetch: html }), { method: 'GET', path: 'x' })).attempts).toBe(1);
  });

  it('does not retry a missing DNS name (no internet will not come back in a second)', async () => {
    const fetch = scriptedFetch([failure('ENOTFOUND')]);
    const result = await graphCall(openGraphSession({ ...options, fetch }), { method: 'GET', path: 'x' });
    expect(result).toMatchObject({ outcome: { fault: 'dns' }, attempts: 1 });
  });

  it('retries only unsent requests for sends that must not repeat', async () => {
    const reset = scriptedFetch([failure('ECONNRESET')]);
    expect((await graphCall(openGraphSession({ ...options, fetch: reset }), { method: 'POST', path: 'x', retry: 'unsent_only' })).attempts).toBe(1);
    const refused = scriptedFetch([failure('ECONNREFUSED'), () => json(200, {})]);
    expect((await graphCall(openGraphSession({ ...options, fetch: refused }), { method: 'POST', path: 'x', retry: 'unsent_only' })).attempts).toBe(2);
  });

  it('respects the total time budget, retries included', async () => {
    const hang: FetchFunction = (_url, init) =>
      new Promise((_resolve, reject) => init.signal?.addEventListener('abort', () => reject(init.signal?.reason)));
    const started = Date.now();
    const result = await graphCall(openGraphSession({ graphUrl: 'http://graph.test', fetch: hang, timeoutMs: 400, requestTimeoutMs: 150, retryDelayMs: 10 }), { method: 'GET', path: 'x' });
    const elapsed = Date.now() - started;
    expect(result.outcome).toMatchObject({ kind: 'fault', fault: 'timeout' });
    expect(elapsed).toBeLessThan(700);
    expect(result.attempts).toBeGreaterThanOrEqual(2);
    expect(result.attempts).toBeLessThanOrEqual(3);
  });

  it('sends tokens in the body or the Authorization header', async () => {
    const seen: Array<{ url: string; init: RequestInit }> = [];
    const fetch: FetchFunction = async (url, init) => {
      seen.push({ url, init });
      return json(200, {});
    };
    await graphCall(openGraphSession({ ...options, fetch }), { method: 'POST', path: 'debug_token', form: { input_token: FAKE_TOKEN }, bearer: FAKE_TOKEN });
    expect(seen[0]!.url).not.toContain('EAA');
    expect(String(seen[0]!.init.body)).toContain(FAKE_TOKEN);
    expect((seen[0]!.init.headers as Record<string, string>).Authorization).toBe(`Bearer ${FAKE_TOKEN}`);
  });
});

describe('splitBatchOutcome', () => {
  it('parses the fixture: string bodies, error items, in request order', () => {
    const items = splitBatchOutcome({ kind: 'ok', status: 200, body: fixtures.get('batch_mixed_response'), headers: {} }, 3);
    expect(items[0]).toMatchObject({ kind: 'ok', body: { verified_name: 'Example Test Shop' } });
    expect(items[1]).toMatchObject({ kind: 'ok', body: { data: [{ name: 'hello_world' }] } });
    expect(items[2]).toMatchObject({ kind: 'graph_error', status: 400, error: { code: 190, subcode: 463 } });
  });

  it('turns null items (Meta ran out of time) and missing items into an incomplete fault', () => {
    const items = splitBatchOutcome({ kind: 'ok', status: 200, body: [null, { code: 200, body: '{}' }], headers: {} }, 3);
    expect(items.map((item) => (item.kind === 'fault' ? item.fault : item.kind))).toEqual(['incomplete', 'ok', 'incomplete']);
  });

  it('shares a failure of the whole call with every item', () => {
    const fault = { kind: 'fault', fault: 'timeout', status: null, transient: true } as const;
    expect(splitBatchOutcome(fault, 2)).toEqual([fault, fault]);
    expect(splitBatchOutcome({ kind: 'ok', status: 200, body: { not: 'an array' }, headers: {} }, 1)[0]).toMatchObject({ fault: 'invalid_json' });
  });
});
