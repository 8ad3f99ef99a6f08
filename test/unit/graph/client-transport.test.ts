// The transport below the Graph answers: what a request carries on the wire (to a real HTTP server on 127.0.0.1), the
// session's defaults, how bodies and thrown errors become faults, and the retry clock (timers moved by hand).
import { createServer, type IncomingHttpHeaders, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  buildGraphUrl,
  DEFAULT_MAX_RETRIES,
  DEFAULT_REQUEST_TIMEOUT_MS,
  DEFAULT_RETRY_DELAY_MS,
  DEFAULT_TOTAL_TIMEOUT_MS,
  faultOfError,
  graphCall,
  interpretBody,
  openGraphSession,
  type FetchFunction,
  type GraphRequest,
} from '../../../src-main/core/graph/client';
import { DEFAULT_API_VERSION } from '../../../src-main/core/graph/versions';
import { FAKE_TOKEN } from './fixtures';

interface Received {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
  body: string;
}

/** A local server answering each request with `answer`; `received` lists what arrived. */
async function withServer(answer: (response: ServerResponse) => void, use: (url: string, received: Received[]) => Promise<void>): Promise<void> {
  const received: Received[] = [];
  const server = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk: Buffer) => (body += chunk.toString()));
    request.on('end', () => {
      received.push({ method: request.method ?? '', url: request.url ?? '', headers: request.headers, body });
      answer(response);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  try {
    await use(`http://127.0.0.1:${(server.address() as AddressInfo).port}`, received);
  } finally {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
}

const okJson = (response: ServerResponse) => response.writeHead(200, { 'content-type': 'application/json' }).end('{"id":"1"}');

describe('what a request carries', () => {
  it('a GET: Accept JSON, no body, no Content-Type, no Authorization without a bearer; slashes before the path dropped', async () => {
    await withServer(okJson, async (graphUrl, received) => {
      const result = await graphCall(openGraphSession({ graphUrl, maxRetries: 0 }), { method: 'GET', path: '//300000000000003/phone_numbers', query: { fields: 'id' } });
      expect(result).toEqual({ outcome: { kind: 'ok', status: 200, body: { id: '1' }, headers: {} }, attempts: 1 });
      expect(received).toHaveLength(1);
      expect(received[0]!.method).toBe('GET');
      expect(received[0]!.url).toBe(`/${DEFAULT_API_VERSION}/300000000000003/phone_numbers?fields=id`);
      expect(received[0]!.headers.accept).toBe('application/json');
      expect(received[0]!.headers['content-type']).toBeUndefined();
      expect(received[0]!.headers.authorization).toBeUndefined();
      expect(received[0]!.body).toBe('');
    });
  });

  it('a form POST and a JSON POST, each with its content type', async () => {
    await withServer(okJson, async (graphUrl, received) => {
      const session = openGraphSession({ graphUrl, maxRetries: 0 });
      await graphCall(session, { method: 'POST', path: '/me/messages', form: { access_token: FAKE_TOKEN, batch: '[]' } });
      await graphCall(session, { method: 'POST', path: 'me/messages', json: { to: '15550100', type: 'text' }, bearer: FAKE_TOKEN });
      expect(received.map((request) => [request.url, request.headers['content-type'], request.body])).toEqual([
        [`/${DEFAULT_API_VERSION}/me/messages`, 'application/x-www-form-urlencoded', `access_token=${FAKE_TOKEN}&batch=%5B%5D`],
        [`/${DEFAULT_API_VERSION}/me/messages`, 'application/json', '{"to":"15550100","type":"text"}'],
      ]);
      expect(received[1]!.headers.authorization).toBe(`Bearer ${FAKE_TOKEN}`);
    });
  });

  it('keeps the headers that tell limits and versions, and no others', async () => {
    const answer = (response: ServerResponse) =>
      response
        .writeHead(200, {
          'content-type': 'application/json',
          'x-app-usage': '{"call_count":28,"total_time":25,"total_cputime":25}',
          'x-business-use-case-usage': '{"200000000000002":[{"type":"whatsapp","call_count":5}]}',
          'facebook-api-version': 'v25.0',
          'www-authenticate': 'OAuth "Facebook Platform" "invalid_token"',
          'retry-after': '60',
          'x-fb-trace-id': 'AFakeTraceId',
          'set-cookie': 'sessionid=1',
        })
        .end('{}');
    await withServer(answer, async (graphUrl) => {
      const { outcome } = await graphCall(openGraphSession({ graphUrl, maxRetries: 0 }), { method: 'GET', path: 'me' });
      expect(outcome).toEqual({
        kind: 'ok',
        status: 200,
        body: {},
        headers: {
          'x-app-usage': '{"call_count":28,"total_time":25,"total_cputime":25}',
          'x-business-use-case-usage': '{"200000000000002":[{"type":"whatsapp","call_count":5}]}',
          'facebook-api-version': 'v25.0',
          'www-authenticate': 'OAuth "Facebook Platform" "invalid_token"',
          'retry-after': '60',
        },
      });
    });
  });

  const cutShort = (response: ServerResponse) => {
    response.writeHead(200, { 'content-type': 'application/json', 'content-length': '400' });
    response.write('{"display_phone_number":"+1 5');
  };
  it.each([
    ['a page declared as HTML is HTML even when it does not start with a tag', (response: ServerResponse) => {
      response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end('Sorry, this network needs a login.');
    }, { kind: 'fault', fault: 'html', status: 200, transient: false }],
    ['a body cut off mid-way is a truncated answer, with its status', (response: ServerResponse) => {
      cutShort(response);
      setTimeout(() => response.socket?.destroy(), 20);
    }, { kind: 'fault', fault: 'truncated', status: 200, transient: true }],
    ['a body that stops coming is a timeout, with its status', cutShort, { kind: 'fault', fault: 'timeout', status: 200, transient: true }],
  ])('%s', async (_name, answer, expected) => {
    await withServer(answer, async (graphUrl) => {
      const { outcome } = await graphCall(openGraphSession({ graphUrl, maxRetries: 0, requestTimeoutMs: 500 }), { method: 'GET', path: 'me' });
      expect(outcome).toEqual(expected);
    });
  });

  it('uses the platform fetch by default: a closed port is a refused connection', async () => {
    let closedPort = 0;
    await withServer(okJson, async (graphUrl) => {
      closedPort = Number(new URL(graphUrl).port);
    });
    const { outcome } = await graphCall(openGraphSession({ graphUrl: `http://127.0.0.1:${closedPort}`, maxRetries: 0 }), { method: 'GET', path: 'me' });
    expect(outcome).toEqual({ kind: 'fault', fault: 'connection_refused', status: null, transient: true });
  });
});

describe('the session', () => {
  it('has defaults for everything not given', () => {
    const before = Date.now();
    const session = openGraphSession({ graphUrl: 'http://graph.test' });
    expect(session).toMatchObject({
      baseUrl: 'http://graph.test',
      version: DEFAULT_API_VERSION,
      requestTimeoutMs: DEFAULT_REQUEST_TIMEOUT_MS,
      maxRetries: DEFAULT_MAX_RETRIES,
      retryDelayMs: DEFAULT_RETRY_DELAY_MS,
      appSecret: null,
    });
    expect(session.deadline).toBeGreaterThanOrEqual(before + DEFAULT_TOTAL_TIMEOUT_MS);
    expect(session.deadline).toBeLessThanOrEqual(Date.now() + DEFAULT_TOTAL_TIMEOUT_MS);
  });

  it('takes what is given; one attempt never outlasts the whole budget', () => {
    const before = Date.now();
    const session = openGraphSession({ graphUrl: 'http://graph.test', version: 'v24.0', timeoutMs: 3_000, maxRetries: 5, retryDelayMs: 10 });
    expect(session).toMatchObject({ version: 'v24.0', requestTimeoutMs: 3_000, maxRetries: 5, retryDelayMs: 10 });
    expect(session.deadline).toBeGreaterThanOrEqual(before + 3_000);
    expect(session.deadline).toBeLessThanOrEqual(Date.now() + 3_000);
    expect(openGraphSession({ maxRetries: -1 }).maxRetries).toBe(0);
  });
});

describe('buildGraphUrl: where the secret check draws its lines', () => {
  const session = { baseUrl: 'https://graph.facebook.com', version: 'v25.0' };
  it.each([
    // Plain values that only look a little like a secret pass.
    [{ q: '2024|2025' }, true],
    [{ q: 'Seaanemone Shop' }, true],
    [{ fields: 'id,name', limit: '50' }, true],
    [{ max_token_count: '5' }, true],
    // A parameter named just "token", an app token with its id, a user token.
    [{ token: 'x' }, false],
    [{ q: '100000000000001%7Cf0a1b2c3d4e5f60718293a4b5c6d7e8f' }, false],
    [{ q: `prefix ${FAKE_TOKEN.slice(0, 30)}` }, false],
  ])('%j allowed: %s', (query, allowed) => {
    const build = () => buildGraphUrl(session, { path: 'me', query });
    if (allowed) expect(build()).toContain('https://graph.facebook.com/v25.0/me?');
    else expect(build).toThrow(/Refusing/);
  });

  it('names the only parameters a GET may carry a secret in', () => {
    expect(() => buildGraphUrl(session, { method: 'GET', path: 'me', urlSecrets: { access_token: 'x' } as never })).toThrow(
      'only a GET\'s input_token, fb_exchange_token, client_secret may go there',
    );
  });

  it('drops any number of slashes before the path, and only there', () => {
    expect(buildGraphUrl(session, { path: '/me' })).toBe('https://graph.facebook.com/v25.0/me');
    expect(buildGraphUrl(session, { path: '///me' })).toBe('https://graph.facebook.com/v25.0/me');
    expect(buildGraphUrl(session, { path: '300000000000003/message_templates' })).toBe('https://graph.facebook.com/v25.0/300000000000003/message_templates');
  });
});

describe('interpretBody, every branch', () => {
  it.each([
    [200, 'application/json', ' \n\t ', { kind: 'fault', fault: 'empty', status: 200, transient: true }],
    [500, 'application/json', '', { kind: 'fault', fault: 'server_error', status: 500, transient: true }],
    [200, 'application/json', '  <html><body>Login</body></html>', { kind: 'fault', fault: 'html', status: 200, transient: false }],
    [500, 'text/html', '<html>Internal error</html>', { kind: 'fault', fault: 'server_error', status: 500, transient: true }],
    [503, 'text/plain', 'Service Unavailable', { kind: 'fault', fault: 'server_error', status: 503, transient: true }],
    [200, 'application/json', '[{"code":200,"body":"{}"},', { kind: 'fault', fault: 'truncated', status: 200, transient: true }],
    [200, 'text/plain', 'true]', { kind: 'fault', fault: 'invalid_json', status: 200, transient: false }],
    [503, 'application/json', '{"status":"down"}', { kind: 'fault', fault: 'server_error', status: 503, transient: true }],
    [499, 'application/json', '{"id":"1"}', { kind: 'ok', status: 499, body: { id: '1' }, headers: {} }],
    [200, 'application/json', '  {"id":"1"}\n', { kind: 'ok', status: 200, body: { id: '1' }, headers: {} }],
  ])('%i %s %j', (status, contentType, text, outcome) => {
    expect(interpretBody(status, contentType, text)).toEqual(outcome);
  });
});

describe('faultOfError, for everything fetch may throw', () => {
  const withCause = (code: string) => Object.assign(new TypeError('fetch failed'), { cause: Object.assign(new Error(code), { code }) });
  it.each([
    ['an abort', 'timeout', new DOMException('aborted', 'AbortError')],
    ['EPIPE', 'connection_reset', withCause('EPIPE')],
    ['UND_ERR_CLOSED', 'connection_reset', withCause('UND_ERR_CLOSED')],
    ['EAI_FAIL', 'dns', withCause('EAI_FAIL')],
    ['EAI_NONAME', 'dns', withCause('EAI_NONAME')],
    ['UND_ERR_CONNECT_TIMEOUT', 'timeout', withCause('UND_ERR_CONNECT_TIMEOUT')],
    ['UND_ERR_HEADERS_TIMEOUT', 'timeout', withCause('UND_ERR_HEADERS_TIMEOUT')],
    ['ETIMEDOUT', 'timeout', withCause('ETIMEDOUT')],
    // The code on the error itself (Node's own errors), not on a cause.
    ['ECONNREFUSED on the error itself', 'connection_refused', Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' })],
    ['null', 'network', null],
    ['undefined', 'network', undefined],
    ['a bare string', 'network', 'fetch failed'],
  ])('%s → %s', (_label, fault, error) => {
    expect(faultOfError(error)).toBe(fault);
  });
});

describe('the retry clock', () => {
  afterEach(() => {
    vi.useRealTimers();
    vi.restoreAllMocks();
  });

  /** A fetch failing with `code` every time, noting when (ms after the start) each attempt was made. */
  function failingFetch(code: string, started: number): FetchFunction & { at: number[] } {
    const fn = (async () => {
      fn.at.push(Date.now() - started);
      throw Object.assign(new TypeError('fetch failed'), { cause: Object.assign(new Error(code), { code }) });
    }) as unknown as FetchFunction & { at: number[] };
    fn.at = [];
    return fn;
  }

  async function run(request: GraphRequest, options: Parameters<typeof openGraphSession>[0], code = 'ECONNRESET') {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    vi.spyOn(Math, 'random').mockReturnValue(0.5);
    const started = Date.now();
    const fetch = failingFetch(code, started);
    const pending = graphCall(openGraphSession({ graphUrl: 'http://graph.test', ...options, fetch }), request);
    await vi.advanceTimersByTimeAsync(60_000);
    const result = await pending;
    return { result, at: fetch.at };
  }

  it('waits longer before each retry: the delay doubles, plus up to half again at random', async () => {
    // Math.random() = 0.5: 1000 ms × 1.25, then 2000 ms × 1.25.
    const { result, at } = await run({ method: 'GET', path: 'me' }, { retryDelayMs: 1_000, maxRetries: 2, timeoutMs: 30_000 });
    expect(result.attempts).toBe(3);
    expect(at).toEqual([0, 1_250, 3_750]);
  });

  it('does not start a retry that could not end 50 ms before the deadline', async () => {
    // After the second attempt (at 300 ms) the next would wait 600 ms: 300 + 600 + 50 reaches the 950 ms deadline.
    const { result, at } = await run({ method: 'GET', path: 'me' }, { retryDelayMs: 240, maxRetries: 5, timeoutMs: 950 });
    expect(at).toEqual([0, 300]);
    expect(result).toEqual({ outcome: { kind: 'fault', fault: 'connection_reset', status: null, transient: true }, attempts: 2 });
    const roomier = await run({ method: 'GET', path: 'me' }, { retryDelayMs: 240, maxRetries: 5, timeoutMs: 951 });
    expect(roomier.at).toEqual([0, 300, 900]);
  });

  it('with no time left, sends nothing and reports a timeout', async () => {
    const { result, at } = await run({ method: 'GET', path: 'me' }, { timeoutMs: 0 });
    expect(result).toEqual({ outcome: { kind: 'fault', fault: 'timeout', status: null, transient: true }, attempts: 0 });
    expect(at).toEqual([]);
  });

  it('retries a DNS answer of "try again" (EAI_AGAIN), also for a send that must not repeat, but not a missing name', async () => {
    const again = await run({ method: 'GET', path: 'me' }, { retryDelayMs: 10, maxRetries: 2 }, 'EAI_AGAIN');
    expect(again.result).toMatchObject({ outcome: { fault: 'dns', transient: true }, attempts: 3 });
    const send = await run({ method: 'POST', path: 'me/messages', json: {}, retry: 'unsent_only' }, { retryDelayMs: 10, maxRetries: 2 }, 'EAI_AGAIN');
    expect(send.result.attempts).toBe(3);
    const missing = await run({ method: 'POST', path: 'me/messages', json: {}, retry: 'unsent_only' }, { retryDelayMs: 10, maxRetries: 2 }, 'ENOTFOUND');
    expect(missing.result).toMatchObject({ outcome: { fault: 'dns', transient: false }, attempts: 1 });
  });

  it('leaves no timer behind once the call is answered', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    const fetch: FetchFunction = async () => new Response('{"id":"1"}', { status: 200, headers: { 'content-type': 'application/json' } });
    const result = await graphCall(openGraphSession({ graphUrl: 'http://graph.test', fetch }), { method: 'GET', path: 'me' });
    expect(result.outcome.kind).toBe('ok');
    expect(vi.getTimerCount()).toBe(0);
  });
});
