// The tree questions asked of any OS's process table: descendants, start-time order, this app's own lineage.
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import {
  isSameProcessAlive,
  listProcesses,
  ownLineage,
  processTree,
  readProcess,
  readStartTime,
  startedBefore,
  startTimeMs,
} from '../../../src-main/core/bot/process-table';
import type { ProcessInfo } from '../../../src-main/core/bot/types';

const at = (pid: number, ppid: number, startTime: string | null): ProcessInfo => ({ pid, ppid, pgid: null, startTime, commandLine: '', cwd: null });

describe('startTimeMs', () => {
  it.each([
    ['Windows (CIM, 100 ns)', '2026-12-01T07:11:02.0072140Z', Date.UTC(2026, 11, 1, 7, 11, 2, 7)],
    ['macOS (ps in UTC)', '2025-12-01T07:03:45Z', Date.UTC(2025, 11, 1, 7, 3, 45)],
    ['Linux (boot id and ticks)', '91480d3d-316a-409c-8e3a-05c8fad28307:959737', null],
    ['Linux without a boot id, which V8 would read as a date', 'boot-1:5100', null],
    ['an impossible date', '2025-13-45T07:03:45Z', null],
    ['unknown', null, null],
  ])('reads %s', (_name, startTime, expected) => {
    expect(startTimeMs(startTime)).toBe(expected);
  });
});

describe('startedBefore', () => {
  it('is true only when both times are known and the first is strictly earlier', () => {
    const early = at(1, 0, '2026-12-01T07:11:02.0072140Z');
    const sameMillisecond = at(2, 0, '2026-12-01T07:11:02.0079990Z');
    const late = at(3, 0, '2026-12-01T07:11:03.0000000Z');
    const unknown = at(4, 0, null);
    expect(startedBefore(early, late)).toBe(true);
    expect(startedBefore(late, early)).toBe(false);
    expect(startedBefore(early, sameMillisecond)).toBe(false);
    expect(startedBefore(unknown, late)).toBe(false);
    expect(startedBefore(early, unknown)).toBe(false);
    expect(startedBefore(at(5, 0, 'boot:5'), at(6, 0, 'boot:9'))).toBe(false);
  });
});

describe('processTree', () => {
  it('ends at a cycle of reused parent PIDs whose start times are unknown', () => {
    expect(processTree(10, [at(10, 11, null), at(11, 10, null), at(12, 11, null)]).map((info) => info.pid)).toEqual([10, 11, 12]);
  });

  it("takes Windows' idle process (its own parent) once", () => {
    expect(processTree(0, [at(0, 0, null), at(4, 0, null)]).map((info) => info.pid)).toEqual([0, 4]);
  });
});

describe('ownLineage', () => {
  it('climbs to the top, stopping at PID 0 and at a parent that started after its child (a reused PID)', () => {
    const table = [at(1, 0, null), at(50, 1, '2026-12-01T07:00:00Z'), at(60, 50, '2026-12-01T07:05:00Z'), at(70, 80, '2026-12-01T07:10:00Z'), at(80, 1, '2026-12-01T08:00:00Z')];
    expect([...ownLineage(table, 60)].sort((a, b) => a - b)).toEqual([1, 50, 60]);
    expect([...ownLineage(table, 70)]).toEqual([70]);
    expect([...ownLineage([at(5, 6, null), at(6, 5, null)], 5)].sort()).toEqual([5, 6]);
  });
});

describe('this machine (Linux)', () => {
  it('lists this very process with its parent, a boot-id start time and its folder; reads it alone the same way', async () => {
    const listed = (await listProcesses({ withCwd: true })).find((info) => info.pid === process.pid);
    expect(listed).toMatchObject({ ppid: process.ppid, cwd: process.cwd(), startTime: expect.stringMatching(/^[0-9a-f-]{36}:\d+$/) as string });
    expect(listed).not.toHaveProperty('listeningPorts');
    expect(await readProcess(process.pid, { withCwd: true })).toEqual(listed);
    expect(await readProcess(process.pid)).toEqual({ ...listed, cwd: null });
    expect((await listProcesses()).find((info) => info.pid === process.pid)).toEqual({ ...listed, cwd: null });
  });

  it('knows whether the very process it recorded still runs, by PID and start time', async () => {
    const startTime = await readStartTime(process.pid);
    expect(startTime).toMatch(/^[0-9a-f-]{36}:\d+$/);
    expect(await isSameProcessAlive(process.pid, startTime!)).toBe(true);
    expect(await isSameProcessAlive(process.pid, `${startTime!}0`)).toBe(false);
    // A process that has exited (its PID is not reused this quickly).
    const exited = spawnSync('true').pid!;
    expect(await readStartTime(exited)).toBeNull();
    expect(await isSameProcessAlive(exited, startTime!)).toBe(false);
  });
});
