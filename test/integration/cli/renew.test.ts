// `wa-token-doctor renew`, the built command: a renewable token traded for a longer one and applied, with app
// credentials from the environment that never reach the output; a never-expiring token left alone.
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { envValues, parseEnv } from '../../../src-main/core/envfile';
import { translate } from '../../../src-main/core/i18n/translate';
import { startGraphSimulator, SIM_PHONE_NUMBER_ID, type GraphSimulator } from '../../sim/graph-simulator';
import { assertBuilt, runCli } from './run-cli';

let sim: GraphSimulator;
let work: string;

beforeAll(async () => {
  assertBuilt();
  sim = await startGraphSimulator();
  work = await mkdtemp(join(tmpdir(), 'wa-renew-'));
});
afterAll(async () => {
  await sim.close();
  await rm(work, { recursive: true, force: true });
});

async function bot(token: string): Promise<string> {
  const folder = await mkdtemp(join(work, 'bot-'));
  const envPath = join(folder, '.env');
  await writeFile(envPath, `# shop bot\nWHATSAPP_TOKEN="${token}"\nPHONE_NUMBER_ID=${SIM_PHONE_NUMBER_ID}\n`);
  return envPath;
}

function renew(envPath: string, env: Record<string, string> = {}) {
  return runCli(['renew', '--env', envPath, '--no-keychain', '--json'], {
    env: {
      WA_TOKEN_DOCTOR_GRAPH_URL: sim.url,
      WA_TOKEN_DOCTOR_HOME: join(work, 'home'),
      WA_TOKEN_DOCTOR_APP_ID: sim.app.id,
      WA_TOKEN_DOCTOR_APP_SECRET: sim.app.secret,
      ...env,
    },
  });
}

describe('renew', () => {
  it('trades a token that expires in 3 days for a 60-day one and writes it, keeping the quotes', async () => {
    const old = sim.addToken(sim.newToken({ scenario: 'expiring', days: 3 }), { scenario: 'expiring', days: 3 });
    const envPath = await bot(old);
    const run = await renew(envPath);
    expect(run.code, run.stdout + run.stderr).toBe(0);
    const out = JSON.parse(run.stdout);
    expect(out).toMatchObject({ ok: true, outcome: 'applied', status: 'ok' });
    const fresh = envValues(parseEnv(await readFile(envPath, 'utf8'))).get('WHATSAPP_TOKEN')!;
    expect(fresh).not.toBe(old);
    expect(await readFile(envPath, 'utf8')).toContain(`WHATSAPP_TOKEN="${fresh}"\n`);
    expect(Date.parse(out.expiresAt) - Date.now()).toBeGreaterThan(50 * 86_400_000);
    for (const secret of [old, fresh, sim.app.secret]) expect(run.stdout + run.stderr).not.toContain(secret);
  });

  it('leaves a never-expiring token alone and says so', async () => {
    const token = sim.newToken('never_expiring');
    const envPath = await bot(token);
    const before = await readFile(envPath, 'utf8');
    const run = await renew(envPath);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ ok: true, outcome: 'not_needed', exitCode: 0, message: expect.stringMatching(/never expires/) });
    const human = await runCli(['renew', '--env', envPath, '--no-keychain'], {
      env: { WA_TOKEN_DOCTOR_GRAPH_URL: sim.url, WA_TOKEN_DOCTOR_HOME: join(work, 'home'), WA_TOKEN_DOCTOR_APP_ID: sim.app.id, WA_TOKEN_DOCTOR_APP_SECRET: sim.app.secret },
    });
    // A cron job's standard output stays quiet when there is nothing to do.
    expect(human.stdout).toBe('');
    expect(human.stderr).toMatch(/never expires/);
    expect(await readFile(envPath, 'utf8')).toBe(before);
  });

  it('needs app credentials and says where to put them', async () => {
    const envPath = await bot(sim.newToken('sixty_day'));
    const run = await renew(envPath, { WA_TOKEN_DOCTOR_APP_ID: '', WA_TOKEN_DOCTOR_APP_SECRET: '' });
    expect(run.code).toBe(2);
    expect(JSON.parse(run.stdout)).toMatchObject({ ok: false, error: { code: 'renew_needs_app_credentials', message: expect.stringMatching(/WA_TOKEN_DOCTOR_APP_ID/) } });
  });

  it('writes nothing when Meta refuses the app secret, and never prints it', async () => {
    const envPath = await bot(sim.newToken({ scenario: 'expiring', days: 2 }));
    const before = await readFile(envPath, 'utf8');
    const wrongSecret = 'ffffffffffffffffffffffffffffffff';
    const run = await renew(envPath, { WA_TOKEN_DOCTOR_APP_SECRET: wrongSecret });
    // Bad input (exit 2), not "could not reach Meta" (4): and where the right secret is.
    expect(run.code).toBe(2);
    const url = `https://developers.facebook.com/apps/${sim.app.id}/settings/basic/`;
    expect(JSON.parse(run.stdout)).toMatchObject({
      ok: false,
      exitCode: 2,
      error: { code: 'exchange_app_credentials_refused', message: translate('en', { key: 'cli:errors.app_credentials_refused', params: { url } }) },
    });
    expect(await readFile(envPath, 'utf8')).toBe(before);
    expect(run.stdout + run.stderr).not.toContain(wrongSecret);

    for (const language of ['tr', 'ar'] as const) {
      const human = await runCli(['renew', '--env', envPath, '--no-keychain'], {
        env: { WA_TOKEN_DOCTOR_GRAPH_URL: sim.url, WA_TOKEN_DOCTOR_HOME: join(work, 'home'), WA_TOKEN_DOCTOR_APP_ID: sim.app.id, WA_TOKEN_DOCTOR_APP_SECRET: wrongSecret, WA_TOKEN_DOCTOR_LANG: language },
      });
      expect(human.code).toBe(2);
      expect(human.stderr).toContain(translate(language, { key: 'cli:errors.app_credentials_refused', params: { url } }));
      expect(human.stdout + human.stderr).not.toContain(wrongSecret);
    }
  });
});
