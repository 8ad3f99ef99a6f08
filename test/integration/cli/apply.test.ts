// `wa-token-doctor apply` and `status`, the built command, against the Graph simulator: every real-world .env
// comes out with only its token's bytes changed, Meta's refusal writes nothing, the restart command runs, the
// real keychain gets the token, and no full token ever reaches the output.
import { createHash } from 'node:crypto';
import { chmod, copyFile, link, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { envValues, parseEnv } from '../../../src-main/core/envfile';
import { translate } from '../../../src-main/core/i18n/translate';
import { ProfileStore } from '../../../src-main/core/profiles/profile-store';
import { KeyringVault, botAccount } from '../../../src-main/core/vault';
import { startGraphSimulator, SIM_PHONE_NUMBER_ID, SIM_WABA_ID, type GraphSimulator } from '../../sim/graph-simulator';
import { requireTestKeyring } from '../../support/require-keyring';
import { REAL_WORLD_ENV_FOLDER } from '../../unit/envfile/real-world-files';
import { assertBuilt, runCli, type CliRun } from './run-cli';

let sim: GraphSimulator;
let work: string;

beforeAll(async () => {
  assertBuilt();
  sim = await startGraphSimulator();
  work = await mkdtemp(join(tmpdir(), 'wa-apply-'));
});
afterAll(async () => {
  await sim.close();
  await rm(work, { recursive: true, force: true });
});

function apply(args: string[], token: string, env: Record<string, string> = {}): Promise<CliRun> {
  return runCli(['apply', ...args], {
    stdin: `${token}\n`,
    env: { WA_TOKEN_DOCTOR_GRAPH_URL: sim.url, WA_TOKEN_DOCTOR_HOME: join(work, 'home'), ...env },
  });
}

function expectNoToken(run: CliRun, ...tokens: string[]): void {
  for (const token of tokens) expect(run.stdout + run.stderr).not.toContain(token);
  expect(run.stdout + run.stderr).not.toMatch(/EAA[A-Za-z0-9]{20,}/);
}

/**
 * The bytes we expect, worked out without the app's editor: on the last line assigning `name`, the old value's
 * characters become the new token's; an empty value gets the token between its quotes (or after `=`).
 */
function expectedBytes(original: string, name: string, token: string): string {
  const lines = original.split(/(?<=\n)/);
  const assignment = new RegExp(`^[ \\t]*(?:export[ \\t]+)?${name.replace(/[.]/g, '\\.')}[ \\t]*=`);
  const index = lines.findLastIndex((line) => assignment.test(line));
  const old = envValues(parseEnv(original)).get(name) ?? '';
  const line = lines[index]!;
  lines[index] = old ? line.replace(old, token) : line.replace(/=([ \t]*)(["']?)\2/, `=$1$2${token}$2`);
  return lines.join('');
}

describe('apply on every real-world .env', async () => {
  const metas = (await readdir(REAL_WORLD_ENV_FOLDER)).filter((name) => name.endsWith('.meta.json')).sort();
  for (const metaName of metas) {
    const id = metaName.slice(0, 3);
    it(`${id}: only the token's bytes change`, async () => {
      const meta = JSON.parse(await readFile(join(REAL_WORLD_ENV_FOLDER, metaName), 'utf8')) as { token_var: string | null };
      const folder = join(work, `real-${id}`);
      await mkdir(folder, { recursive: true });
      const envPath = join(folder, '.env');
      await copyFile(join(REAL_WORLD_ENV_FOLDER, `${id}.env`), envPath);
      await chmod(envPath, 0o644); // a read-only checkout stays so through copyFile
      const original = await readFile(envPath, 'utf8');
      const token = sim.newToken('never_expiring');
      const varArgs = meta.token_var ? ['--var', meta.token_var] : [];
      // The files carry their own (fake) ids, unknown to the simulator's Meta: name the simulator's instead.
      const ids = ['--phone-number-id', SIM_PHONE_NUMBER_ID, '--waba-id', SIM_WABA_ID];
      const run = await apply(['--env', envPath, ...varArgs, ...ids, '--token-stdin', '--no-keychain', '--json'], token);
      expectNoToken(run, token);
      if (!meta.token_var) {
        // 024: its bot reads a variable the file lacks; without --var there is nothing to replace.
        expect(run.code).toBe(2);
        expect(await readFile(envPath, 'utf8')).toBe(original);
        return;
      }
      expect(run.code, run.stderr).toBe(0);
      // Files with their own APP_ID/APP_SECRET ask debug_token as that (unknown) app: still ok, just without expiry facts.
      expect(JSON.parse(run.stdout)).toMatchObject({ ok: true, outcome: 'applied', status: 'ok' });
      expect(await readFile(envPath, 'utf8')).toBe(expectedBytes(original, meta.token_var, token));
    });
  }
});

describe('apply refusing and failing safely', () => {
  async function bot(token: string): Promise<string> {
    const folder = await mkdtemp(join(work, 'bot-'));
    const envPath = join(folder, '.env');
    await writeFile(envPath, `WHATSAPP_TOKEN=${token}\nPHONE_NUMBER_ID=${SIM_PHONE_NUMBER_ID}\n`);
    return envPath;
  }

  it('writes nothing and exits 3 when Meta refuses the token', async () => {
    const envPath = await bot(sim.newToken('expired'));
    const before = await readFile(envPath, 'utf8');
    const refused = sim.newToken('password_changed');
    const run = await apply(['--env', envPath, '--token-stdin', '--no-keychain'], refused);
    expect(run.code).toBe(3);
    expect(run.stdout).toMatch(/Meta does not accept this token, so nothing was changed/);
    expect(await readFile(envPath, 'utf8')).toBe(before);
    expectNoToken(run, refused);
  });

  it('writes nothing and exits 4 when Meta cannot be reached', async () => {
    const envPath = await bot(sim.newToken('expired'));
    const before = await readFile(envPath, 'utf8');
    const run = await runCli(['apply', '--env', envPath, '--token-stdin', '--no-keychain'], {
      stdin: sim.newToken('never_expiring'),
      env: { WA_TOKEN_DOCTOR_GRAPH_URL: 'http://127.0.0.1:9', WA_TOKEN_DOCTOR_HOME: join(work, 'home') },
    });
    expect(run.code).toBe(4);
    expect(await readFile(envPath, 'utf8')).toBe(before);
  });

  it('refuses a token given any other way than standard input', async () => {
    const envPath = await bot(sim.newToken('expired'));
    const run = await apply(['--env', envPath, '--no-keychain'], sim.newToken('never_expiring'));
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/--token-stdin/);
  });

  it('runs the restart command in the bot folder, says the keychain was skipped, and reports in Turkish', async () => {
    const envPath = await bot(sim.newToken('expired'));
    const folder = resolve(envPath, '..');
    const token = sim.newToken('sixty_day');
    const run = await apply(
      ['--env', envPath, '--token-stdin', '--no-keychain', '--restart', `node -e "require('fs').writeFileSync('restarted','yes')"`],
      token,
      { WA_TOKEN_DOCTOR_LANG: 'tr' },
    );
    expect(run.code, run.stdout + run.stderr).toBe(0);
    expect(await readFile(join(folder, 'restarted'), 'utf8')).toBe('yes');
    // The reader's language is chosen from WA_TOKEN_DOCTOR_LANG: the lines are the Turkish ones, not English.
    expect(run.stdout).toContain(translate('tr', { key: 'renew:keychain.skippedOnRequest' }));
    expect(run.stdout).toContain(translate('tr', { key: 'cli:apply.outcome.applied' }));
    expect(run.stdout).not.toContain(translate('en', { key: 'cli:apply.outcome.applied' }));
    expectNoToken(run, token);
  });

  it('keeps the token in the real keychain under the connected bot', async () => {
    requireTestKeyring();
    const envPath = await bot(sim.newToken('expired'));
    const home = join(work, 'home-keychain');
    const store = await ProfileStore.open(home);
    const connected = await store.addBot({
      name: 'Shop',
      folder: resolve(envPath, '..'),
      envFile: envPath,
      tokenVariable: 'WHATSAPP_TOKEN',
      phoneNumberId: SIM_PHONE_NUMBER_ID,
      wabaId: null,
      apiVersion: null,
      run: { mode: 'none', command: null, cwd: null, healthUrl: null },
    });
    const token = sim.newToken('never_expiring');
    const run = await apply(['--env', envPath, '--token-stdin', '--json'], token, {
      WA_TOKEN_DOCTOR_HOME: home,
      DBUS_SESSION_BUS_ADDRESS: process.env.DBUS_SESSION_BUS_ADDRESS ?? '',
    });
    expect(run.code, run.stdout + run.stderr).toBe(0);
    const vault = new KeyringVault();
    expect(await vault.getSecret(botAccount(connected.id))).toBe(token);
    await vault.deleteSecret(botAccount(connected.id));
  });
});

describe('apply on a .env a replacement would get wrong', () => {
  it('writes a hard-linked .env in place, so every name has the new token, and says so in the reader language', async () => {
    const folder = await mkdtemp(join(work, 'linked-'));
    const envPath = join(folder, '.env');
    const otherName = join(folder, 'deploy.env');
    await writeFile(envPath, `WHATSAPP_TOKEN=${sim.newToken('expired')}\nPHONE_NUMBER_ID=${SIM_PHONE_NUMBER_ID}\n`);
    await link(envPath, otherName);
    const token = sim.newToken('never_expiring');
    const run = await apply(['--env', envPath, '--token-stdin', '--no-keychain', '--json'], token, { WA_TOKEN_DOCTOR_LANG: 'tr' });
    expect(run.code, run.stdout + run.stderr).toBe(0);
    const write = (JSON.parse(run.stdout) as { steps: Array<{ step: string; message: { key: string }; text: string }> }).steps.find((step) => step.step === 'write')!;
    expect(write.message.key).toBe('envfile:change.in_place_hard_links');
    expect(write.text).toBe(translate('tr', { key: 'envfile:change.in_place_hard_links', params: { key: 'WHATSAPP_TOKEN', line: 1, path: envPath } }));
    for (const name of [envPath, otherName]) expect(envValues(parseEnv(await readFile(name, 'utf8'))).get('WHATSAPP_TOKEN')).toBe(token);
  });

  it('refuses a .env it may not write, with a clear message, and changes nothing', async () => {
    const folder = await mkdtemp(join(work, 'locked-'));
    const envPath = join(folder, '.env');
    await writeFile(envPath, `WHATSAPP_TOKEN=${sim.newToken('expired')}\n`);
    await chmod(envPath, 0o444);
    const before = await readFile(envPath, 'utf8');
    const run = await apply(['--env', envPath, '--token-stdin', '--no-keychain', '--json'], sim.newToken('never_expiring'));
    expect(run.code).toBe(2);
    const out = JSON.parse(run.stdout) as { outcome: string; steps: Array<{ step: string; state: string; message: { key: string } }> };
    expect(out.outcome).toBe('write_failed');
    expect(out.steps.find((step) => step.step === 'write')).toMatchObject({ state: 'failed', message: { key: 'envfile:errors.read_only' } });
    expect(await readFile(envPath, 'utf8')).toBe(before);
  });
});

describe('status', () => {
  it('checks every connected bot and exits with the most urgent answer', async () => {
    const home = join(work, 'home-status');
    const store = await ProfileStore.open(home);
    const tokens = { good: sim.newToken('never_expiring'), dead: sim.newToken('expired') };
    for (const [name, token] of Object.entries(tokens)) {
      const folder = await mkdtemp(join(work, `status-${name}-`));
      await writeFile(join(folder, '.env'), `ACCESS_TOKEN=${token}\n`);
      await store.addBot({
        name,
        folder,
        envFile: join(folder, '.env'),
        tokenVariable: 'ACCESS_TOKEN',
        phoneNumberId: null,
        wabaId: null,
        apiVersion: null,
        run: { mode: 'none', command: null, cwd: null, healthUrl: null },
      });
    }
    const run = await runCli(['status', '--json'], { env: { WA_TOKEN_DOCTOR_GRAPH_URL: sim.url, WA_TOKEN_DOCTOR_HOME: home } });
    expect(run.code).toBe(3);
    const rows = JSON.parse(run.stdout) as Array<{ name: string; status: string }>;
    expect(rows.map((row) => [row.name, row.status])).toEqual([
      ['good', 'ok'],
      ['dead', 'expired'],
    ]);
    expectNoToken(run, tokens.good, tokens.dead);
    const human = await runCli(['status'], { env: { WA_TOKEN_DOCTOR_GRAPH_URL: sim.url, WA_TOKEN_DOCTOR_HOME: home, WA_TOKEN_DOCTOR_LANG: 'ar' } });
    expect(human.stdout).toMatch(/good/);
    expect(createHash('sha256').update(human.stdout).digest('hex')).not.toBe('');
    expectNoToken(human, tokens.good, tokens.dead);
  });
});
