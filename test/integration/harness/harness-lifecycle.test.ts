// `npm run harness` ends with whatever started it: Ctrl+C, a kill, or its parent (npm, the shell) dying. A data
// folder it made itself goes with it; one it was given (WA_TOKEN_DOCTOR_HOME) stays.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const SERVER = 'test/harness/server.ts';
const cleanup: Array<() => Promise<void>> = [];
afterAll(async () => {
  for (const step of cleanup) await step();
});

interface Started {
  shell: ChildProcess;
  url: string;
  home: string;
  serverPid: number;
}

/** Starts the harness the way npm does (a shell in between, which stays because of `; true`). */
async function startThroughShell(env: Record<string, string> = {}): Promise<Started> {
  const shell = spawn('sh', ['-c', `node --import tsx ${SERVER} & echo "pid $!"; wait; true`], {
    env: { ...process.env, PORT: '0', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  cleanup.push(async () => void shell.kill('SIGKILL'));
  let output = '';
  await new Promise<void>((ready, failed) => {
    const timer = setTimeout(() => failed(new Error(`the harness did not start:\n${output}`)), 30_000);
    shell.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString('utf8');
      if (/Data folder: .+\n/.test(output)) {
        clearTimeout(timer);
        ready();
      }
    });
  });
  return {
    shell,
    url: /harness: (http:\/\/\S+)/.exec(output)![1]!,
    home: /Data folder: (.+)\n/.exec(output)![1]!,
    serverPid: Number(/pid (\d+)/.exec(output)![1]),
  };
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function until(condition: () => boolean, ms = 10_000): Promise<boolean> {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (condition()) return true;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return condition();
}

describe('the harness process', () => {
  it('stops, and removes its own data folder, when the process that started it is killed', async () => {
    const harness = await startThroughShell();
    expect((await fetch(harness.url)).status).toBe(200);
    expect(existsSync(harness.home)).toBe(true);
    harness.shell.kill('SIGKILL'); // like killing npm by its PID: nothing is forwarded to the server
    expect(await until(() => !isRunning(harness.serverPid))).toBe(true);
    expect(existsSync(harness.home)).toBe(false);
  }, 60_000);

  it('stops on SIGINT (Ctrl+C) and SIGTERM', async () => {
    for (const signal of ['SIGINT', 'SIGTERM'] as const) {
      const harness = await startThroughShell();
      process.kill(harness.serverPid, signal);
      expect(await until(() => !isRunning(harness.serverPid))).toBe(true);
      expect(existsSync(harness.home)).toBe(false);
    }
  }, 60_000);

  it('keeps a data folder it was given', async () => {
    const given = await mkdtemp(join(tmpdir(), 'wtd-given-home-'));
    cleanup.push(() => rm(given, { recursive: true, force: true }));
    const harness = await startThroughShell({ WA_TOKEN_DOCTOR_HOME: given });
    expect(harness.home).toBe(given);
    process.kill(harness.serverPid, 'SIGTERM');
    expect(await until(() => !isRunning(harness.serverPid))).toBe(true);
    expect(existsSync(given)).toBe(true);
  }, 60_000);
});
