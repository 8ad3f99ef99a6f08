// Stopping a process tree, decision by decision, on a simulated machine (simulated-machine.ts): who gets the polite
// request, who is killed after the grace period, what is never touched (this app and what started it, a PID that
// now belongs to another program), and how Windows' taskkill is used. Real processes: test/integration/bot/stop-tree.
import { describe, expect, it } from 'vitest';
import { combineStopReports, UNSAFE_stopProcessTree } from '../../../src-main/core/bot/stop-process-tree';
import { isDoctorError } from '../../../src-main/core/errors';
import { SimulatedMachine, type SimulatedProcess } from './simulated-machine';

const GRACE_MS = 150;
// This app (500) runs in a terminal's shell (400) under init (1).
const desktop: SimulatedProcess[] = [
  { pid: 1, ppid: 0, pgid: 1 },
  { pid: 400, ppid: 1, pgid: 400 },
  { pid: 500, ppid: 400, pgid: 400 },
];
// The bot (1000) leads its own group; it started a worker (1004), which started a helper (1010).
const bot = (overrides: Partial<Record<number, Partial<SimulatedProcess>>> = {}): SimulatedProcess[] => [
  { pid: 1000, ppid: 500, pgid: 1000, ...overrides[1000] },
  { pid: 1004, ppid: 1000, pgid: 1000, ...overrides[1004] },
  { pid: 1010, ppid: 1004, pgid: 1000, ...overrides[1010] },
];
const linux = (...processes: SimulatedProcess[][]) => new SimulatedMachine('linux', 500, [...desktop, ...processes.flat()]);

describe('UNSAFE_stopProcessTree on Linux and macOS', () => {
  it('asks the whole tree to exit, parents first, and reports it terminated', async () => {
    const machine = linux(bot());
    const report = await UNSAFE_stopProcessTree(1000, { graceMs: GRACE_MS }, machine.control());
    expect(report).toEqual({ terminated: [1000, 1004, 1010], forceKilled: [], survivors: [] });
    expect(machine.signals).toEqual([
      [1000, 'SIGTERM'],
      [1004, 'SIGTERM'],
      [1010, 'SIGTERM'],
    ]);
    expect(machine.running()).toEqual([1, 400, 500]);
  });

  it('waits through the grace period for a bot that takes its time to exit, killing nothing', async () => {
    const machine = linux(bot({ 1000: { exitsAfterMs: 60 } }));
    const report = await UNSAFE_stopProcessTree(1000, { graceMs: 1_000 }, machine.control());
    expect(report).toEqual({ terminated: [1000, 1004, 1010], forceKilled: [], survivors: [] });
    expect(machine.signals.some(([, signal]) => signal === 'SIGKILL')).toBe(false);
  });

  it('kills what ignored the request once the grace period is over, and only that', async () => {
    const machine = linux(bot({ 1004: { ignoresPoliteStop: true } }));
    const started = Date.now();
    const report = await UNSAFE_stopProcessTree(1000, { graceMs: GRACE_MS }, machine.control());
    expect(Date.now() - started).toBeGreaterThanOrEqual(GRACE_MS - 5);
    expect(report).toEqual({ terminated: [1000, 1010], forceKilled: [1004], survivors: [] });
    expect(machine.signals.filter(([, signal]) => signal === 'SIGKILL')).toEqual([[1004, 'SIGKILL']]);
    expect(machine.running()).toEqual([1, 400, 500]);
  });

  it('kills the children a stubborn bot started during the grace period too', async () => {
    const machine = linux(bot({ 1000: { ignoresPoliteStop: true, startsOnPoliteStop: { pid: 1020, ppid: 1000, pgid: 1000 } } }));
    const report = await UNSAFE_stopProcessTree(1000, { graceMs: GRACE_MS }, machine.control());
    expect(report).toEqual({ terminated: [1004, 1010], forceKilled: [1000, 1020], survivors: [] });
    expect(machine.running()).toEqual([1, 400, 500]);
  });

  it('signals the process group it leads, which also reaches a grandchild orphaned to PID 1', async () => {
    // The worker died; its child (1010) now names PID 1 as parent but is still in the bot's group.
    const machine = linux([
      { pid: 1000, ppid: 500, pgid: 1000, ignoresPoliteStop: true },
      { pid: 1010, ppid: 1, pgid: 1000, ignoresPoliteStop: true },
    ]);
    const report = await UNSAFE_stopProcessTree(1000, { graceMs: GRACE_MS, ownProcessGroup: true }, machine.control());
    expect(report).toEqual({ terminated: [], forceKilled: [1000, 1010], survivors: [] });
    expect(machine.signals).toEqual([
      [-1000, 'SIGTERM'],
      [1000, 'SIGTERM'],
      [1010, 'SIGTERM'],
      [-1000, 'SIGKILL'],
      [1000, 'SIGKILL'],
      [1010, 'SIGKILL'],
    ]);
  });

  it("kills a group member started during the grace period by a member that then exited, and nothing outside the bot's group", async () => {
    // The worker answers the request by starting a helper in the bot's group and exiting: the helper is orphaned.
    const machine = linux(
      bot({ 1000: { ignoresPoliteStop: true }, 1004: { startsOnPoliteStop: { pid: 1030, ppid: 1004, pgid: 1000, ignoresPoliteStop: true } } }),
      [{ pid: 2000, ppid: 1, pgid: 2000, ignoresPoliteStop: true }],
    );
    const report = await UNSAFE_stopProcessTree(1000, { graceMs: GRACE_MS, ownProcessGroup: true }, machine.control());
    expect(report).toEqual({ terminated: [1004, 1010], forceKilled: [1000, 1030], survivors: [] });
    expect(machine.running()).toEqual([1, 400, 500, 2000]);
  });

  it("uses only the bot's own group: not a group its child leads", async () => {
    // The worker made itself a group leader; its orphaned helper (1040) is in the worker's group, not the bot's.
    const machine = linux([
      { pid: 1000, ppid: 500, pgid: 1000 },
      { pid: 1004, ppid: 1000, pgid: 1004, ignoresPoliteStop: true },
      { pid: 1040, ppid: 1, pgid: 1004, ignoresPoliteStop: true },
    ]);
    const report = await UNSAFE_stopProcessTree(1000, { graceMs: GRACE_MS, ownProcessGroup: true }, machine.control());
    expect(report).toEqual({ terminated: [1000], forceKilled: [1004], survivors: [] });
    expect(machine.running()).toContain(1040);
  });

  it('leaves the group alone unless told the bot leads it, and when it does not lead one', async () => {
    // Not told: an orphan in the bot's group (1010, its parent gone) is left, even when the bot has to be killed.
    const notTold = linux([
      { pid: 1000, ppid: 500, pgid: 1000, ignoresPoliteStop: true },
      { pid: 1010, ppid: 1, pgid: 1000, ignoresPoliteStop: true },
    ]);
    const report = await UNSAFE_stopProcessTree(1000, { graceMs: GRACE_MS }, notTold.control());
    expect(report).toEqual({ terminated: [], forceKilled: [1000], survivors: [] });
    expect(notTold.signals.some(([target]) => target < 0)).toBe(false);
    expect(notTold.running()).toContain(1010);
    // Started without a group of its own: it is in the shell's group, which holds this app too.
    const inShellGroup = linux([{ pid: 1000, ppid: 500, pgid: 400 }]);
    await UNSAFE_stopProcessTree(1000, { graceMs: GRACE_MS, ownProcessGroup: true }, inShellGroup.control());
    expect(inShellGroup.signals).toEqual([[1000, 'SIGTERM']]);
    expect(inShellGroup.running()).toEqual([1, 400, 500]);
  });

  it('never signals a group that holds this app, even one the bot leads', async () => {
    // This app's shell joined the bot's group (job control can do that): the group signal would reach it.
    const machine = new SimulatedMachine('linux', 500, [
      { pid: 1, ppid: 0, pgid: 1 },
      { pid: 400, ppid: 1, pgid: 1000 },
      { pid: 500, ppid: 400, pgid: 400 },
      { pid: 1000, ppid: 1, pgid: 1000 },
    ]);
    await UNSAFE_stopProcessTree(1000, { graceMs: GRACE_MS, ownProcessGroup: true }, machine.control());
    expect(machine.signals).toEqual([[1000, 'SIGTERM']]);
    expect(machine.running()).toEqual([1, 400, 500]);
  });

  it('does not signal the group once its leader is gone (the group id may be reused)', async () => {
    const machine = linux(bot({ 1000: { exitsAfterMs: 0 }, 1010: { ignoresPoliteStop: true } }));
    const report = await UNSAFE_stopProcessTree(1000, { graceMs: GRACE_MS, ownProcessGroup: true }, machine.control());
    expect(report).toEqual({ terminated: [1000, 1004], forceKilled: [1010], survivors: [] });
    expect(machine.signals.filter(([, signal]) => signal === 'SIGKILL')).toEqual([[1010, 'SIGKILL']]);
  });

  it('never kills a process that took a stopped member\'s PID during the grace period', async () => {
    const machine = linux(bot({ 1004: { ignoresPoliteStop: true } }));
    // After the polite request: 1004 exits at last and another program gets its PID.
    const control = machine.controlReusingPidAt(3, { pid: 1004, ppid: 1, pgid: 1004, startTime: 'boot:99999' });
    const report = await UNSAFE_stopProcessTree(1000, { graceMs: GRACE_MS }, control);
    expect(report).toEqual({ terminated: [1000, 1004, 1010], forceKilled: [], survivors: [] });
    expect(machine.signals.some(([target, signal]) => target === 1004 && signal === 'SIGKILL')).toBe(false);
    expect(machine.running()).toContain(1004);
  });

  it('does not signal a member whose PID another program took before the polite request', async () => {
    const machine = linux(bot());
    const control = machine.controlReusingPidAt(2, { pid: 1010, ppid: 1, pgid: 1010, startTime: 'boot:99999' });
    await UNSAFE_stopProcessTree(1000, { graceMs: GRACE_MS, ownProcessGroup: true }, control);
    expect(machine.signals).toEqual([
      [-1000, 'SIGTERM'],
      [1000, 'SIGTERM'],
      [1004, 'SIGTERM'],
    ]);
    expect(machine.running()).toContain(1010);
  });

  it("reports what could not be stopped (another user's process, one stuck in the kernel) instead of failing halfway", async () => {
    const machine = linux(bot({ 1004: { otherUser: true }, 1010: { ignoresPoliteStop: true, unkillable: true } }));
    const started = Date.now();
    const report = await UNSAFE_stopProcessTree(1000, { graceMs: GRACE_MS, afterKillWaitMs: 100 }, machine.control());
    expect(report).toEqual({ terminated: [1000], forceKilled: [], survivors: [1004, 1010] });
    // The wait after the kill is the one asked for, not the 3 s default.
    expect(Date.now() - started).toBeLessThan(2_000);
  });

  it('kills each survivor once when a parent and its children all ignored the request', async () => {
    const machine = linux(bot({ 1000: { ignoresPoliteStop: true }, 1004: { ignoresPoliteStop: true }, 1010: { ignoresPoliteStop: true } }));
    const report = await UNSAFE_stopProcessTree(1000, { graceMs: GRACE_MS }, machine.control());
    expect(report).toEqual({ terminated: [], forceKilled: [1000, 1004, 1010], survivors: [] });
  });

  it('tells a member that exited from another process started in the same clock tick', async () => {
    const machine = linux(bot({ 1004: { startTime: 'boot:5000' }, 1010: { startTime: 'boot:5000', ignoresPoliteStop: true } }));
    const report = await UNSAFE_stopProcessTree(1000, { graceMs: GRACE_MS }, machine.control());
    expect(report).toEqual({ terminated: [1000, 1004], forceKilled: [1010], survivors: [] });
  });

  it("never kills the process that took a survivor's PID between the last look and the kill", async () => {
    const machine = linux(bot({ 1000: { ignoresPoliteStop: true }, 1004: { ignoresPoliteStop: true } }));
    // With no grace period: the first list, the one before the request, the last look, then the fresh one.
    const control = machine.controlReusingPidAt(4, { pid: 1004, ppid: 1, pgid: 1004, startTime: 'boot:99999' });
    await UNSAFE_stopProcessTree(1000, { graceMs: 0 }, control);
    expect(machine.signals.filter(([, signal]) => signal === 'SIGKILL')).toEqual([[1000, 'SIGKILL']]);
  });

  it('takes a member that is gone by the time it is signalled as stopped', async () => {
    const machine = linux(bot());
    const control = machine.control();
    const kill = control.kill;
    control.kill = (target, signal) => {
      if (target === 1000) machine.processes.delete(1004);
      kill(target, signal);
    };
    expect(await UNSAFE_stopProcessTree(1000, { graceMs: GRACE_MS }, control)).toEqual({ terminated: [1000, 1004, 1010], forceKilled: [], survivors: [] });
  });

  it('lets any other failure to signal through', async () => {
    const machine = linux(bot());
    machine.failingKill = { target: 1004, code: 'EINVAL' };
    await expect(UNSAFE_stopProcessTree(1000, { graceMs: GRACE_MS }, machine.control())).rejects.toMatchObject({ code: 'EINVAL' });
  });

  it('stops only the verified tree: a sibling, the parent and this app stay', async () => {
    const machine = linux(bot(), [{ pid: 1100, ppid: 500, pgid: 1100 }]);
    await UNSAFE_stopProcessTree(1004, { graceMs: GRACE_MS }, machine.control());
    expect(machine.running()).toEqual([1, 400, 500, 1000, 1100]);
  });
});

describe('what UNSAFE_stopProcessTree never touches', () => {
  it('a PID that is gone: an empty report, whatever was recorded about it', async () => {
    const machine = linux(bot());
    const nothing = { terminated: [], forceKilled: [], survivors: [] };
    expect(await UNSAFE_stopProcessTree(4242, { graceMs: GRACE_MS }, machine.control())).toEqual(nothing);
    expect(await UNSAFE_stopProcessTree(4242, { graceMs: GRACE_MS, ownProcessGroup: true, expectedStartTime: 'boot:4242' }, machine.control())).toEqual(nothing);
    expect(machine.signals).toEqual([]);
  });

  it('a PID that now belongs to a process that started at another time', async () => {
    const machine = linux(bot());
    const error = await UNSAFE_stopProcessTree(1000, { graceMs: GRACE_MS, expectedStartTime: 'boot:1' }, machine.control()).catch((caught: unknown) => caught);
    expect(isDoctorError(error) && error.code).toBe('bot_process_changed');
    expect(isDoctorError(error) && error.userMessage).toEqual({ key: 'bot:errors.processChanged', params: { pid: 1000 } });
    expect((error as Error).message).toBe('PID 1000 now belongs to a process that started at another time; it was left alone.');
    expect(machine.signals).toEqual([]);
    // With the right start time, or none recorded, it is stopped.
    expect((await UNSAFE_stopProcessTree(1000, { graceMs: GRACE_MS, expectedStartTime: 'boot:1000' }, machine.control())).terminated).toEqual([1000, 1004, 1010]);
    const unrecorded = linux(bot());
    expect((await UNSAFE_stopProcessTree(1000, { graceMs: GRACE_MS, expectedStartTime: null }, unrecorded.control())).terminated).toEqual([1000, 1004, 1010]);
  });

  it.each([
    ['this app', 500],
    ['the shell that started it', 400],
  ])('%s', async (_name, pid) => {
    const machine = linux(bot());
    await expect(UNSAFE_stopProcessTree(pid, { graceMs: GRACE_MS }, machine.control())).rejects.toThrow(
      new RangeError(`Refusing to stop PID ${String(pid)}: it is this app or started it.`),
    );
    expect(machine.signals).toEqual([]);
  });

  it.each([0, 1, -1000, 1000.5])('PID %s (none, init, a group, no integer)', async (pid) => {
    const machine = linux(bot());
    await expect(UNSAFE_stopProcessTree(pid, { graceMs: GRACE_MS }, machine.control())).rejects.toThrow(new RangeError(`Refusing to signal PID ${String(pid)}.`));
    expect(machine.signals).toEqual([]);
  });
});

describe('UNSAFE_stopProcessTree on Windows (taskkill)', () => {
  const windows = (processes: SimulatedProcess[]) =>
    new SimulatedMachine('win32', 500, [...desktop.map((info) => ({ ...info, startTime: '2026-12-01T07:00:00.0000000Z' })), ...processes]);
  const at = (minute: number) => `2026-12-01T08:${String(minute).padStart(2, '0')}:00.0000000Z`;
  const tree = (overrides: Partial<Record<number, Partial<SimulatedProcess>>> = {}): SimulatedProcess[] => [
    { pid: 1000, ppid: 500, startTime: at(10), ...overrides[1000] },
    { pid: 1004, ppid: 1000, startTime: at(11), ...overrides[1004] },
    { pid: 1010, ppid: 1004, startTime: at(12), ...overrides[1010] },
  ];

  it('asks the tree to close with /T, without /F, and sends no signal', async () => {
    const machine = windows(tree());
    const report = await UNSAFE_stopProcessTree(1000, { graceMs: GRACE_MS }, machine.control());
    expect(report).toEqual({ terminated: [1000, 1004, 1010], forceKilled: [], survivors: [] });
    expect(machine.taskkills).toEqual([['/PID', '1000', '/T']]);
    expect(machine.signals).toEqual([]);
  });

  it('forces console programs with /T /F after the grace period', async () => {
    const machine = windows(tree({ 1000: { ignoresPoliteStop: true }, 1004: { ignoresPoliteStop: true }, 1010: { ignoresPoliteStop: true } }));
    const report = await UNSAFE_stopProcessTree(1000, { graceMs: GRACE_MS }, machine.control());
    expect(report).toEqual({ terminated: [], forceKilled: [1000, 1004, 1010], survivors: [] });
    expect(machine.taskkills).toEqual([
      ['/PID', '1000', '/T'],
      ['/PID', '1000', '/T', '/F'],
    ]);
  });

  it('names each verified PID when /T would also reach a program that names a dead parent whose PID the bot got', async () => {
    // 1500 started long before the bot; its own parent died and Windows still lists that PID, now the bot's.
    const machine = windows([...tree({ 1004: { ignoresPoliteStop: true } }), { pid: 1500, ppid: 1000, startTime: at(1) }]);
    const report = await UNSAFE_stopProcessTree(1000, { graceMs: GRACE_MS }, machine.control());
    expect(report).toEqual({ terminated: [1000, 1010], forceKilled: [1004], survivors: [] });
    expect(machine.taskkills).toEqual([
      ['/PID', '1000', '/PID', '1004', '/PID', '1010'],
      ['/PID', '1004', '/T', '/F'],
    ]);
    expect(machine.running()).toContain(1500);
  });

  it('forces each survivor whose parent is gone as a top of its own', async () => {
    const machine = windows(tree({ 1004: { ignoresPoliteStop: true }, 1010: { ignoresPoliteStop: true } }));
    // The polite request ends the bot but leaves its worker and the worker's helper.
    const report = await UNSAFE_stopProcessTree(1000, { graceMs: GRACE_MS }, machine.control());
    expect(report).toEqual({ terminated: [1000], forceKilled: [1004, 1010], survivors: [] });
    expect(machine.taskkills).toEqual([
      ['/PID', '1000', '/T'],
      ['/PID', '1004', '/T', '/F'],
    ]);
  });

  it('leaves out a member whose PID another program took before the request, so /T can still be trusted', async () => {
    const machine = windows(tree());
    const control = machine.controlReusingPidAt(2, { pid: 1010, ppid: 300, startTime: at(30) });
    await UNSAFE_stopProcessTree(1000, { graceMs: GRACE_MS }, control);
    expect(machine.taskkills).toEqual([['/PID', '1000', '/T']]);
    expect(machine.running()).toContain(1010);
  });

  it('forces two survivors in separate branches one taskkill each', async () => {
    const machine = windows([
      { pid: 1000, ppid: 500, startTime: at(10) },
      { pid: 1004, ppid: 1000, startTime: at(11), ignoresPoliteStop: true },
      { pid: 1005, ppid: 1000, startTime: at(11), ignoresPoliteStop: true },
    ]);
    const report = await UNSAFE_stopProcessTree(1000, { graceMs: GRACE_MS }, machine.control());
    expect(report).toEqual({ terminated: [1000], forceKilled: [1004, 1005], survivors: [] });
    expect(machine.taskkills.slice(1)).toEqual([
      ['/PID', '1004', '/T', '/F'],
      ['/PID', '1005', '/T', '/F'],
    ]);
  });
});

describe('combineStopReports', () => {
  it('puts several stops into one report, in order', () => {
    expect(
      combineStopReports([
        { terminated: [1], forceKilled: [2], survivors: [] },
        { terminated: [3], forceKilled: [], survivors: [4] },
      ]),
    ).toEqual({ terminated: [1, 3], forceKilled: [2], survivors: [4] });
    expect(combineStopReports([])).toEqual({ terminated: [], forceKilled: [], survivors: [] });
  });
});
