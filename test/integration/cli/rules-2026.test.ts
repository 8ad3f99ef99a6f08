// The built CLI's check, apply and renew against a simulator following Meta's 2026 rules ("new app": no method
// override, system-user tokens that cannot inspect themselves, a refresh that needs its parameter; and an app that
// requires appsecret_proof). App credentials come from WA_TOKEN_DOCTOR_APP_ID / _APP_SECRET, as on a server.
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { envValues, parseEnv } from '../../../src-main/core/envfile';
import { startGraphSimulator, SIM_PHONE_NUMBER_ID, SIM_WABA_ID, type GraphSimulator } from '../../sim/graph-simulator';
import { assertBuilt, runCli, type CliRun } from './run-cli';

let sim: GraphSimulator;
let work: string;
const DAY_MS = 86_400_000;

beforeAll(async () => {
  assertBuilt();
  sim = await startGraphSimulator({ newApp: true });
  work = await mkdtemp(join(tmpdir(), 'wa-cli-2026-'));
});
afterAll(async () => {
  await sim.close();
  await rm(work, { recursive: true, force: true });
});
afterEach(() => {
  sim.world.rules.requireAppSecretProof = false;
  sim.clearFaults();
  sim.resetRequests();
});

async function bot(token: string, extra = ''): Promise<string> {
  const folder = await mkdtemp(join(work, 'bot-'));
  const envPath = join(folder, '.env');
  await writeFile(envPath, `WHATSAPP_TOKEN=${token}\nPHONE_NUMBER_ID=${SIM_PHONE_NUMBER_ID}\nWABA_ID=${SIM_WABA_ID}\n${extra}`);
  return envPath;
}

function cli(args: string[], options: { app?: boolean; stdin?: string; lang?: string } = {}): Promise<CliRun> {
  const app: Record<string, string> = options.app === false ? {} : { WA_TOKEN_DOCTOR_APP_ID: sim.app.id, WA_TOKEN_DOCTOR_APP_SECRET: sim.app.secret };
  return runCli(args, {
    stdin: options.stdin,
    env: { WA_TOKEN_DOCTOR_GRAPH_URL: sim.url, WA_TOKEN_DOCTOR_HOME: join(work, 'home'), WA_TOKEN_DOCTOR_LANG: options.lang ?? 'en', ...app },
  });
}

const tokenIn = async (envPath: string) => envValues(parseEnv(await readFile(envPath, 'utf8'))).get('WHATSAPP_TOKEN');

function expectNoLegacyFeatures(): void {
  expect(sim.requests.length).toBeGreaterThan(0);
  for (const request of sim.requests) expect(request.queryNames).not.toContain('method');
  for (const request of sim.requests.filter((r) => r.kind === 'debug_token')) expect(request).toMatchObject({ method: 'GET', bearer: true });
}

describe('check', () => {
  it('a 60-day system-user token without app credentials works, expiresAt null and why (exit 0, never 3)', async () => {
    const run = await cli(['check', '--env', await bot(sim.newToken('system_user_60_day')), '--json', '--no-keychain'], { app: false });
    expect(run.code, run.stderr).toBe(0);
    const out = JSON.parse(run.stdout);
    expect(out).toMatchObject({ status: 'ok', expiresAt: null, expiryUnknownReason: 'needs_app_credentials', tokenType: 'system_user' });
    expect(out.text.warnings.join(' ')).toMatch(/within 60 days of when you made it/);
    expectNoLegacyFeatures();
  });

  it('says so in the human report too, in each language', async () => {
    const envPath = await bot(sim.newToken('system_user_60_day'));
    const english = await cli(['check', '--env', envPath, '--no-keychain'], { app: false });
    expect(english.stdout).toMatch(/Meta tells it only to the app/);
    const turkish = await cli(['check', '--env', envPath, '--no-keychain'], { app: false, lang: 'tr' });
    expect(turkish.stdout).toMatch(/yalnızca uygulamaya/);
    const arabic = await cli(['check', '--env', envPath, '--no-keychain'], { app: false, lang: 'ar' });
    expect(arabic.stdout).toMatch(/للتطبيق فقط/);
  });

  it('with the app credentials from the environment, reads the real expiry and type', async () => {
    const run = await cli(['check', '--env', await bot(sim.newToken('system_user_60_day')), '--json']);
    expect(run.code).toBe(0);
    const out = JSON.parse(run.stdout);
    expect(out).toMatchObject({ status: 'ok', tokenType: 'system_user', tokenLifetime: 'long_lived', expiryUnknownReason: null });
    expect(Date.parse(out.expiresAt) - Date.now()).toBeGreaterThan(59 * DAY_MS);
    expect(run.stdout + run.stderr).not.toContain(sim.app.secret);
    expectNoLegacyFeatures();
  });

  it('an app that requires appsecret_proof: exit 4 and what to do without the secret; every call proved with it', async () => {
    sim.world.rules.requireAppSecretProof = true;
    const envPath = await bot(sim.newToken('system_user_60_day'));
    const without = await cli(['check', '--env', envPath, '--json', '--no-keychain'], { app: false });
    expect(without.code).toBe(4);
    expect(JSON.parse(without.stdout)).toMatchObject({ status: 'meta_error', fix: { key: 'diagnosis:fix.appsecret_proof' } });
    expect(JSON.parse(without.stdout).text.fix).toMatch(/Require App Secret/);
    sim.resetRequests();
    const withSecret = await cli(['check', '--env', envPath, '--json']);
    expect(withSecret.code).toBe(0);
    expect(sim.requests.every((request) => request.appSecretProof)).toBe(true);
  });

  it('warns, with the date, about a pinned version Meta retires within 90 days', async () => {
    const run = await cli(['check', '--env', await bot(sim.newToken('system_user_60_day'), 'GRAPH_API_VERSION=v21.0\n')]);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/Graph API v21\.0, which Meta stops serving on .*2027/);
  });
});

describe('apply', () => {
  it('applies a 60-day system-user token after Meta checked it as the app', async () => {
    const envPath = await bot(sim.newToken('never_expiring'));
    const fresh = sim.newToken('system_user_60_day');
    const run = await cli(['apply', '--env', envPath, '--token-stdin', '--no-keychain', '--json'], { stdin: fresh });
    expect(run.code, run.stdout + run.stderr).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ outcome: 'applied', status: 'ok' });
    expect(Date.parse(JSON.parse(run.stdout).expiresAt) - Date.now()).toBeGreaterThan(59 * DAY_MS);
    expect(await tokenIn(envPath)).toBe(fresh);
    expectNoLegacyFeatures();
  });
});

describe('renew', () => {
  const renew = (envPath: string, options: { app?: boolean } = {}) => cli(['renew', '--env', envPath, '--no-keychain', '--json'], options);

  it('refreshes a 60-day system-user token with set_token_expires_in_60_days=true, checks the successor, writes it', async () => {
    const old = sim.newToken({ scenario: 'system_user_60_day', days: 5 });
    const envPath = await bot(old);
    const run = await renew(envPath);
    expect(run.code, run.stdout + run.stderr).toBe(0);
    const fresh = await tokenIn(envPath);
    expect(fresh).not.toBe(old);
    expect(Date.parse(JSON.parse(run.stdout).expiresAt) - Date.now()).toBeGreaterThan(59 * DAY_MS);
    const exchange = sim.requests.find((request) => request.kind === 'oauth');
    expect(exchange).toMatchObject({ method: 'GET', queryNames: expect.arrayContaining(['set_token_expires_in_60_days']) });
    // The successor was asked about before it was written.
    expect(sim.requests.filter((request) => request.kind === 'debug_token').length).toBeGreaterThanOrEqual(2);
    for (const secret of [old, fresh!, sim.app.secret]) expect(run.stdout + run.stderr).not.toContain(secret);
    expectNoLegacyFeatures();
  });

  it('with "Require App Secret" on, the refresh and every check carry the proof', async () => {
    sim.world.rules.requireAppSecretProof = true;
    const envPath = await bot(sim.newToken({ scenario: 'system_user_60_day', days: 5 }));
    const run = await renew(envPath);
    expect(run.code, run.stdout + run.stderr).toBe(0);
    expect(sim.requests.every((request) => request.appSecretProof)).toBe(true);
  });

  it('never exchanges a never-expiring token (it would become a 60-day one): exit 0, nothing asked, nothing written', async () => {
    const token = sim.newToken('never_expiring');
    const envPath = await bot(token);
    const run = await renew(envPath);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ ok: true, outcome: 'not_needed', message: expect.stringMatching(/never expires/) });
    expect(sim.requests.some((request) => request.kind === 'oauth')).toBe(false);
    expect(await tokenIn(envPath)).toBe(token);
  });

  it('when Meta will not say when the token expires, exchanges nothing: exit 4, the .env untouched', async () => {
    const token = sim.newToken('never_expiring');
    const envPath = await bot(token);
    sim.injectFault({ kind: 'server_error', body: 'json' }, { match: 'debug_token' });
    const run = await renew(envPath);
    expect(run.code).toBe(4);
    expect(sim.requests.some((request) => request.kind === 'oauth')).toBe(false);
    expect(await tokenIn(envPath)).toBe(token);
  });

  it('a dead token cannot be refreshed: exit 3, nothing asked of the exchange', async () => {
    const envPath = await bot(sim.newToken({ scenario: 'system_user_60_day', days: -1 }));
    const run = await renew(envPath);
    expect(run.code).toBe(3);
    expect(sim.requests.some((request) => request.kind === 'oauth')).toBe(false);
  });
});
