// The core's Windows paths run for real: node.exe under Wine, one run for all scenarios (Wine's first start
// costs seconds). What Wine cannot run (PowerShell, CIM, taskkill /T) is tested on captured output elsewhere.
import { mkdir, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundleForWindows, openWineSession, wineUnavailableReason, type WineSession } from '../../support/wine';
import { powershellScript } from '../../../src-main/core/bot/command-shell';
import type { ManagedProcessState } from '../../../src-main/core/bot/types';
import type { ScenarioInput } from './wine-scenarios';

const skipReason = wineUnavailableReason();
const here = (name: string) => fileURLToPath(new URL(name, import.meta.url));
type Outcome = { ok: true; value: unknown } | { ok: false; error: string; code?: string };
interface ShellEnd {
  exitCode: number | null;
  output: string;
}
interface ManagedRun {
  state: ManagedProcessState;
  recorded: ManagedProcessState | null;
  log: string;
}

describe.skipIf(skipReason !== null)(`Windows under Wine${skipReason ? ` (skipped: ${skipReason})` : ''}`, () => {
  let wine: WineSession;
  let work: string;
  let report: Record<string, Outcome>;
  let heartbeatAtExit: string;
  let heartbeat: string;
  /** What Wine's programs printed on their own error stream, its debug lines among them. */
  let wineStderr: string;

  const value = <T>(name: string): T => {
    const outcome = report[name];
    if (!outcome?.ok) throw new Error(`Scenario ${name} failed under Wine: ${outcome?.ok === false ? outcome.error : 'missing'}`);
    return outcome.value as T;
  };
  const probeLine = (output: string) =>
    JSON.parse(output.split(/\r?\n/).find((line) => line.startsWith('{"cwd"')) ?? 'null') as {
      cwd: string;
      args: string[];
      env: Record<string, string | null>;
      text: string;
    };

  beforeAll(async () => {
    wine = await openWineSession();
    work = await mkdtemp(join(tmpdir(), 'wtd-windows-'));
    const users = join(work, 'drive', 'Users', 'Şükrü', 'Desktop', 'tevkil projesi');
    const mapped = join(work, 'network', 'tevkil projesi');
    const codePageFolder = join(work, 'drive', 'Ürün Botu');
    await Promise.all([users, mapped, codePageFolder, join(work, 'home')].map((folder) => mkdir(folder, { recursive: true })));
    await wine.mapDrive('y', join(work, 'network'));
    await wine.mapShare('server', 'bots', join(work, 'network'));
    await writeFile(join(users, '.env'), 'WHATSAPP_TOKEN=old\n');
    const bundle = join(work, 'scenarios.mjs');
    await bundleForWindows(here('./wine-scenarios.ts'), bundle);
    heartbeat = join(work, 'heartbeat.txt');
    const input: ScenarioInput = {
      report: wine.windowsPath(join(work, 'report.json')),
      node: wine.windowsPath(wine.nodeExe),
      probe: wine.windowsPath(here('./probe-bot.mjs')),
      turkishFolder: wine.windowsPath(users),
      mappedFolder: 'Y:\\tevkil projesi',
      uncFolder: '\\\\server\\bots\\tevkil projesi',
      codePageFolder: wine.windowsPath(codePageFolder),
      dataHome: wine.windowsPath(join(work, 'home')),
      heartbeat: wine.windowsPath(heartbeat),
      envFile: wine.windowsPath(join(users, '.env')),
    };
    await writeFile(join(work, 'input.json'), JSON.stringify(input));
    const run = await wine.runNode(bundle, [wine.windowsPath(join(work, 'input.json'))]);
    heartbeatAtExit = await readFile(heartbeat, 'utf8').catch(() => '');
    wineStderr = run.stderr;
    if (run.code !== 0) throw new Error(`The scenarios did not run under Wine (exit ${String(run.code)}):\n${run.stderr}`);
    report = JSON.parse(await readFile(join(work, 'report.json'), 'utf8')) as Record<string, Outcome>;
  }, 180_000);

  afterAll(async () => {
    await wine?.close();
    if (work) await rm(work, { recursive: true, force: true });
  });

  it("runs a command through cmd.exe with quoted paths, spaces and Turkish letters, in the owner's folder", () => {
    const end = value<ShellEnd>('quoting');
    expect(end.exitCode).toBe(0);
    const probe = probeLine(end.output);
    expect(probe.cwd).toBe(`${wine.windowsPath(work)}\\drive\\Users\\Şükrü\\Desktop\\tevkil projesi`);
    expect(probe.args).toEqual(['two words', 'Şükrü', 'emoji 👋']);
    expect(probe.text).toBe('Şükrü Ğİı 👋 تم الإرسال');
  });

  it('runs a chain of commands as one line', () => {
    const end = value<ShellEnd>('chain');
    expect(end.output).toMatch(/^first\r?\n/);
    expect(probeLine(end.output).args).toEqual(['second']);
  });

  it('runs in a \\\\server\\share folder (cmd.exe alone would fall back to C:\\Windows)', () => {
    expect(probeLine(value<ShellEnd>('uncFolder').output).cwd).toBe('\\\\server\\bots\\tevkil projesi');
    expect(probeLine(value<{ log: string }>('managedOnShare').log).cwd).toBe('\\\\server\\bots\\tevkil projesi');
  });

  it("reads cmd.exe's own output in the console's code page, not as UTF-8", () => {
    expect(value<ShellEnd>('consoleCodePage').output.trim()).toBe(`${wine.windowsPath(work)}\\drive\\Ürün Botu`);
  });

  it("says a command was not found from cmd.exe's exit code 9009", () => {
    expect(value('commandNotFound')).toEqual({ exitCode: 9009, hint: { key: 'bot:health.hint.commandNotFound' } });
  });

  it('starts a managed bot on a mapped drive in its drive-letter folder, output in UTF-8, Python told to write UTF-8 unbuffered', () => {
    const { log } = value<ManagedRun>('managed');
    const probe = probeLine(log);
    expect(probe.cwd).toBe('Y:\\tevkil projesi');
    expect(probe.env).toEqual({ PYTHONUNBUFFERED: '1', PYTHONIOENCODING: 'utf-8' });
    expect(probe.text).toBe('Şükrü Ğİı 👋 تم الإرسال');
  });

  it("records the started bot even though PowerShell (a stub under Wine) could not read its start time", () => {
    const { state, recorded } = value<ManagedRun>('managed');
    expect(recorded).toEqual(state);
    expect(recorded).toMatchObject({ startTime: null, awaitingStartTime: true });
    expect(recorded?.pid).toBeGreaterThan(0);
  });

  it('keeps the bot running after the app that started it has exited', async () => {
    expect(heartbeatAtExit).not.toBe('');
    await new Promise((resolve) => setTimeout(resolve, 600));
    const later = await readFile(heartbeat, 'utf8');
    expect(Number(later)).toBeGreaterThan(Number(heartbeatAtExit));
    expect((await stat(heartbeat)).size).toBeGreaterThan(0);
  });

  it("starts Windows PowerShell through cmd.exe by System32's full path, with exactly the pinned arguments (Wine's PowerShell is a stub: the script itself is not run)", () => {
    const stub = powershellStubCalls(wineStderr).find((args) => args.includes('-EncodedCommand'));
    expect(stub, wineStderr).toBeDefined();
    const [program, ...args] = stub!;
    expect(program).toBe('C:\\windows\\System32\\WindowsPowerShell\\v1.0\\powershell.exe');
    expect(args.slice(0, 5)).toEqual(['-NoProfile', '-NonInteractive', '-ExecutionPolicy', 'Bypass', '-EncodedCommand']);
    expect(args).toHaveLength(6);
    // Wine's debug line shortens a long argument: what it shows must be the start of the encoded script.
    const expected = Buffer.from(powershellScript('Get-Process python | Stop-Process -Force; python run_flask.py'), 'utf16le').toString('base64');
    const shown = args[5]!.replace(/\.\.\.$/, '');
    expect(shown.length).toBeGreaterThan(200);
    expect(expected.startsWith(shown)).toBe(true);
  });

  it('records a PowerShell start like any other: recorded first, its exit code back through cmd.exe, its log headed with the shell', () => {
    const run = value<{ exitCode: number | null; recorded: ManagedProcessState | null; log: string }>('powershellStart');
    expect(run.exitCode).toBe(0);
    expect(run.recorded).toMatchObject({ command: 'Get-Process python | Stop-Process -Force; python run_flask.py', awaitingStartTime: true });
    expect(run.log).toMatch(/ start: Get-Process python \| Stop-Process -Force; python run_flask\.py \(in .*tevkil projesi, PowerShell\) ---/);
  });

  it('replaces a .env that another program holds open, once it lets go', () => {
    const outcome = value<{ tookMs: number; content: string }>('renameWaitsForAHolder');
    expect(outcome.content).toBe('WHATSAPP_TOKEN=new\n');
    expect(outcome.tookMs).toBeGreaterThanOrEqual(1_000);
  });

  it('gives up after its deadline with a clear error, the old file intact and no temporary file left', () => {
    expect(value('renameGivesUpInTheEnd')).toEqual({ error: 'env_write_denied', content: 'WHATSAPP_TOKEN=old\n', leftovers: [] });
  });
});

/**
 * The arguments Wine's powershell.exe stub was started with, from its debug line on the error stream:
 * `fixme:powershell:wmain stub: L"C:\\…\\powershell.exe" L"-NoProfile" …`, where `\\` is a backslash, `\"` a quote,
 * `\00fc` a letter by its code, and a shortened argument ends in `"...`.
 */
function powershellStubCalls(stderr: string): string[][] {
  return stderr
    .split('\n')
    .filter((line) => line.includes('fixme:powershell:wmain stub:'))
    .map((line) =>
      [...line.matchAll(/L"((?:[^"\\]|\\.)*)"(\.\.\.)?/g)].map(
        ([, text, shortened]) =>
          text!.replace(/\\([0-9a-f]{4}|.)/g, (_, escaped: string) => (escaped.length === 4 ? String.fromCharCode(parseInt(escaped, 16)) : escaped)) +
          (shortened ?? ''),
      ),
    );
}
