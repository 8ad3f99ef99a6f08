import { describe, expect, it } from 'vitest';
import { buildGraphUrl, faultOfError, graphCall, interpretBody, openGraphSession, type FetchFunction } from '../../../src-main/core/graph/client';
import { splitBatchOutcome } from '../../../src-main/core/graph/batch';
import { appSecretProof } from '../../../src-main/core/graph/appsecret-proof';
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

describe('buildGraphUrl never carries a secret, except where Meta takes it nowhere else', () => {
  const session = { baseUrl: 'https://graph.facebook.com', version: 'v25.0' };
  it('builds plain URLs', () => {
    expect(buildGraphUrl(session, { path: '300000000000003', query: { fields: 'id' } })).toBe('https://graph.facebook.com/v25.0/300000000000003?fields=id');
    expect(buildGraphUrl(session, { path: '' })).toBe('https://graph.facebook.com/v25.0');
  });
  it('refuses tokens, app tokens and token-named parameters in the plain query', () => {
    expect(() => buildGraphUrl(session, { path: 'debug_token', query: { input_token: 'x' } })).toThrow(/URL/);
    expect(() => buildGraphUrl(session, { path: 'me', query: { access_token: 'x' } })).toThrow(/URL/);
    expect(() => buildGraphUrl(session, { path: 'me', query: { client_secret: 'x' } })).toThrow(/URL/);
    expect(() => buildGraphUrl(session, { path: 'me', query: { q: FAKE_TOKEN } })).toThrow(/URL/);
    expect(() => buildGraphUrl(session, { path: 'me', query: { q: '100000000000001|f0a1b2c3d4e5f60718293a4b5c6d7e8f' } })).toThrow(/URL/);
  });
  it('lets only a GET name debug_token\'s and the exchange\'s secrets, and never tells a secret when it refuses', () => {
    const url = buildGraphUrl(session, { method: 'GET', path: 'debug_token', urlSecrets: { input_token: FAKE_TOKEN } });
    expect(new URL(url).searchParams.get('input_token')).toBe(FAKE_TOKEN);
    expect(buildGraphUrl(session, { method: 'GET', path: 'oauth/access_token', query: { set_token_expires_in_60_days: 'true' } })).toContain('set_token_expires_in_60_days=true');
    for (const request of [
      { method: 'POST' as const, path: 'debug_token', urlSecrets: { input_token: FAKE_TOKEN } },
      { method: 'GET' as const, path: 'me', urlSecrets: { access_token: FAKE_TOKEN } as Record<string, string> },
    ]) {
      let message = '';
      try {
        buildGraphUrl(session, request);
      } catch (error) {
        message = (error as Error).message;
      }
      expect(message).toMatch(/URL/);
      expect(message).not.toContain(FAKE_TOKEN);
    }
  });
  it('adds the proof, which is no secret without the token', () => {
    expect(buildGraphUrl(session, { path: 'me' }, 'ab12')).toBe('https://graph.facebook.com/v25.0/me?appsecret_proof=ab12');
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
    await graphCall(openGraphSession({ ...options, fetch }), { method: 'POST', path: '', form: { access_token: FAKE_TOKEN, batch: '[]' } });
    await graphCall(openGraphSession({ ...options, fetch }), { method: 'GET', path: 'me', bearer: FAKE_TOKEN });
    expect(seen.map((call) => call.url).join(' ')).not.toContain('EAA');
    expect(String(seen[0]!.init.body)).toContain(FAKE_TOKEN);
    expect((seen[1]!.init.headers as Record<string, string>).Authorization).toBe(`Bearer ${FAKE_TOKEN}`);
  });

  it('keeps a URL that holds a secret out of every outcome, even when fetch puts it in its error', async () => {
    const leaky: FetchFunction = async (url) => {
      throw Object.assign(new TypeError(`fetch failed: ${url}`), { cause: Object.assign(new Error(`connect ECONNREFUSED ${url}`), { code: 'ECONNREFUSED' }) });
    };
    const result = await graphCall(openGraphSession({ ...options, fetch: leaky, maxRetries: 0 }), {
      method: 'GET',
      path: 'debug_token',
      urlSecrets: { input_token: FAKE_TOKEN },
      bearer: FAKE_TOKEN,
    });
    expect(result.outcome).toEqual({ kind: 'fault', fault: 'connection_refused', status: null, transient: true });
    expect(JSON.stringify(result)).not.toContain(FAKE_TOKEN.slice(0, 30));
  });
});

describe('appsecret_proof', () => {
  const options = { graphUrl: 'http://graph.test', retryDelayMs: 1, timeoutMs: 5_000 };
  const credentials = { appId: '100000000000001', appSecret: 'f0a1b2c3d4e5f60718293a4b5c6d7e8f' };

  it('goes with every call once the app secret is known: HMAC-SHA256 of the call\'s token, hex', async () => {
    const urls: string[] = [];
    const fetch: FetchFunction = async (url) => (urls.push(url), json(200, {}));
    const session = openGraphSession({ ...options, fetch, appCredentials: credentials });
    await graphCall(session, { method: 'GET', path: 'me', bearer: FAKE_TOKEN });
    await graphCall(session, { method: 'POST', path: '', form: { access_token: FAKE_TOKEN, batch: '[]' } });
    await graphCall(session, { method: 'GET', path: 'oauth/access_token', urlSecrets: { fb_exchange_token: FAKE_TOKEN }, proofFor: FAKE_TOKEN });
    const expected = appSecretProof(FAKE_TOKEN, credentials.appSecret);
    expect(expected).toMatch(/^[0-9a-f]{64}$/);
    expect(urls.map((url) => new URL(url).searchParams.get('appsecret_proof'))).toEqual([expected, expected, expected]);
    await graphCall(openGraphSession({ ...options, fetch }), { method: 'GET', path: 'me', bearer: FAKE_TOKEN });
    expect(new URL(urls.at(-1)!).searchParams.has('appsecret_proof')).toBe(false);
  });

  it('asks once more without it when Meta says the proof is another app\'s', async () => {
    const fetch = scriptedFetch([
      () => json(400, { error: { message: 'Invalid appsecret_proof provided in the API argument', type: 'GraphMethodException', code: 100 } }),
      () => json(200, { id: '1' }),
    ]);
    const urls: string[] = [];
    const recording: FetchFunction = (url, init) => (urls.push(url), fetch(url, init));
    const result = await graphCall(openGraphSession({ ...options, fetch: recording, appCredentials: credentials }), { method: 'GET', path: 'me', bearer: FAKE_TOKEN });
    expect(result).toMatchObject({ outcome: { kind: 'ok' }, attempts: 2 });
    expect(urls.map((url) => new URL(url).searchParams.has('appsecret_proof'))).toEqual([true, false]);
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
