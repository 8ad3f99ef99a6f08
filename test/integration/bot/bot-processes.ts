// Helpers for tests that run real bot processes: temp bot folders, fixture-bot commands, sentinel processes
// that must survive every stop, polling instead of sleeping, and a clean-up that leaves nothing running.
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { quoteShellArg } from '../../../src-main/core/bot/os-commands';
import { readProcess } from '../../../src-main/core/bot/process-table';

export const BOTS_FOLDER = fileURLToPath(new URL('../../bots/', import.meta.url));

/** A fake token of Meta's shape (so redaction recognises it), different for each `seed`. */
export function fakeToken(seed: string): string {
  return `EAAG${createHash('sha256').update(seed).digest('hex').replace(/[^a-z0-9]/gi, '').slice(0, 60)}ZDZD`;
}

export const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/** The shell command that runs one of test/bots/* with this Node. */
export function botCommand(script: string, ...args: string[]): string {
  const interpreter = script.endsWith('.py') ? 'python3' : quoteShellArg(process.execPath);
  return [interpreter, quoteShellArg(join(BOTS_FOLDER, script)), ...args.map((arg) => quoteShellArg(arg))].join(' ');
}

const folders: string[] = [];
const spawned: Array<{ pid: number; startTime: string | null }> = [];

export async function makeTempFolder(prefix = 'wtd-bot-'): Promise<string> {
  const folder = await mkdtemp(join(tmpdir(), prefix));
  folders.push(folder);
  return folder;
}

/** A folder at an exact path (a sibling whose name starts like the bot's, say), removed at clean-up. */
export async function makeFolderAt(path: string): Promise<string> {
  await mkdir(path);
  folders.push(path);
  return path;
}

/** A bot folder with a `.env` holding `WHATSAPP_TOKEN`. */
export async function makeBotFolder(token: string): Promise<string> {
  const folder = await makeTempFolder();
  await writeFile(join(folder, '.env'), `# the bot's settings\nWHATSAPP_TOKEN=${token}\nPORT=3000\n`);
  return folder;
}

export interface RunningProcess {
  pid: number;
  startTime: string | null;
}

/** A process we started ourselves, outside any bot's management (a sentinel, or a bot "started elsewhere"). */
export async function spawnLoose(command: string, args: string[], cwd: string): Promise<RunningProcess> {
  const child = spawn(command, args, { cwd, stdio: 'ignore', detached: true });
  child.unref();
  const pid = child.pid!;
  await waitFor(async () => (await readProcess(pid)) !== null, 5_000);
  const info = { pid, startTime: (await readProcess(pid))?.startTime ?? null };
  spawned.push(info);
  return info;
}

/** A harmless process in a folder of its own; it must be alive after every stop. */
export async function startSentinel(folder?: string): Promise<RunningProcess> {
  return spawnLoose(process.execPath, ['-e', 'setInterval(() => {}, 60000)'], folder ?? (await makeTempFolder('wtd-sentinel-')));
}

/** Same PID and same start time: the very process, not a newcomer with a reused PID. */
export async function isRunning(processInfo: RunningProcess): Promise<boolean> {
  const now = await readProcess(processInfo.pid);
  return now !== null && now.startTime === processInfo.startTime;
}

export async function waitFor(condition: () => Promise<boolean> | boolean, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`Condition not met within ${String(timeoutMs)} ms.`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

/** Waits for a fixture bot's JSON report and returns it. */
export async function readReport<T = { pid: number; cwd: string; tokenSha256: string | null; port: number | null }>(
  file: string,
  timeoutMs = 10_000,
): Promise<T> {
  let text: string | null = null;
  await waitFor(async () => {
    text = await readFile(file, 'utf8').catch(() => null);
    return text !== null;
  }, timeoutMs);
  return JSON.parse(text!) as T;
}

/** A TCP port nothing listens on right now. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** Remembers a process a test started indirectly, so the clean-up ends it if the test could not. */
export function trackForCleanup(processInfo: RunningProcess): void {
  spawned.push(processInfo);
}

/** Ends whatever our tests left running (only the exact processes they started) and removes the temp folders. */
export async function cleanUpEverything(): Promise<void> {
  for (const info of spawned.splice(0)) {
    if (await isRunning(info)) {
      try {
        process.kill(info.pid, 'SIGKILL');
      } catch {
        // gone meanwhile
      }
    }
  }
  await Promise.all(folders.splice(0).map((folder) => rm(folder, { recursive: true, force: true })));
}
