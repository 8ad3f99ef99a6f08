// `apply --dry-run` and `renew --dry-run`, the built CLI against the simulator with real files and a real bot:
// Meta is asked, each destination's change is shown masked, the restart that would run is named, nothing changes
// (files, backups, the running bot, the command destination, Meta's tokens), and the exit code is the real run's.
import { chmod, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stopManagedBot } from '../../../src-main/core/bot/managed';
import { readProcess } from '../../../src-main/core/bot/process-table';
import { translate } from '../../../src-main/core/i18n/translate';
import { startGraphSimulator, SIM_PHONE_NUMBER_ID, type GraphSimulator } from '../../sim/graph-simulator';
import { botCommand, cleanUpEverything, makeTempFolder, readReport } from '../bot/bot-processes';
import { assertBuilt, runCli, type CliRun } from './run-cli';

let sim: GraphSimulator;
let home: string;

beforeAll(async () => {
  assertBuilt();
  sim = await startGraphSimulator();
  home = await makeTempFolder('wa-dry-home-');
});
afterAll(async () => {
  for (const name of (await readdir(join(home, 'run')).catch((): string[] => [])).filter((file) => file.endsWith('.json'))) {
    await stopManagedBot(name.slice(0, -'.json'.length), { dataHome: home, graceMs: 500 });
  }
  await sim.close();
  await cleanUpEverything();
});

const env = (extra: Record<string, string> = {}) => ({ WA_TOKEN_DOCTOR_GRAPH_URL: sim.url, WA_TOKEN_DOCTOR_HOME: home, ...extra });
const masked = (token: string) => `${token.slice(0, 4)}…${token.slice(-5)}`;

async function botFolder(token: string): Promise<string> {
  const folder = await mkdtemp(join(home, 'bot-'));
  await writeFile(join(folder, '.env'), `# shop\nWHATSAPP_TOKEN=${token}\nPHONE_NUMBER_ID=${SIM_PHONE_NUMBER_ID}\n`);
  await writeFile(join(folder, 'config.json'), '{ "name": "shop", "whatsapp": { "phone": "90555" } }\n');
  return folder;
}

/** Every file of the bot's folder and of the data folder's backups, to prove a dry run changed none of them. */
async function snapshot(folder: string): Promise<Record<string, string>> {
  const files: Record<string, string> = {};
  for (const name of await readdir(folder)) files[name] = await readFile(join(folder, name), 'utf8').catch(() => '(folder)');
  files['(backups)'] = JSON.stringify(await readdir(join(home, 'backups'), { recursive: true }).catch(() => []));
  return files;
}

function expectNoFullToken(run: CliRun): void {
  expect(run.stdout + run.stderr).not.toMatch(/EAA[A-Za-z0-9]{20,}/);
}

describe('apply --dry-run', () => {
  it('shows every change and the restart, changes nothing, and exits as the real run then does', async () => {
    const old = sim.newToken('expired');
    const folder = await botFolder(old);
    const report = join(folder, 'report.json');
    const restart = botCommand('env-bot.mjs', '--report', report);
    const args = (token: string, ...more: string[]) =>
      runCli(['apply', '--env', join(folder, '.env'), '--token-stdin', '--no-keychain', '--restart', restart, '--dest', 'json:config.json#whatsapp.token', '--dest', 'cmd:cat > from-command.txt', ...more], {
        stdin: token,
        env: env(),
        cwd: folder,
      });
    // A real run first, so a bot is running that the next restart would stop.
    const first = sim.newToken('never_expiring');
    expect((await args(first)).code).toBe(0);
    const bot = await readReport<{ pid: number }>(report);
    await rm(join(folder, 'from-command.txt'));
    const before = await snapshot(folder);

    const next = sim.newToken('never_expiring');
    const dry = await args(next, '--dry-run', '--json');
    expect(dry.code, dry.stdout + dry.stderr).toBe(0);
    const out = JSON.parse(dry.stdout) as {
      dryRun: boolean;
      outcome: string;
      destinations: Array<{ kind: string; change: string; line: number | null; before: string | null; after: string; text: string }>;
      restart: { command: string; stopsFirst: { pid: number } | null; text: string };
    };
    expect(out).toMatchObject({ dryRun: true, outcome: 'applied' });
    expect(out.destinations.map(({ kind, change, line, before: was, after }) => ({ kind, change, line, was, after }))).toEqual([
      { kind: 'env', change: 'replace', line: 2, was: masked(first), after: masked(next) },
      { kind: 'json', change: 'replace', line: null, was: masked(first), after: masked(next) },
      { kind: 'command', change: 'command', line: null, was: null, after: masked(next) },
    ]);
    expect(out.restart.command).toBe(restart);
    expect(out.restart.stopsFirst).not.toBeNull();
    expectNoFullToken(dry);

    // Nothing moved: files, backups, the command destination, the running bot.
    expect(await snapshot(folder)).toEqual(before);
    expect((await readReport<{ pid: number }>(report)).pid).toBe(bot.pid);
    expect(await readProcess(bot.pid)).not.toBeNull();

    const real = await args(next, '--json');
    expect(real.code).toBe(dry.code);
    expect(JSON.parse(real.stdout)).toMatchObject({ outcome: 'applied' });
  });

  it('in Turkish: says what a refused token would end with, exit 3, and changes nothing', async () => {
    const folder = await botFolder(sim.newToken('expired'));
    const before = await snapshot(folder);
    const run = await runCli(['apply', '--env', join(folder, '.env'), '--token-stdin', '--no-keychain', '--dry-run'], {
      stdin: sim.newToken('password_changed'),
      env: env({ WA_TOKEN_DOCTOR_LANG: 'tr' }),
    });
    expect(run.code).toBe(3);
    expect(run.stdout).toContain(translate('tr', { key: 'cli:dry_run.end', params: { outcome: translate('tr', { key: 'cli:apply.outcome.refused' }) } }));
    expect(await snapshot(folder)).toEqual(before);
    expectNoFullToken(run);
  });

  it('exits 2 when a destination could not be written, as the real run would, and exits 4 when Meta cannot be reached', async () => {
    const folder = await botFolder(sim.newToken('expired'));
    await chmod(join(folder, '.env'), 0o444);
    const token = sim.newToken('never_expiring');
    const apply = (...more: string[]) =>
      runCli(['apply', '--env', join(folder, '.env'), '--token-stdin', '--no-keychain', '--json', ...more], { stdin: token, env: env() });
    const dry = await apply('--dry-run');
    expect(dry.code).toBe(2);
    const out = JSON.parse(dry.stdout) as { outcome: string; destinations: Array<{ problem: { key: string } | null }> };
    expect(out.outcome).toBe('write_failed');
    expect(out.destinations[0]!.problem).toMatchObject({ key: 'envfile:errors.read_only' });
    expect((await apply()).code).toBe(2);

    const offline = await runCli(['apply', '--env', join(folder, '.env'), '--token-stdin', '--no-keychain', '--dry-run'], {
      stdin: token,
      env: env({ WA_TOKEN_DOCTOR_GRAPH_URL: 'http://127.0.0.1:9' }),
    });
    expect(offline.code).toBe(4);
  });
});

describe('renew --dry-run', () => {
  const credentials = () => ({ WA_TOKEN_DOCTOR_APP_ID: sim.app.id, WA_TOKEN_DOCTOR_APP_SECRET: sim.app.secret });
  const renew = (folder: string, extra: Record<string, string> = {}) =>
    runCli(['renew', '--env', join(folder, '.env'), '--no-keychain', '--dry-run', '--json'], { env: env({ ...credentials(), ...extra }) });

  it('checks the token and the app with Meta, shows where the renewed token would go, and asks Meta for no token', async () => {
    const old = sim.addToken(sim.newToken({ scenario: 'expiring', days: 3 }), { scenario: 'expiring', days: 3 });
    const folder = await botFolder(old);
    const before = await snapshot(folder);
    const run = await renew(folder);
    expect(run.code, run.stdout + run.stderr).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({
      dryRun: true,
      outcome: 'applied',
      token: masked(old),
      destinations: [{ kind: 'env', change: 'replace', line: 2, before: masked(old), after: translate('en', { key: 'cli:dry_run.renewed_token' }) }],
      restart: null,
    });
    expect(sim.requests.some((request) => request.kind === 'oauth')).toBe(false);
    expect(await snapshot(folder)).toEqual(before);
    expect(run.stdout).not.toContain(sim.app.secret);
  });

  it('exits as the real renew would: 0 for a token that never expires, 2 for app credentials Meta refuses', async () => {
    const lasting = await botFolder(sim.newToken('never_expiring'));
    expect(JSON.parse((await renew(lasting)).stdout)).toMatchObject({ ok: true, outcome: 'not_needed', exitCode: 0 });
    const expiring = await botFolder(sim.addToken(sim.newToken({ scenario: 'expiring', days: 3 }), { scenario: 'expiring', days: 3 }));
    const refused = await renew(expiring, { WA_TOKEN_DOCTOR_APP_SECRET: 'ffffffffffffffffffffffffffffffff' });
    expect(refused.code).toBe(2);
    expect(JSON.parse(refused.stdout)).toMatchObject({ error: { code: 'exchange_app_credentials_refused' } });
  });
});
