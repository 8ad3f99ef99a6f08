// `--shell cmd|powershell` for the restart command of `apply`, `renew` and `connect`. This machine is Linux, so the
// built command shows the refusal an owner gets off Windows; the Windows side runs the commands in-process with a
// Windows `platform` in their I/O (the restart itself then runs with /bin/sh here: PowerShell is a stub under Wine).
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyCommand } from '../../../src-main/cli/apply';
import { connectCommand } from '../../../src-main/cli/connect';
import type { CliIo } from '../../../src-main/cli/io';
import { renewCommand } from '../../../src-main/cli/renew';
import { translate } from '../../../src-main/core/i18n/translate';
import { startGraphSimulator, type GraphSimulator } from '../../sim/graph-simulator';
import { assertBuilt, runCli } from './run-cli';

let sim: GraphSimulator;
let work: string;

beforeAll(async () => {
  assertBuilt();
  sim = await startGraphSimulator();
  work = await mkdtemp(join(tmpdir(), 'wa-shell-option-'));
});
afterAll(async () => {
  await sim.close();
  await rm(work, { recursive: true, force: true });
});

async function botFolder(token = sim.newToken('never_expiring')): Promise<{ folder: string; home: string; envPath: string }> {
  const root = await mkdtemp(join(work, 'case-'));
  const folder = join(root, 'tevkil_proje');
  await mkdir(folder);
  await writeFile(join(folder, '.env'), `WHATSAPP_TOKEN=${token}\n`);
  await writeFile(join(folder, 'run_flask.py'), 'if __name__ == "__main__":\n    app.run()\n');
  return { folder, home: join(root, 'home'), envPath: join(folder, '.env') };
}

/** The command's I/O on an owner's Windows PC, its output kept. */
function windowsIo(home: string, cwd: string, stdin = ''): CliIo & { out: () => string } {
  let out = '';
  const stream = { write: (text: string) => (out += text) };
  return {
    stdout: stream,
    stderr: stream,
    readStdin: () => Promise.resolve(stdin),
    env: { WA_TOKEN_DOCTOR_HOME: home, WA_TOKEN_DOCTOR_LANG: 'en', WA_TOKEN_DOCTOR_GRAPH_URL: sim.url, PATH: process.env.PATH },
    cwd,
    platform: 'win32',
    out: () => out,
  };
}

const say = (key: string, params?: Record<string, string>) => translate('en', params ? { key, params } : { key });

async function storedRun(home: string): Promise<Record<string, unknown>> {
  return (JSON.parse(await readFile(join(home, 'bots.json'), 'utf8')) as { bots: Array<{ run: Record<string, unknown> }> }).bots[0]!.run;
}

describe('--shell on Windows (in-process, Windows I/O)', () => {
  it('connect stores PowerShell for the restart command and says so in its report', async () => {
    const { folder, home } = await botFolder();
    const io = windowsIo(home, folder);
    const restart = 'Get-Process python | Stop-Process -Force; python run_flask.py';
    expect(await connectCommand.run([folder, '--restart', restart, '--shell', 'powershell'], io)).toBe(0);
    expect(await storedRun(home)).toEqual({ mode: 'custom', command: restart, cwd: null, healthUrl: null, shell: 'powershell' });
    expect(io.out()).toMatch(new RegExp(`${say('cli:connect.label.shell')}\\s+${say('onboarding:form.shell.option.powershell')}`));
  });

  it('connect without --shell keeps what the detection proposes (cmd.exe when nothing suggests PowerShell)', async () => {
    const { folder, home } = await botFolder();
    expect(await connectCommand.run([folder, '--restart', 'nssm restart tevkil'], windowsIo(home, folder))).toBe(0);
    expect(await storedRun(home)).toMatchObject({ mode: 'custom', shell: 'cmd' });
  });

  it('apply accepts it with --restart and runs the restart', async () => {
    const { folder, home, envPath } = await botFolder(sim.newToken('expired'));
    const io = windowsIo(home, folder, `${sim.newToken('never_expiring')}\n`);
    const restart = `node -e "require('fs').writeFileSync('restarted','yes')"`;
    const code = await applyCommand.run(['--env', envPath, '--token-stdin', '--no-keychain', '--restart', restart, '--shell', 'powershell'], io);
    expect(code, io.out()).toBe(0);
    expect(await readFile(join(folder, 'restarted'), 'utf8')).toBe('yes');
  });

  it("apply --dry-run names the shell the restart would run in, in its line and in its JSON", async () => {
    const { folder, home, envPath } = await botFolder(sim.newToken('expired'));
    const args = ['--env', envPath, '--token-stdin', '--no-keychain', '--restart', 'python run_flask.py', '--shell', 'powershell', '--dry-run'];
    const io = windowsIo(home, folder, `${sim.newToken('never_expiring')}\n`);
    expect(await applyCommand.run(args, io), io.out()).toBe(0);
    expect(io.out()).toContain(`python run_flask.py`);
    expect(io.out()).toContain(`(${say('onboarding:form.shell.option.powershell')})`);
    const json = windowsIo(home, folder, `${sim.newToken('never_expiring')}\n`);
    await applyCommand.run([...args, '--json'], json);
    expect(JSON.parse(json.out())).toMatchObject({ dryRun: true, restart: { command: 'python run_flask.py', shell: 'powershell' } });
  });

  it('refuses a shell it does not offer, and --shell without a restart command, before reading anything', async () => {
    const { folder, home, envPath } = await botFolder();
    const io = windowsIo(home, folder, 'never read');
    for (const [run, key] of [
      [() => connectCommand.run([folder, '--restart', 'x', '--shell', 'bash'], io), 'cli:errors.bad_shell'],
      [() => connectCommand.run([folder, '--shell', 'powershell'], io), 'cli:errors.shell_needs_restart'],
      [() => applyCommand.run(['--env', envPath, '--token-stdin', '--restart', 'x', '--shell', 'pwsh'], io), 'cli:errors.bad_shell'],
      [() => renewCommand.run(['--env', envPath, '--shell', 'cmd'], io), 'cli:errors.shell_needs_restart'],
    ] as const) {
      await expect(run()).rejects.toMatchObject({ exitCode: 2, userMessage: { key } });
    }
    await expect(readFile(join(home, 'bots.json'), 'utf8')).rejects.toMatchObject({ code: 'ENOENT' });
  });
});

describe('--shell off Windows (the built command, on this Linux machine)', () => {
  it('is refused in the reader\'s language, with nothing stored', async () => {
    const { folder, home } = await botFolder();
    for (const lang of ['en', 'tr', 'ar'] as const) {
      const run = await runCli(['connect', folder, '--restart', 'pm2 restart bot', '--shell', 'powershell'], {
        env: { WA_TOKEN_DOCTOR_HOME: home, WA_TOKEN_DOCTOR_LANG: lang },
      });
      expect(run.code).toBe(2);
      expect(run.stderr).toContain(translate(lang, { key: 'cli:errors.shell_windows_only' }));
    }
    await expect(readFile(join(home, 'bots.json'), 'utf8')).rejects.toMatchObject({ code: 'ENOENT' });
  });

  it('is named in the help of apply, renew and connect', async () => {
    for (const command of ['apply', 'renew', 'connect']) {
      const run = await runCli([command, '--help']);
      expect(run.stdout).toContain('[--shell cmd|powershell]');
    }
  });
});
