// What the programs `apply` starts inherit: the built CLI runs in a shell that exports the bot's old token, our own
// settings and the app secret; the restart command and a cmd: destination must see none of them, and the CLI
// must say that the shell holds the token variable.
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { translate } from '../../../src-main/core/i18n/translate';
import { startGraphSimulator, SIM_PHONE_NUMBER_ID, type GraphSimulator } from '../../sim/graph-simulator';
import { waitFor } from '../bot/bot-processes';
import { assertBuilt, runCli } from './run-cli';

let sim: GraphSimulator;
let work: string;

beforeAll(async () => {
  assertBuilt();
  sim = await startGraphSimulator();
  work = await mkdtemp(join(tmpdir(), 'wa-child-env-'));
});
afterAll(async () => {
  await sim.close();
  await rm(work, { recursive: true, force: true });
});

async function botFolder(token: string): Promise<string> {
  const folder = await mkdtemp(join(work, 'bot-'));
  await writeFile(join(folder, '.env'), `WHATSAPP_TOKEN=${token}\nPHONE_NUMBER_ID=${SIM_PHONE_NUMBER_ID}\n`);
  return folder;
}

describe('the environment of what apply starts', () => {
  const appSecret = 'fedcba9876543210fedcba9876543210';

  it('holds no token variable, no WA_TOKEN_DOCTOR_* and no app secret; the CLI says the shell holds the variable', async () => {
    const oldToken = sim.newToken('expired');
    const folder = await botFolder(oldToken);
    const token = sim.newToken('never_expiring');
    const shell = {
      WA_TOKEN_DOCTOR_GRAPH_URL: sim.url,
      WA_TOKEN_DOCTOR_HOME: join(work, 'home'),
      WA_TOKEN_DOCTOR_APP_ID: sim.app.id,
      WA_TOKEN_DOCTOR_APP_SECRET: appSecret,
      WHATSAPP_TOKEN: oldToken,
      COPY_OF_THE_SECRET: appSecret,
      SHOP_NAME: 'Lokanta',
    };
    const run = await runCli(
      [
        'apply', '--env', join(folder, '.env'), '--token-stdin', '--no-keychain', '--json',
        '--restart', 'env > restart-env.txt',
        '--dest', 'cmd:env > dest-env.txt; cat > /dev/null',
      ],
      { stdin: `${token}\n`, env: shell, cwd: folder },
    );
    expect(run.code, run.stdout + run.stderr).toBe(0);
    const out = JSON.parse(run.stdout) as { warnings: string[] };
    expect(out.warnings).toEqual([translate('en', { key: 'cli:warnings.token_variable_in_shell', params: { name: 'WHATSAPP_TOKEN' } })]);

    await waitFor(async () => (await readFile(join(folder, 'restart-env.txt'), 'utf8').catch(() => '')).includes('SHOP_NAME='));
    for (const file of ['restart-env.txt', 'dest-env.txt']) {
      const environment = await readFile(join(folder, file), 'utf8');
      expect(environment, file).toContain('SHOP_NAME=Lokanta');
      expect(environment, file).toContain('PATH=');
      expect(environment, file).not.toMatch(/^WHATSAPP_TOKEN=/m);
      expect(environment, file).not.toContain('WA_TOKEN_DOCTOR_');
      for (const secret of [appSecret, oldToken, token]) expect(environment, file).not.toContain(secret);
    }
  });

  it('warns in the human report too, in the reader language, and only when the variable is set', async () => {
    const folder = await botFolder(sim.newToken('expired'));
    const env = { WA_TOKEN_DOCTOR_GRAPH_URL: sim.url, WA_TOKEN_DOCTOR_HOME: join(work, 'home'), WA_TOKEN_DOCTOR_LANG: 'tr' };
    const warning = translate('tr', { key: 'cli:warnings.token_variable_in_shell', params: { name: 'WHATSAPP_TOKEN' } });
    const withVariable = await runCli(['check', '--env', join(folder, '.env')], { env: { ...env, WHATSAPP_TOKEN: 'x' } });
    expect(withVariable.stdout).toContain(warning);
    const without = await runCli(['check', '--env', join(folder, '.env')], { env });
    expect(without.stdout).not.toContain(warning);
    expect(without.stdout).toContain(translate('tr', { key: 'diagnosis:status.expired' }));
  });
});
