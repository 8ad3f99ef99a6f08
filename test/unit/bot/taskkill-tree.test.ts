// Windows' side of stopping a tree: `taskkill /T` only when following parent PIDs reaches exactly the processes we
// verified, otherwise each verified PID by name. taskkill answers from a recording stand-in (it exists only on Windows).
import { describe, expect, it } from 'vitest';
import type { ExecTextOptions, ExecTextResult } from '../../../src-main/core/bot/exec-text';
import { processTree } from '../../../src-main/core/bot/process-table';
import { taskkillTree, treeIsTrustworthy } from '../../../src-main/core/bot/taskkill-tree';
import type { ProcessInfo } from '../../../src-main/core/bot/types';
import type { SystemProgram } from '../../../src-main/core/system-programs';

const win = (pid: number, ppid: number, start: string): ProcessInfo => ({
  pid,
  ppid,
  pgid: null,
  startTime: `2025-01-06T09:${start}.0000000Z`,
  commandLine: '',
  cwd: null,
});

// 900 started the bot's python (1000), which started a worker (1004). 1500 is a long-running program whose
// parent died years ago and happened to have PID 1000 too: Windows still lists 1000 as its parent.
const table = [win(900, 4, '00:00'), win(1000, 900, '15:00'), win(1004, 1000, '15:02'), win(1500, 1000, '01:00')];

function recordingTaskkill(calls: Array<[SystemProgram, readonly string[]]>) {
  return async (program: SystemProgram, args: readonly string[], _options?: ExecTextOptions): Promise<ExecTextResult> => {
    calls.push([program, args]);
    // taskkill exits 128 when one of them was already gone: not an error to the caller.
    return { code: 128, stdout: '', stderr: 'ERROR: The process "1004" not found.' };
  };
}

describe('treeIsTrustworthy', () => {
  it('leaves out a "child" older than its parent, and then names the PIDs instead of trusting /T', () => {
    const tree = processTree(1000, table);
    expect(tree.map((info) => info.pid)).toEqual([1000, 1004]);
    expect(treeIsTrustworthy(1000, tree, table)).toBe(false);
    expect(treeIsTrustworthy(1000, tree, table.slice(0, 3))).toBe(true);
  });

  it('follows parents however Windows orders the list (a grandchild before its parent)', () => {
    const family = [win(1000, 900, '15:00'), win(1010, 1004, '15:03'), win(1004, 1000, '15:02')];
    expect(treeIsTrustworthy(1000, family, family)).toBe(true);
    expect(treeIsTrustworthy(1000, family.slice(0, 2), family)).toBe(false);
  });

  it('is not fooled by a tree of the same size with another member', () => {
    expect(treeIsTrustworthy(1000, [win(1000, 900, '15:00'), win(1004, 1000, '15:02')], [win(1000, 900, '15:00'), win(1500, 1000, '15:01')])).toBe(false);
  });

  it('is not fooled when /T reaches only part of what we verified (a member whose parent is gone)', () => {
    const members = [win(1000, 900, '15:00'), win(1004, 1000, '15:02'), win(1010, 3333, '15:03')];
    expect(treeIsTrustworthy(1000, members, members)).toBe(false);
  });
});

describe('taskkillTree', () => {
  it('asks for the whole tree with /T when /T reaches exactly the verified members; /F only when forcing', async () => {
    const calls: Array<[SystemProgram, readonly string[]]> = [];
    const members = processTree(1000, table.slice(0, 3));
    await taskkillTree(1000, members, table.slice(0, 3), false, recordingTaskkill(calls));
    await taskkillTree(1000, members, table.slice(0, 3), true, recordingTaskkill(calls));
    expect(calls).toEqual([
      ['taskkill', ['/PID', '1000', '/T']],
      ['taskkill', ['/PID', '1000', '/T', '/F']],
    ]);
  });

  it('names each verified PID, without /T, when /T would also reach the stranger with a reused parent PID', async () => {
    const calls: Array<[SystemProgram, readonly string[]]> = [];
    await taskkillTree(1000, processTree(1000, table), table, true, recordingTaskkill(calls));
    expect(calls).toEqual([['taskkill', ['/PID', '1000', '/PID', '1004', '/F']]]);
  });

  it('runs nothing when no member is left', async () => {
    const calls: Array<[SystemProgram, readonly string[]]> = [];
    await taskkillTree(1000, [], table, true, recordingTaskkill(calls));
    expect(calls).toEqual([]);
  });
});
