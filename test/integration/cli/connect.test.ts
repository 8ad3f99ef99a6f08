// `wa-token-doctor connect` and `disconnect`, the built command, on real folders: the layouts of real bots from the
// corpus, what the desktop's detection proposes, flags that correct it, the refusals, and never a token printed.
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { envValues, parseEnv } from '../../../src-main/core/envfile';
import { translate } from '../../../src-main/core/i18n/translate';
import { writeBotFolder } from '../../support/bot-folder';
import { realWorldEnvFiles, type RealWorldEnvFile } from '../../unit/envfile/real-world-files';
import { assertBuilt, runCli, type CliRun } from './run-cli';

let work: string;

beforeAll(async () => {
  assertBuilt();
  work = await mkdtemp(join(tmpdir(), 'wa-connect-'));
});
afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

const TOKEN = `EAAG${'x7Kq'.repeat(50)}`;
const CORPUS = realWorldEnvFiles();

function corpusFile(name: string): RealWorldEnvFile {
  const file = CORPUS.find((candidate) => candidate.name === name);
  if (!file) throw new Error(`${name} is not in the corpus`);
  return file;
}

/** A fresh data folder per scenario, so scenarios never see each other's bots. */
async function scenario(): Promise<{ folder: string; home: string }> {
  const root = await mkdtemp(join(work, 'case-'));
  return { folder: join(root, 'bot'), home: join(root, 'home') };
}

function cli(home: string, args: string[], options: { cwd?: string; lang?: string } = {}): Promise<CliRun> {
  return runCli(args, { cwd: options.cwd, env: { WA_TOKEN_DOCTOR_HOME: home, WA_TOKEN_DOCTOR_LANG: options.lang ?? 'en' } });
}

async function connectJson(home: string, args: string[], cwd?: string) {
  const run = await cli(home, ['connect', ...args, '--json'], { cwd });
  expect(run.code, run.stdout + run.stderr).toBe(0);
  return JSON.parse(run.stdout);
}

async function storedBots(home: string) {
  return JSON.parse(await readFile(join(home, 'bots.json'), 'utf8')).bots as Array<Record<string, unknown>>;
}

function expectNoToken(run: CliRun): void {
  expect(run.stdout + run.stderr).not.toMatch(/EAA[A-Za-z0-9]{20,}/);
}

describe('connect on the layouts of real bots (test/fixtures/real-world)', () => {
  // Every corpus file that was a bot's real .env (not a sample), placed where its repository keeps it.
  const realEnvFiles = CORPUS.filter((file) => file.meta.token_var !== null && /(^|\/)\.env$/.test(file.meta.path));

  it("finds each bot's .env, token variable and ids as the desktop does", async () => {
    expect(realEnvFiles.length).toBeGreaterThanOrEqual(10);
    await Promise.all(
      realEnvFiles.map(async (file) => {
        const { folder, home } = await scenario();
        await writeBotFolder(folder, { [file.meta.path]: file.bytes });
        const out = await connectJson(home, [folder]);
        const values = envValues(parseEnv(file.bytes.toString('utf8')));
        const idOf = (variable: string | null) => {
          const value = variable ? values.get(variable)?.trim() : undefined;
          return value && /^\d+$/.test(value) ? value : null;
        };
        expect(out.bot, file.name).toMatchObject({
          envFile: join(folder, file.meta.path),
          tokenVariable: file.meta.token_var,
          phoneNumberId: idOf(file.meta.phone_id_var),
        });
        if (out.bot.wabaId !== null) expect(out.bot.wabaId, file.name).toBe(idOf(file.meta.waba_var));
        expect(JSON.stringify(out)).not.toMatch(/EAA[A-Za-z0-9]{20,}/);
        expect(await storedBots(home)).toEqual([expect.objectContaining({ id: out.bot.id, tokenVariable: file.meta.token_var })]);
      }),
    );
  });

  it('a bot whose token was copied into a front-end .env: --env picks the backend, the copy is renewed too, the Vite risk is said', async () => {
    // sami2515/whatsapp-webhook: the token in backend/.env, and the same token in the front end's .env as VITE_…
    const backend = corpusFile('017.env');
    const frontEnd = corpusFile('018.env');
    expect(frontEnd.meta.repo).toBe(backend.meta.repo);
    const { folder, home } = await scenario();
    await writeBotFolder(folder, { [backend.meta.path]: backend.bytes, [frontEnd.meta.path]: frontEnd.bytes });

    const run = await cli(home, ['connect', '.', '--env', 'backend/.env', '--name', 'webhook'], { cwd: folder });
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain('WHATSAPP_TOKEN (EAAx…fACOT)');
    expect(run.stdout).toMatch(/Also written to\s+\.env#VITE_WHATSAPP_TOKEN/);
    expect(run.stdout).toContain(translate('en', { key: 'destinations:risk.front_end_bundle', params: { variable: 'VITE_WHATSAPP_TOKEN', prefix: 'VITE_', tool: 'Vite', file: '.env' } }));
    // The copy is already a destination, so the app's "add it as a destination" hint would mislead here.
    expect(run.stdout).not.toContain('The same token is also in');
    expectNoToken(run);

    const [bot] = await storedBots(home);
    expect(bot).toMatchObject({
      name: 'webhook',
      envFile: join(folder, 'backend/.env'),
      tokenVariable: 'WHATSAPP_TOKEN',
      destinations: [
        { kind: 'env', file: join(folder, 'backend/.env'), variable: 'WHATSAPP_TOKEN' },
        { kind: 'env', file: join(folder, '.env'), variable: 'VITE_WHATSAPP_TOKEN' },
      ],
      run: { mode: 'none', command: null },
    });
  });

  it('a sample file named with --env: placeholders are not taken for ids, and the reader is told why', async () => {
    const sample = corpusFile('004.env'); // WHATSAPP_PHONE_NUMBER_ID=your-phone-number-id
    const { folder, home } = await scenario();
    await writeBotFolder(folder, { [sample.meta.path]: sample.bytes });
    const run = await cli(home, ['connect', folder, '--env', join(folder, sample.meta.path)]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/Phone-number ID\s+left out: WHATSAPP_PHONE_NUMBER_ID holds “your-phone-number-id”, which is not a numeric ID/);
    expect(await storedBots(home)).toEqual([expect.objectContaining({ tokenVariable: 'WHATSAPP_TOKEN', phoneNumberId: null, wabaId: null })]);
  });
});

describe('connect, again and corrected', () => {
  it('stores the restart command, shows the detected start, and a second connect of the same .env updates the same bot', async () => {
    const { folder, home } = await scenario();
    await writeBotFolder(folder, {
      '.env': `VERIFY_TOKEN=abc\nWHATSAPP_TOKEN=${TOKEN}\nPHONE_NUMBER_ID=300000000000003\n`,
      'run_flask.py': 'from flask import Flask\napp = Flask(__name__)\nif __name__ == "__main__":\n    app.run()\n',
    });
    const first = await connectJson(home, [folder, '--restart', 'systemctl restart shop-bot']);
    expect(first).toMatchObject({ action: 'connected', bot: { name: 'bot', run: { mode: 'custom', command: 'systemctl restart shop-bot' } } });
    expect(first.detectedStart[0].command).toMatch(/python.*run_flask\.py/);

    const human = await cli(home, ['connect', folder, '--name', 'Şube botu'], { lang: 'tr' });
    expect(human.code).toBe(0);
    expect(human.stdout).toContain(translate('tr', { key: 'cli:connect.updated', params: { name: 'Şube botu' } }));
    expect(human.stdout).toContain(translate('tr', { key: 'cli:connect.start_hint', params: { command: first.detectedStart[0].command } }));
    expectNoToken(human);

    const bots = await storedBots(home);
    expect(bots).toHaveLength(1);
    expect(bots[0]).toMatchObject({ id: first.bot.id, name: 'Şube botu', run: { mode: 'none' } });
  });

  it('--var picks another variable, and a --var that is not in the file is refused', async () => {
    const { folder, home } = await scenario();
    await writeBotFolder(folder, { '.env': `WHATSAPP_TOKEN=${TOKEN}\nBACKUP_TOKEN=${TOKEN.replace('G', 'H')}\n` });
    const out = await connectJson(home, [folder, '--var', 'BACKUP_TOKEN']);
    expect(out.bot.tokenVariable).toBe('BACKUP_TOKEN');
    expect(out.maskedToken).toBe('EAAH…qx7Kq');

    const typo = await cli(home, ['connect', folder, '--var', 'WHATSAP_TOKEN']);
    expect(typo.code).toBe(2);
    expect(typo.stderr).toContain(`has no variable named WHATSAP_TOKEN`);
    expect((await storedBots(home))[0]).toMatchObject({ tokenVariable: 'BACKUP_TOKEN' });
  });
});

describe('connect refuses, exit 2, and stores nothing', () => {
  it.concurrent.for<[string, string[], RegExp]>([
    ['no folder', [], /Say which folder the bot is in/],
    ['two folders', ['a', 'b'], /connect takes one folder, but more was given: “b”/],
    ['a folder that is not there', ['/nonexistent/bot'], /\/nonexistent\/bot/],
    ['a name on two lines', ['.', '--name', 'shop\nbot'], /--name takes a name of one line/],
    ['an empty restart command', ['.', '--restart', '  '], /--restart takes one command line/],
    ['a variable name that cannot be one', ['.', '--var', 'WHATSAPP TOKEN'], /“WHATSAPP TOKEN” is not a variable name/],
    ['an unknown flag', ['.', '--envv', '.env'], /There is no option --envv\. Did you mean --env\?/],
  ])('%s', async ([, args, message], { expect }) => {
    const { folder, home } = await scenario();
    await writeBotFolder(folder, { '.env': `WHATSAPP_TOKEN=${TOKEN}\n` });
    const run = await cli(home, ['connect', ...args], { cwd: folder });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(message);
    await expect(readFile(join(home, 'bots.json'), 'utf8')).rejects.toMatchObject({ code: 'ENOENT' });
  });

  it('a folder without any .env, in Arabic', async () => {
    const { folder, home } = await scenario();
    await writeBotFolder(folder, { 'app.py': 'print("hi")\n' });
    const run = await cli(home, ['connect', folder], { lang: 'ar' });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(translate('ar', { key: 'cli:connect.errors.no_env_file', params: { folder } }));
  });

  it('a name another bot already has', async () => {
    const { folder, home } = await scenario();
    await writeBotFolder(folder, { '.env': `WHATSAPP_TOKEN=${TOKEN}\n`, 'second/.env': `WHATSAPP_TOKEN=${TOKEN}\n` });
    await connectJson(home, [folder, '--name', 'shop']);
    const run = await cli(home, ['connect', join(folder, 'second'), '--name', 'shop']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(`Another connected bot is already called “shop” (${folder})`);
    expect(await storedBots(home)).toHaveLength(1);
  });
});

describe('disconnect', () => {
  it('forgets the bot named by its name, folder, .env or id, and leaves its files alone', async () => {
    const { folder, home } = await scenario();
    await writeBotFolder(folder, { '.env': `WHATSAPP_TOKEN=${TOKEN}\n` });
    const before = await readFile(join(folder, '.env'));
    for (const reference of ['name', 'folder', 'envFile', 'id'] as const) {
      const out = await connectJson(home, [folder, '--name', 'shop']);
      const named = { name: 'shop', folder, envFile: join(folder, '.env'), id: out.bot.id }[reference];
      const run = await cli(home, ['disconnect', named, '--no-keychain']);
      expect(run.code, `${reference}: ${run.stderr}`).toBe(0);
      expect(run.stdout).toContain(`Disconnected “shop”. ${join(folder, '.env')} was not touched.`);
      expect(await storedBots(home)).toEqual([]);
    }
    expect(await readFile(join(folder, '.env'))).toEqual(before);
    const status = await cli(home, ['status']);
    expect(status.stdout).toContain('wa-token-doctor connect FOLDER');
  });

  it('asks for the id when one folder holds two connected bots, and names the bots when none matches', async () => {
    const { folder, home } = await scenario();
    await writeBotFolder(folder, { '.env': `WHATSAPP_TOKEN=${TOKEN}\n`, 'backend/.env': `WHATSAPP_TOKEN=${TOKEN}\n` });
    const one = await connectJson(home, [folder, '--name', 'front']);
    const two = await connectJson(home, [folder, '--env', join(folder, 'backend/.env'), '--name', 'back']);
    const ambiguous = await cli(home, ['disconnect', folder]);
    expect(ambiguous.code).toBe(2);
    expect(ambiguous.stderr).toContain(`Use its id instead: ${one.bot.id}, ${two.bot.id}`);
    const unknown = await cli(home, ['disconnect', 'shop'], { lang: 'tr' });
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain(translate('tr', { key: 'cli:disconnect.errors.not_found', params: { bot: 'shop', names: 'front, back' } }));
    expect(await storedBots(home)).toHaveLength(2);
  });

  it('without a bot, says how to name one', async () => {
    const { home } = await scenario();
    const run = await cli(home, ['disconnect']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('Say which bot to disconnect');
  });
});
