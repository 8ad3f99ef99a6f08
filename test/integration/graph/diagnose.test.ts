// diagnoseToken against the Graph simulator: every scenario, every fault, one round trip, no token in a URL.
import { createServer } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { diagnoseToken, type DiagnoseOptions } from '../../../src-main/core/graph';
import { startGraphSimulator, SIM_PHONE_NUMBER_ID, SIM_WABA_ID, type GraphSimulator, type ScenarioName, type TokenScenario } from '../../sim/graph-simulator';

let sim: GraphSimulator;
const facts = { phoneNumberId: SIM_PHONE_NUMBER_ID, wabaId: SIM_WABA_ID };
const fast: DiagnoseOptions = { retryDelayMs: 5, timeoutMs: 3_000, requestTimeoutMs: 1_000 };

beforeAll(async () => {
  sim = await startGraphSimulator();
});
afterAll(async () => {
  await sim.close();
});
afterEach(() => {
  sim.clearFaults();
  sim.setLatency(0);
  sim.resetRequests();
});

function options(extra: DiagnoseOptions = {}): DiagnoseOptions {
  return { graphUrl: sim.url, ...fast, ...extra };
}

describe('scenarios', () => {
  it.each<[ScenarioName, string, string | null]>([
    ['never_expiring', 'ok', 'never_expiring'],
    ['sixty_day', 'ok', 'long_lived'],
    ['embedded_signup', 'ok', 'never_expiring'],
    ['expiring', 'expiring_soon', 'long_lived'],
    ['temporary', 'expiring_soon', 'temporary'],
    ['expired', 'expired', null],
    ['logged_out', 'revoked', null],
    ['password_changed', 'revoked', null],
    ['invalid_467', 'revoked', null],
    ['revoked', 'revoked', null],
    ['cannot_parse', 'malformed', null],
    ['missing_permission', 'missing_permissions', null],
    ['wrong_waba', 'wrong_account', null],
  ])('%s → %s', async (scenario, status, lifetime) => {
    const token = sim.newToken(scenario);
    const diagnosis = await diagnoseToken(token, facts, options());
    expect(diagnosis.status).toBe(status);
    if (lifetime) expect(diagnosis.tokenLifetime).toBe(lifetime);
    expect(diagnosis.requests).toBe(2);
    expect(diagnosis.roundTrips).toBe(1);
    expect(JSON.stringify(diagnosis)).not.toContain(token);
  });

  it('a healthy token fills every field', async () => {
    const diagnosis = await diagnoseToken(sim.newToken('never_expiring'), { ...facts, apiVersion: 'v18.0' }, options());
    expect(diagnosis).toMatchObject({
      status: 'ok',
      tokenType: 'system_user',
      neverExpires: true,
      expiresAt: null,
      appId: sim.app.id,
      scopes: expect.arrayContaining(['whatsapp_business_management', 'whatsapp_business_messaging']),
      missingScopes: [],
      wabaIds: [SIM_WABA_ID],
      phone: { id: SIM_PHONE_NUMBER_ID, displayPhoneNumber: '+1 555-010-0003', verifiedName: 'Example Test Shop', qualityRating: 'GREEN' },
      helloWorld: 'approved',
      apiVersion: { configured: 'v18.0', used: 'v25.0', retired: true, recommended: 'v25.0' },
      graphError: null,
    });
    expect(diagnosis.warnings.map((warning) => warning.key)).toEqual(['diagnosis:warning.retired_version']);
    expect(Date.parse(diagnosis.checkedAt)).not.toBeNaN();
  });

  it('"expires in 3 days" is reported as 3 days, with its date', async () => {
    const diagnosis = await diagnoseToken(sim.newToken({ scenario: 'expiring', days: 3 }), facts, options());
    expect(diagnosis.summary).toMatchObject({ key: 'diagnosis:summary.expiring_soon.days', params: { count: 3 } });
    expect(Date.parse(diagnosis.expiresAt!) - Date.now()).toBeGreaterThan(2.9 * 86_400_000);
  });

  it('an expired token reports when it expired and the graph error', async () => {
    const diagnosis = await diagnoseToken(sim.newToken({ scenario: 'expired', days: 2 }), facts, options());
    expect(diagnosis).toMatchObject({ status: 'expired', graphError: { code: 190, subcode: 463 }, fix: { key: 'diagnosis:fix.create_permanent_token' } });
    expect(Date.now() - Date.parse(diagnosis.expiresAt!)).toBeGreaterThan(1.9 * 86_400_000);
  });

  it.each<[Partial<TokenScenario>]>([[{ subcode: null }], [{ subcode: null, expiredMessage: 'unix' }], [{ httpStatus: 401 }]])(
    'expired self-inspection answered with a top-level error %o is still expired',
    async (variant) => {
    const token = sim.newToken({ scenario: 'expired', selfInspection: 'error', ...variant });
    const diagnosis = await diagnoseToken(token, {}, options());
    expect(diagnosis.status).toBe('expired');
    expect(Math.abs(Date.parse(diagnosis.expiresAt!) - (Date.now() - 86_400_000))).toBeLessThan(5_000);
    },
  );

  it('logged out and password changed without subcodes, over HTTP 401', async () => {
    for (const scenario of ['logged_out', 'password_changed'] as const) {
      const token = sim.newToken({ scenario, subcode: null, httpStatus: 401, selfInspection: 'error' });
      const diagnosis = await diagnoseToken(token, facts, options());
      expect(diagnosis.summary.key).toBe(`diagnosis:summary.revoked.${scenario}`);
    }
  });

  it('an unregistered token is malformed (190 Cannot parse)', async () => {
    const diagnosis = await diagnoseToken(`EAAFAKEUNKNOWN${'q'.repeat(190)}`, facts, options());
    expect(diagnosis.status).toBe('malformed');
  });

  it('an unknown phone-number id is the wrong account', async () => {
    const diagnosis = await diagnoseToken(sim.newToken('never_expiring'), { phoneNumberId: '300000000000099' }, options());
    expect(diagnosis).toMatchObject({ status: 'wrong_account', graphError: { code: 100, subcode: 33 } });
  });

  it('without bot ids only debug_token is asked', async () => {
    const diagnosis = await diagnoseToken(sim.newToken('sixty_day'), {}, options());
    expect(diagnosis).toMatchObject({ status: 'ok', requests: 1, roundTrips: 1, phone: null, helloWorld: null });
  });

  it('ids that are not ids are warned about and not sent', async () => {
    const diagnosis = await diagnoseToken(sim.newToken('sixty_day'), { phoneNumberId: '+1 555 010 0003' }, options());
    expect(diagnosis.warnings).toContainEqual({ key: 'diagnosis:warning.invalid_phone_id', params: { value: '+1 555 010 0003' } });
    expect(diagnosis.requests).toBe(1);
  });
});

describe('how it asks', () => {
  it('debug_token (a GET, the inspected token its only secret in a URL) and one batch, in parallel', async () => {
    await diagnoseToken(sim.newToken('never_expiring'), facts, options());
    expect(sim.requests.map((request) => request.kind).sort()).toEqual(['batch', 'debug_token']);
    const debug = sim.requests.find((request) => request.kind === 'debug_token')!;
    expect(debug).toMatchObject({ method: 'GET', urlSecrets: ['input_token'], bearer: true });
    expect(debug.queryNames).not.toContain('method');
    const batch = sim.requests.find((request) => request.kind === 'batch')!;
    expect(batch.version).toBe('v25.0');
    expect(batch.batchItems).toEqual([
      `${SIM_PHONE_NUMBER_ID}?fields=display_phone_number,verified_name,quality_rating`,
      `${SIM_WABA_ID}/phone_numbers?fields=id,display_phone_number,verified_name,quality_rating`,
      `${SIM_WABA_ID}/message_templates?name=hello_world&fields=name,status,language`,
    ]);
  });

  it('asks debug_token as the app when app credentials are given', async () => {
    const token = sim.newToken({ scenario: 'expired', selfInspection: 'error' });
    const diagnosis = await diagnoseToken(token, facts, options({ appCredentials: { appId: sim.app.id, appSecret: sim.app.secret } }));
    expect(diagnosis).toMatchObject({ status: 'expired', tokenType: 'user', tokenLifetime: 'long_lived' });
    expect(sim.requests.find((request) => request.kind === 'debug_token')?.bearer).toBe(true);
  });

  it('wrong app credentials do not make a working token look dead', async () => {
    const diagnosis = await diagnoseToken(sim.newToken('never_expiring'), facts, options({ appCredentials: { appId: sim.app.id, appSecret: '0'.repeat(32) } }));
    expect(diagnosis.status).toBe('ok');
    expect(diagnosis.warnings.map((warning) => warning.key)).toContain('diagnosis:warning.app_credentials_rejected');
  });

  it('takes one round trip of waiting (two requests one after another would take twice as long)', async () => {
    const token = sim.newToken('never_expiring');
    await diagnoseToken(token, facts, options()); // warm the connections
    sim.setLatency(200);
    const started = performance.now();
    const diagnosis = await diagnoseToken(token, facts, options());
    const elapsed = performance.now() - started;
    expect(diagnosis.roundTrips).toBe(1);
    expect(elapsed).toBeGreaterThanOrEqual(195);
    expect(elapsed).toBeLessThan(200 * 1.3 + 50);
  });
});

describe('a network fault is never a dead token', () => {
  const cases: Array<[string, Parameters<GraphSimulator['injectFault']>[0], string, string]> = [
    ['timeout', { kind: 'timeout' }, 'network_error', 'diagnosis:summary.network_error.timeout'],
    ['reset', { kind: 'reset' }, 'network_error', 'diagnosis:summary.network_error.connection_reset'],
    ['5xx with an HTML page', { kind: 'server_error', status: 502 }, 'meta_error', 'diagnosis:summary.meta_error.server_error'],
    ['5xx with Meta code 1', { kind: 'server_error', status: 500, body: 'json' }, 'meta_error', 'diagnosis:summary.meta_error.transient'],
    ['an HTML body', { kind: 'html' }, 'network_error', 'diagnosis:summary.network_error.html'],
    ['a cut connection mid-body', { kind: 'truncated' }, 'network_error', 'diagnosis:summary.network_error.truncated'],
    ['truncated JSON', { kind: 'partial_json' }, 'network_error', 'diagnosis:summary.network_error.truncated'],
    ['an empty body', { kind: 'empty' }, 'network_error', 'diagnosis:summary.network_error.empty'],
    ['rate limit code 4', { kind: 'rate_limit', code: 4 }, 'rate_limited', 'diagnosis:summary.rate_limited.app'],
    ['rate limit code 80007', { kind: 'rate_limit', code: 80007, minutes: 7 }, 'rate_limited', 'diagnosis:summary.rate_limited.account'],
  ];

  it.each(cases)('%s on every request → %s', async (_name, fault, status, key) => {
    sim.injectFault(fault);
    const token = sim.newToken('expired');
    const diagnosis = await diagnoseToken(token, facts, options({ timeoutMs: 1_500, requestTimeoutMs: 500 }));
    expect(diagnosis.status).toBe(status);
    expect(diagnosis.summary.key).toBe(key);
    expect(diagnosis.expiresAt).toBeNull();
  });

  it('80007 tells how long to wait', async () => {
    sim.injectFault({ kind: 'rate_limit', code: 80007, minutes: 7 });
    const diagnosis = await diagnoseToken(sim.newToken('never_expiring'), facts, options());
    expect(diagnosis.fix).toEqual({ key: 'diagnosis:fix.wait_minutes', params: { count: 7 } });
  });

  it('a refused connection', async () => {
    const port = await new Promise<number>((resolve) => {
      const server = createServer();
      server.listen(0, '127.0.0.1', () => {
        const { port: free } = server.address() as { port: number };
        server.close(() => resolve(free));
      });
    });
    const diagnosis = await diagnoseToken(sim.newToken('never_expiring'), facts, { ...fast, graphUrl: `http://127.0.0.1:${port}` });
    expect(diagnosis).toMatchObject({ status: 'network_error', summary: { key: 'diagnosis:summary.network_error.connection_refused' } });
    expect(diagnosis.requests).toBe(2 * 3);
  });

  it('a DNS failure (unresolvable host)', async () => {
    const diagnosis = await diagnoseToken(sim.newToken('never_expiring'), facts, { ...fast, graphUrl: 'http://graph.wa-token-doctor.invalid' });
    expect(diagnosis).toMatchObject({ status: 'network_error', summary: { key: 'diagnosis:summary.network_error.dns' }, fix: { key: 'diagnosis:fix.check_connection' } });
  });

  it('batch items Meta left null are parts not checked, not a dead token', async () => {
    sim.injectFault({ kind: 'batch_null' });
    const diagnosis = await diagnoseToken(sim.newToken('never_expiring'), facts, options());
    expect(diagnosis.status).toBe('ok');
    expect(diagnosis.phone).toBeNull();
    expect(diagnosis.warnings.map((warning) => warning.key)).toEqual(expect.arrayContaining(['diagnosis:warning.phone_not_checked', 'diagnosis:warning.templates_not_checked']));
  });

  it('a transient fault is retried and then succeeds, within a bounded number of attempts', async () => {
    sim.injectFault({ kind: 'reset' }, { count: 1, match: 'debug_token' });
    sim.injectFault({ kind: 'server_error' }, { count: 1, match: 'batch' });
    const diagnosis = await diagnoseToken(sim.newToken('never_expiring'), facts, options());
    expect(diagnosis).toMatchObject({ status: 'ok', requests: 4, roundTrips: 2 });
    expect(diagnosis.phone?.verifiedName).toBe('Example Test Shop');
  });

  it('retries are bounded: at most 3 attempts per request', async () => {
    sim.injectFault({ kind: 'server_error' });
    const diagnosis = await diagnoseToken(sim.newToken('never_expiring'), facts, options());
    expect(diagnosis.status).toBe('meta_error');
    expect(sim.requests).toHaveLength(6);
    expect(diagnosis).toMatchObject({ requests: 6, roundTrips: 3 });
  });

  it('a rate limit is not retried', async () => {
    sim.injectFault({ kind: 'rate_limit', code: 4 });
    await diagnoseToken(sim.newToken('never_expiring'), facts, options());
    expect(sim.requests).toHaveLength(2);
  });

  it('the total time is bounded when Meta never answers', async () => {
    sim.injectFault({ kind: 'timeout' });
    const started = Date.now();
    const diagnosis = await diagnoseToken(sim.newToken('never_expiring'), facts, { graphUrl: sim.url, timeoutMs: 1_200, requestTimeoutMs: 500, retryDelayMs: 5 });
    const elapsed = Date.now() - started;
    expect(diagnosis.status).toBe('network_error');
    expect(elapsed).toBeLessThan(1_200 + 300);
    expect(diagnosis.summary.params).toEqual({ seconds: 1 });
  });

  it('a slow debug_token alone still lets the batch prove the token works', async () => {
    sim.injectFault({ kind: 'timeout' }, { match: 'debug_token' });
    const diagnosis = await diagnoseToken(sim.newToken('never_expiring'), facts, options({ timeoutMs: 800, requestTimeoutMs: 400 }));
    expect(diagnosis).toMatchObject({ status: 'ok', tokenLifetime: 'unknown', phone: { verifiedName: 'Example Test Shop' } });
  });
});

describe('shape check first', () => {
  it.each(['', '"EAAshort"', 'IGAAQ2xkZmRzZmRzZmRzZmRzZmRzZmRzZmRzZmRzZmRzZmRzZmRzZmRzZmRz', '100000000000001|f0a1b2c3d4e5f60718293a4b5c6d7e8f', 'EAAFAKE abc def'])('%j is malformed without any request', async (raw) => {
    const diagnosis = await diagnoseToken(raw, facts, options());
    expect(diagnosis).toMatchObject({ status: 'malformed', requests: 0, roundTrips: 0 });
    expect(sim.requests).toHaveLength(0);
  });
});
