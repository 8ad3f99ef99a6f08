// Stopping a whole process tree for real: children and grandchildren, a bot that ignores SIGTERM, children
// left behind by a parent that died, and a PID whose start time no longer matches. A sentinel outside the
// bot must survive every one of these.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { readManagedState } from '../../../src-main/core/bot/bot-files';
import { startManagedBot, stopManagedBot } from '../../../src-main/core/bot/managed';
import { listProcesses, processTree, readProcess } from '../../../src-main/core/bot/process-table';
import { UNSAFE_stopProcessTree } from '../../../src-main/core/bot/stop-process-tree';
import { isDoctorError } from '../../../src-main/core/errors';
import {
  botCommand,
  cleanUpEverything,
  fakeToken,
  isRunning,
  makeBotFolder,
  makeTempFolder,
  startSentinel,
  trackForCleanup,
  waitFor,
  type RunningProcess,
} from './bot-processes';

let home: string;
let sentinel: RunningProcess;
let botCount = 0;

beforeAll(async () => {
  home = await makeTempFolder('wtd-home-');
  sentinel = await startSentinel();
});

afterEach(async () => {
  expect(await isRunning(sentinel)).toBe(true);
});

afterAll(async () => {
  for (let i = 1; i <= botCount; i++) await stopManagedBot(`tree-${String(i)}`, { dataHome: home, graceMs: 200 });
  await cleanUpEverything();
});

/** Starts family-bot managed and waits until parent, child and grandchild all run. */
async function startFamily(extraArgs: string[] = []): Promise<{ botId: string; family: Record<string, RunningProcess> }> {
  const folder = await makeBotFolder(fakeToken('family'));
  const pidsFile = join(folder, 'pids.txt');
  const botId = `tree-${String(++botCount)}`;
  await startManagedBot({ botId, command: botCommand('family-bot.mjs', '--pids', pidsFile, ...extraArgs), cwd: folder, dataHome: home });
  let lines: string[] = [];
  await waitFor(async () => {
    lines = (await readFile(pidsFile, 'utf8').catch(() => '')).trim().split('\n').filter(Boolean);
    return lines.length === 3;
  });
  const family: Record<string, RunningProcess> = {};
  for (const line of lines) {
    const [role, pid] = line.split(' ');
    const info = { pid: Number(pid), startTime: (await readProcess(Number(pid)))!.startTime };
    family[role!] = info;
    trackForCleanup(info);
  }
  return { botId, family };
}

describe('UNSAFE_stopProcessTree', () => {
  it('stops the bot, its child and its grandchild', async () => {
    const { botId, family } = await startFamily();
    const outcome = await stopManagedBot(botId, { dataHome: home, graceMs: 2_000 });
    expect(outcome.kind).toBe('stopped');
    for (const member of Object.values(family)) expect(await isRunning(member)).toBe(false);
    if (outcome.kind === 'stopped') {
      expect(outcome.report.terminated).toEqual(expect.arrayContaining(Object.values(family).map((member) => member.pid)));
      expect(outcome.report.forceKilled).toEqual([]);
      expect(outcome.report.survivors).toEqual([]);
    }
  });

  it('kills a bot that ignores SIGTERM once the grace period is over', async () => {
    const folder = await makeBotFolder(fakeToken('stubborn'));
    const botId = `tree-${String(++botCount)}`;
    const { state } = await startManagedBot({ botId, command: botCommand('stubborn-bot.mjs'), cwd: folder, dataHome: home });
    await waitFor(async () => (await readFile(state.logFile, 'utf8')).includes('stubborn-bot: ready'));
    // The shell may run the bot as its child rather than become it: find the Node process itself.
    const stubborn = processTree(state.pid, await listProcesses()).find((info) => info.commandLine.startsWith(process.execPath))!;
    const started = Date.now();
    const outcome = await stopManagedBot(botId, { dataHome: home, graceMs: 300 });
    expect(Date.now() - started).toBeGreaterThanOrEqual(300);
    expect(outcome.kind === 'stopped' && outcome.report.forceKilled).toEqual([stubborn.pid]);
    expect(await readProcess(stubborn.pid)).toBeNull();
    expect(await readProcess(state.pid)).toBeNull();
    expect(await readFile(state.logFile, 'utf8')).toContain('got SIGTERM, ignoring it');
  });

  it('force-kills a grandchild that ignores SIGTERM while its elders exit politely', async () => {
    const { botId, family } = await startFamily(['--stubborn-grandchild']);
    const outcome = await stopManagedBot(botId, { dataHome: home, graceMs: 300 });
    expect(outcome.kind === 'stopped' && outcome.report.forceKilled).toEqual([family.grandchild!.pid]);
    for (const member of Object.values(family)) expect(await isRunning(member)).toBe(false);
  });

  it("stops children left behind when the bot's first process died, by its process group", async () => {
    const { botId, family } = await startFamily();
    const state = (await readManagedState(botId, home))!;
    process.kill(state.pid, 'SIGKILL');
    await waitFor(async () => (await readProcess(state.pid)) === null);
    expect(await isRunning(family.grandchild!)).toBe(true);
    const outcome = await stopManagedBot(botId, { dataHome: home, graceMs: 1_000 });
    expect(outcome.kind).toBe('stopped');
    for (const member of Object.values(family)) expect(await isRunning(member)).toBe(false);
  });

  it('refuses to signal a PID whose start time is not the one recorded', async () => {
    const stranger = await startSentinel();
    const error = await UNSAFE_stopProcessTree(stranger.pid, { graceMs: 100, expectedStartTime: 'some-other-start' }).catch(
      (caught: unknown) => caught,
    );
    expect(isDoctorError(error) && error.code).toBe('bot_process_changed');
    expect(await isRunning(stranger)).toBe(true);
  });

  it('gives an empty report for a PID that is already gone', async () => {
    const brief = await startSentinel();
    process.kill(brief.pid, 'SIGKILL');
    await waitFor(async () => !(await isRunning(brief)));
    expect(await UNSAFE_stopProcessTree(brief.pid, { graceMs: 100, expectedStartTime: brief.startTime })).toEqual({
      terminated: [],
      forceKilled: [],
      survivors: [],
    });
  });

  it('never signals this test process or the ones that started it', async () => {
    await expect(UNSAFE_stopProcessTree(0, { graceMs: 0 })).rejects.toThrow(RangeError);
    await expect(UNSAFE_stopProcessTree(1, { graceMs: 0 })).rejects.toThrow(RangeError);
    // The parent's tree holds this worker and the sentinel it started: refused as a whole.
    await expect(UNSAFE_stopProcessTree(process.ppid, { graceMs: 0 })).rejects.toThrow(RangeError);
    await expect(UNSAFE_stopProcessTree(process.pid, { graceMs: 0 })).rejects.toThrow(RangeError);
    expect(await readProcess(process.ppid)).not.toBeNull();
  });
});
