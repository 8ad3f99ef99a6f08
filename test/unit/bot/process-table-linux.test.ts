// /proc parsing: a command name with spaces and parentheses must not shift the fields we rely on.
import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { listLinuxProcesses, parseProcStat } from '../../../src-main/core/bot/process-table-linux';
import { ownLineage, processTree } from '../../../src-main/core/bot/process-table';
import type { ProcessInfo } from '../../../src-main/core/bot/types';

const stat = (pid: number, comm: string, state: string, ppid: number, pgid: number, start: number) =>
  `${pid} (${comm}) ${state} ${ppid} ${pgid} ${pgid} 0 -1 4194560 100 0 0 0 1 2 0 0 20 0 1 0 ${start} 1000 100 18446744073709551615\n`;

describe('parseProcStat', () => {
  it('counts fields after the last parenthesis', () => {
    expect(parseProcStat(stat(42, 'python3 (my) bot', 'S', 7, 42, 123456))).toEqual({ state: 'S', ppid: 7, pgid: 42, startTicks: '123456' });
    expect(parseProcStat('garbage')).toBeNull();
  });
});

describe('listLinuxProcesses', () => {
  const roots: string[] = [];
  afterAll(() => Promise.all(roots.map((root) => rm(root, { recursive: true, force: true }))));

  it('reads a /proc tree: start time with the boot id, command line, folder, and no zombies', async () => {
    const proc = await mkdtemp(join(tmpdir(), 'wtd-proc-'));
    roots.push(proc);
    await mkdir(join(proc, 'sys/kernel/random'), { recursive: true });
    await writeFile(join(proc, 'sys/kernel/random/boot_id'), 'boot-1\n');
    const processes: Array<[number, string, number]> = [
      [100, 'S', 1],
      [101, 'Z', 100],
    ];
    for (const [pid, state, ppid] of processes) {
      await mkdir(join(proc, String(pid)));
      await writeFile(join(proc, String(pid), 'stat'), stat(pid, 'python3', state, ppid, 100, 5000 + pid));
      await writeFile(join(proc, String(pid), 'cmdline'), 'python3\0run.py\0--port\x008000\0');
      await symlink('/srv/bot', join(proc, String(pid), 'cwd'));
    }
    await mkdir(join(proc, 'self'));
    expect(await listLinuxProcesses({ withCwd: true }, proc)).toEqual([
      { pid: 100, ppid: 1, pgid: 100, startTime: 'boot-1:5100', commandLine: 'python3 run.py --port 8000', cwd: '/srv/bot' },
    ]);
  });
});

describe('process trees', () => {
  const info = (pid: number, ppid: number): ProcessInfo => ({ pid, ppid, pgid: null, startTime: 't', commandLine: '', cwd: null });
  const table = [info(1, 0), info(10, 1), info(11, 10), info(12, 11), info(20, 1), info(13, 10)];

  it('follows parent PIDs down from the root, parents first', () => {
    expect(processTree(10, table).map((p) => p.pid)).toEqual([10, 11, 13, 12]);
    expect(processTree(99, table)).toEqual([]);
  });

  it("knows this process's own lineage (never something to stop)", () => {
    expect([...ownLineage(table, 12)].sort((a, b) => a - b)).toEqual([1, 10, 11, 12]);
  });
});
