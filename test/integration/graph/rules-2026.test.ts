// Meta's 2026 rules (FACTS.md §0) against a simulator that follows them: a "new app" (no method override, a
// system-user token that cannot inspect itself, a refresh that needs its parameter), "Require App Secret", a refused
// batch. What must hold: no legacy feature is used, a working token is never called dead, the expiry is read with the
// app credentials, every call carries the proof when the secret is known, and a diagnosis waits for one round trip.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { diagnoseToken, type DiagnoseOptions } from '../../../src-main/core/graph';
import { checkAppCredentials } from '../../../src-main/core/graph/app-credentials';
import { exchangeForLongLivedToken } from '../../../src-main/core/graph/oauth';
import { expectedProof, startGraphSimulator, SIM_PHONE_NUMBER_ID, SIM_WABA_ID, type GraphSimulator } from '../../sim/graph-simulator';

let sim: GraphSimulator;
const facts = { phoneNumberId: SIM_PHONE_NUMBER_ID, wabaId: SIM_WABA_ID };
const DAY_MS = 86_400_000;

beforeAll(async () => {
  sim = await startGraphSimulator({ newApp: true });
});
afterAll(async () => {
  await sim.close();
});
afterEach(() => {
  sim.world.rules.requireAppSecretProof = false;
  sim.world.rules.refuseBatch = false;
  sim.clearFaults();
  sim.resetRequests();
});

const options = (extra: DiagnoseOptions = {}): DiagnoseOptions => ({ graphUrl: sim.url, retryDelayMs: 5, timeoutMs: 3_000, ...extra });
const withApp = (extra: DiagnoseOptions = {}): DiagnoseOptions => options({ appCredentials: { appId: sim.app.id, appSecret: sim.app.secret }, ...extra });

describe('a system-user token that cannot inspect itself', () => {
  it('works, and says its expiry needs the app ID and secret (never dead, expiresAt null and why)', async () => {
    const token = sim.newToken('system_user_60_day');
    const diagnosis = await diagnoseToken(token, facts, options());
    expect(diagnosis).toMatchObject({
      status: 'ok',
      tokenType: 'system_user',
      expiresAt: null,
      expiryUnknownReason: 'needs_app_credentials',
      summary: { key: 'diagnosis:summary.ok.expiry_needs_app_credentials' },
      phone: { id: SIM_PHONE_NUMBER_ID },
      roundTrips: 1,
    });
    expect(diagnosis.warnings.map((warning) => warning.key)).toContain('diagnosis:warning.expiry_needs_app_credentials');
    expect(diagnosis.warnings.map((warning) => warning.key)).not.toContain('diagnosis:warning.expiry_unknown');
    expect(sim.requests.find((request) => request.kind === 'debug_token')).toMatchObject({ method: 'GET', urlSecrets: ['input_token'] });
  });

  it('even with no bot ids to read (Meta accepting it as the caller is the proof that it works)', async () => {
    const diagnosis = await diagnoseToken(sim.newToken('system_user_60_day'), {}, options());
    expect(diagnosis).toMatchObject({ status: 'ok', requests: 1, expiryUnknownReason: 'needs_app_credentials' });
  });

  it('asked by the app, shows its real expiry and type', async () => {
    const diagnosis = await diagnoseToken(sim.newToken('system_user_60_day'), facts, withApp());
    expect(diagnosis).toMatchObject({ status: 'ok', tokenType: 'system_user', tokenLifetime: 'long_lived', expiryUnknownReason: null, appId: sim.app.id });
    expect(Date.parse(diagnosis.expiresAt!) - Date.now()).toBeGreaterThan(59 * DAY_MS);
    expect(diagnosis.warnings.map((warning) => warning.key)).not.toContain('diagnosis:warning.expiry_needs_app_credentials');
  });

  it('a dead one is still dead (Meta refuses it as the caller first)', async () => {
    const diagnosis = await diagnoseToken(sim.newToken({ scenario: 'system_user_60_day', days: -1 }), {}, options());
    expect(diagnosis).toMatchObject({ status: 'expired', expiryUnknownReason: null });
  });
});

describe('no HTTP method override', () => {
  it('debug_token is a GET with the caller in the Authorization header; no request carries method=', async () => {
    await diagnoseToken(sim.newToken('never_expiring'), facts, withApp());
    await exchangeForLongLivedToken(sim.newToken('system_user_60_day'), { appId: sim.app.id, appSecret: sim.app.secret }, { graphUrl: sim.url, tokenType: 'system_user' });
    await checkAppCredentials({ appId: sim.app.id, appSecret: sim.app.secret }, { graphUrl: sim.url });
    expect(sim.requests.length).toBeGreaterThanOrEqual(4);
    for (const request of sim.requests) expect(request.queryNames).not.toContain('method');
    expect(sim.requests.filter((request) => request.kind === 'debug_token').every((request) => request.method === 'GET' && request.bearer)).toBe(true);
  });

  it('the simulator really refuses the old way, so the test above could fail', async () => {
    const token = sim.newToken('sixty_day');
    const response = await fetch(`${sim.url}/v25.0/debug_token`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ input_token: token, method: 'GET' }),
    });
    expect(response.status).toBe(400);
    expect((await response.json()).error).toMatchObject({ code: 100, error_subcode: 33 });
  });
});

describe('refreshing a 60-day token', () => {
  const credentials = () => ({ appId: sim.app.id, appSecret: sim.app.secret });

  it('a system user: GET with set_token_expires_in_60_days=true, a new 60-day system-user token back', async () => {
    const result = await exchangeForLongLivedToken(sim.newToken({ scenario: 'system_user_60_day', days: 5 }), credentials(), { graphUrl: sim.url, tokenType: 'system_user' });
    expect(result).toMatchObject({ ok: true, expiresIn: 60 * 86_400 });
    expect(sim.requests).toEqual([
      expect.objectContaining({ kind: 'oauth', method: 'GET', urlSecrets: ['client_secret', 'fb_exchange_token'], queryNames: expect.arrayContaining(['set_token_expires_in_60_days']) }),
    ]);
    if (!result.ok) return;
    const successor = await diagnoseToken(result.token, {}, withApp());
    expect(successor).toMatchObject({ status: 'ok', tokenType: 'system_user', tokenLifetime: 'long_lived' });
  });

  it('without the parameter Meta refuses (so the test above could fail): not a dead token, nothing new', async () => {
    const result = await exchangeForLongLivedToken(sim.newToken('system_user_60_day'), credentials(), { graphUrl: sim.url, tokenType: null });
    expect(result).toMatchObject({ ok: false, status: 'meta_error', graphError: { code: 100 } });
  });

  it('a person\'s token: the plain exchange', async () => {
    const result = await exchangeForLongLivedToken(sim.newToken('sixty_day'), credentials(), { graphUrl: sim.url, tokenType: 'user' });
    expect(result.ok).toBe(true);
    expect(sim.requests[0]!.queryNames).not.toContain('set_token_expires_in_60_days');
  });
});

describe('"Require App Secret"', () => {
  it('with the secret known, every call carries a right proof and the diagnosis is the usual one', async () => {
    sim.world.rules.requireAppSecretProof = true;
    const token = sim.newToken('system_user_60_day');
    const diagnosis = await diagnoseToken(token, facts, withApp());
    expect(diagnosis).toMatchObject({ status: 'ok', phone: { id: SIM_PHONE_NUMBER_ID }, helloWorld: 'approved' });
    expect(sim.requests.map((request) => request.kind).sort()).toEqual(['batch', 'debug_token']);
    expect(sim.requests.every((request) => request.appSecretProof)).toBe(true);
    const exchanged = await exchangeForLongLivedToken(token, { appId: sim.app.id, appSecret: sim.app.secret }, { graphUrl: sim.url, tokenType: 'system_user' });
    expect(exchanged.ok).toBe(true);
    expect(sim.requests.at(-1)).toMatchObject({ kind: 'oauth', appSecretProof: true });
    expect(expectedProof(token, sim.app.secret)).toMatch(/^[0-9a-f]{64}$/);
  });

  it('without it, says what to do — not dead, and "could not check" (CLI exit 4)', async () => {
    sim.world.rules.requireAppSecretProof = true;
    const diagnosis = await diagnoseToken(sim.newToken('sixty_day'), facts, options());
    expect(diagnosis).toMatchObject({
      status: 'meta_error',
      summary: { key: 'diagnosis:summary.meta_error.appsecret_proof_required' },
      fix: { key: 'diagnosis:fix.appsecret_proof' },
      graphError: { code: 100 },
    });
  });
});

describe('one round trip of waiting, with or without batch', () => {
  it('reads in parallel when asked to, with no batch at all', async () => {
    const diagnosis = await diagnoseToken(sim.newToken('never_expiring'), facts, options({ batch: false }));
    expect(diagnosis).toMatchObject({ status: 'ok', requests: 4, roundTrips: 1, helloWorld: 'approved', phone: { id: SIM_PHONE_NUMBER_ID } });
    expect(sim.requests.map((request) => request.kind).sort()).toEqual(['debug_token', 'message_templates', 'phone', 'waba_phone_numbers']);
    expect(sim.requests.every((request) => request.urlSecrets.length === 0 || request.kind === 'debug_token')).toBe(true);
  });

  it('falls back to parallel reads when Meta refuses the batch, and goes straight to them from then on', async () => {
    sim.world.rules.refuseBatch = true;
    const first = await diagnoseToken(sim.newToken('never_expiring'), facts, options());
    expect(first).toMatchObject({ status: 'ok', helloWorld: 'approved', requests: 5, roundTrips: 2 });
    sim.resetRequests();
    const second = await diagnoseToken(sim.newToken('never_expiring'), facts, options());
    expect(second).toMatchObject({ status: 'ok', requests: 4, roundTrips: 1 });
    expect(sim.requests.some((request) => request.kind === 'batch')).toBe(false);
  });
});

describe('app credentials', () => {
  it('are checked by the app reading itself, the secret only in the Authorization header', async () => {
    expect(await checkAppCredentials({ appId: sim.app.id, appSecret: sim.app.secret }, { graphUrl: sim.url })).toMatchObject({ ok: true, appName: expect.any(String) });
    expect(await checkAppCredentials({ appId: sim.app.id, appSecret: 'f'.repeat(32) }, { graphUrl: sim.url })).toMatchObject({ ok: false, reason: 'rejected' });
    expect(await checkAppCredentials({ appId: '100000000000099', appSecret: sim.app.secret }, { graphUrl: sim.url })).toMatchObject({ ok: false, reason: 'rejected' });
    expect(sim.requests.every((request) => request.kind === 'app' && request.urlSecrets.length === 0 && request.bearer)).toBe(true);
    sim.injectFault({ kind: 'rate_limit' }, { match: 'app' });
    expect(await checkAppCredentials({ appId: sim.app.id, appSecret: sim.app.secret }, { graphUrl: sim.url })).toMatchObject({ ok: false, reason: 'unreachable' });
    sim.injectFault({ kind: 'reset' }, { match: 'app' });
    expect(await checkAppCredentials({ appId: sim.app.id, appSecret: sim.app.secret }, { graphUrl: sim.url, retryDelayMs: 1 })).toMatchObject({ ok: false, reason: 'unreachable' });
  });
});
