// Which processes are "the bot we started" when the record is incomplete or its first process is gone: a start
// recorded before PowerShell could read the start time, and on Windows the children cmd.exe leaves behind.
import { describe, expect, it } from 'vitest';
import { isRecordedProcess, leftoversOf } from '../../../src-main/core/bot/managed-identity';
import type { ManagedProcessState, ProcessInfo } from '../../../src-main/core/bot/types';

const state = (overrides: Partial<ManagedProcessState>): ManagedProcessState => ({
  pid: 7000,
  startTime: '2026-12-01T07:11:02.0000000Z',
  command: 'python run_flask.py',
  cwd: 'C:\\bot',
  startedAt: '2026-12-01T07:11:01.900Z',
  logFile: 'C:\\data\\logs\\bot.log',
  logOffset: 0,
  ...overrides,
});
const win = (pid: number, ppid: number, startTime: string, cwd: string | null = 'C:\\bot'): ProcessInfo => ({
  pid,
  ppid,
  pgid: null,
  startTime,
  commandLine: 'python.exe run_flask.py',
  cwd,
});

describe('isRecordedProcess', () => {
  it('matches on the recorded start time exactly', () => {
    expect(isRecordedProcess(win(7000, 1, '2026-12-01T07:11:02.0000000Z'), state({}))).toBe(true);
    expect(isRecordedProcess(win(7000, 1, '2026-12-01T09:00:00.0000000Z'), state({}))).toBe(false);
  });

  it('adopts a process started moments after an "awaiting" record, never one started long before or after', () => {
    const awaiting = state({ startTime: null, awaitingStartTime: true });
    expect(isRecordedProcess(win(7000, 1, '2026-12-01T07:11:02.4000000Z'), awaiting)).toBe(true);
    expect(isRecordedProcess(win(7000, 1, '2026-12-01T06:00:00.0000000Z'), awaiting)).toBe(false);
    expect(isRecordedProcess(win(7000, 1, '2026-12-01T07:20:00.0000000Z'), awaiting)).toBe(false);
    expect(isRecordedProcess(win(7000, 1, '2026-12-01T07:11:02.4000000Z'), state({ startTime: null }))).toBe(false);
  });
});

describe('leftoversOf on Windows', () => {
  // cmd.exe (7000) ended with the app; python (7100) it started still runs and still names 7000 as its parent.
  const table = [
    win(7100, 7000, '2026-12-01T07:11:02.3000000Z'),
    win(7300, 7000, '2026-12-01T07:11:03.0000000Z', 'C:\\elsewhere'),
    win(6900, 7000, '2026-11-30T10:00:00.0000000Z'),
    win(7500, 7000, '2026-12-01T08:30:00.0000000Z'),
  ];

  it("finds cmd.exe's orphaned children in the bot's folder that started after it", () => {
    expect(leftoversOf(state({}), null, table, 'win32').map((info) => info.pid)).toEqual([7100, 7500]);
  });

  it('when a newcomer holds the PID, only children older than the newcomer are ours', () => {
    const newcomer = win(7000, 4, '2026-12-01T08:00:00.0000000Z', 'C:\\Windows');
    expect(leftoversOf(state({}), newcomer, table, 'win32').map((info) => info.pid)).toEqual([7100]);
  });

  it('on POSIX keeps to the process group, and only while no process has the PID', () => {
    const posix = { ...win(7100, 1, 'boot:1'), pgid: 7000, cwd: '/srv/bot' };
    expect(leftoversOf(state({ cwd: '/srv/bot' }), null, [posix], 'linux')).toEqual([posix]);
    expect(leftoversOf(state({ cwd: '/srv/bot' }), posix, [posix], 'linux')).toEqual([]);
  });
});
