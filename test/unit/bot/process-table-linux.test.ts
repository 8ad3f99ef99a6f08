// /proc parsing on text read from a real /proc (test/fixtures/captured/linux): a command name with spaces and
// parentheses must not shift the fields we rely on, gone and dead processes drop out, and listening ports come
// from the sockets a process holds open.
import { readFileSync } from 'node:fs';
import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { listLinuxProcesses, parseProcNetTcp, parseProcStat, readLinuxProcess } from '../../../src-main/core/bot/process-table-linux';
import { ownLineage, processTree } from '../../../src-main/core/bot/process-table';
import type { ProcessInfo } from '../../../src-main/core/bot/types';

const captured = (name: string) => readFileSync(new URL(`../../fixtures/captured/linux/${name}`, import.meta.url), 'utf8');
const renamedBotStat = captured('stat-renamed-bot.txt');

const stat = (pid: number, comm: string, state: string, ppid: number, pgid: number, start: number) =>
  `${pid} (${comm}) ${state} ${ppid} ${pgid} ${pgid} 0 -1 4194560 100 0 0 0 1 2 0 0 20 0 1 0 ${start} 1000 100 18446744073709551615\n`;

describe('parseProcStat', () => {
  it.each([
    ['a real bot that renamed itself "bot (v2) :)"', renamedBotStat, { state: 'S', ppid: 17994, pgid: 17994, startTicks: '959737' }],
    ['a kernel thread (parent 0)', captured('stat-kthreadd.txt'), { state: 'S', ppid: 0, pgid: 0, startTicks: '25' }],
    ['a name with spaces and parentheses', stat(42, 'python3 (my) bot', 'S', 7, 42, 123456), { state: 'S', ppid: 7, pgid: 42, startTicks: '123456' }],
    ['a line that ends right after the start time', renamedBotStat.slice(0, renamedBotStat.indexOf(' 959737 ') + 7), { state: 'S', ppid: 17994, pgid: 17994, startTicks: '959737' }],
  ])('reads %s', (_name, text, expected) => {
    expect(parseProcStat(text)).toEqual(expected);
  });

  it.each([
    ['nothing (the process exited while we read)', ''],
    ['no name in parentheses', 'garbage'],
    ['a line cut before the start time', renamedBotStat.slice(0, renamedBotStat.indexOf(' 959737'))],
    ['a line whose name lost its closing parenthesis', renamedBotStat.replace(/\)/g, '')],
  ])('refuses %s', (_name, text) => {
    expect(parseProcStat(text)).toBeNull();
  });
});

describe('parseProcNetTcp', () => {
  it('keeps only listening sockets (state 0A), by inode, with the port read from hex', () => {
    expect(parseProcNetTcp(captured('net-tcp.txt'))).toEqual(
      new Map([
        ['1147825', 5000],
        ['245', 2024],
        ['1133544', 38511],
      ]),
    );
  });

  it('reads IPv6 addresses, whose hex has no colon of its own', () => {
    expect(parseProcNetTcp(captured('net-tcp6.txt'))).toEqual(
      new Map([
        ['1147826', 8443],
        ['1142311', 44777],
      ]),
    );
  });

  it('reads nothing from an empty or header-only table', () => {
    expect(parseProcNetTcp('')).toEqual(new Map());
    expect(parseProcNetTcp(captured('net-tcp.txt').split('\n')[0]!)).toEqual(new Map());
  });
});

describe('reading a /proc tree', () => {
  const roots: string[] = [];
  afterAll(() => Promise.all(roots.map((root) => rm(root, { recursive: true, force: true }))));

  interface FakeProcess {
    pid: number;
    stat?: string;
    cmdline?: string;
    cwd?: string;
    fds?: Record<string, string>;
  }

  async function procTree(processes: FakeProcess[], options: { bootId?: string; tcp?: boolean } = {}): Promise<string> {
    const proc = await mkdtemp(join(tmpdir(), 'wtd-proc-'));
    roots.push(proc);
    if (options.bootId !== undefined) {
      await mkdir(join(proc, 'sys/kernel/random'), { recursive: true });
      await writeFile(join(proc, 'sys/kernel/random/boot_id'), `${options.bootId}\n`);
    }
    if (options.tcp) {
      await mkdir(join(proc, 'net'));
      await writeFile(join(proc, 'net/tcp'), captured('net-tcp.txt'));
      await writeFile(join(proc, 'net/tcp6'), captured('net-tcp6.txt'));
    }
    // /proc's other entries: never a process.
    for (const name of ['self', 'sys', 'net']) await mkdir(join(proc, name), { recursive: true });
    for (const info of processes) {
      const dir = join(proc, String(info.pid));
      await mkdir(dir);
      if (info.stat !== undefined) await writeFile(join(dir, 'stat'), info.stat);
      if (info.cmdline !== undefined) await writeFile(join(dir, 'cmdline'), info.cmdline);
      if (info.cwd !== undefined) await symlink(info.cwd, join(dir, 'cwd'));
      if (info.fds) {
        await mkdir(join(dir, 'fd'));
        for (const [fd, target] of Object.entries(info.fds)) await symlink(target, join(dir, 'fd', fd));
      }
    }
    return proc;
  }

  const bot: FakeProcess = {
    pid: 17998,
    stat: renamedBotStat,
    cmdline: '/root/.pyenv/versions/3.11.7/bin/python3\0srv.py\0',
    cwd: '/srv/bot',
    // stdin, stdout into a file, a pipe, both listening sockets (one twice, as after dup()), and the
    // connection it opened to its own port 5000, which is no listening socket.
    fds: {
      '0': '/dev/null',
      '1': '/srv/bot/bot.log',
      '251': 'pipe:[1147808]',
      '3': 'socket:[1147825]',
      '4': 'socket:[1147826]',
      '5': 'socket:[1147827]',
      '6': 'socket:[1147825]',
      // An open file whose name merely ends like a socket.
      '7': '/srv/bot/logs/socket:[245]',
    },
  };

  it('reads start times with the boot id, command lines, folders, and leaves out zombies, the dead and the vanished', async () => {
    const proc = await procTree(
      [
        bot,
        { pid: 2, stat: captured('stat-kthreadd.txt'), cmdline: '' },
        { pid: 100, stat: stat(100, 'python3', 'S', 1, 100, 5100), cmdline: 'python3\0run.py\0--port\x008000\0', cwd: '/srv/other' },
        // nginx rewrites its argv and pads the rest with NULs.
        { pid: 110, stat: stat(110, 'nginx', 'S', 100, 100, 5110), cmdline: 'nginx: worker process\0\0\0\0\0\0' },
        { pid: 101, stat: stat(101, 'python3', 'Z', 100, 100, 5101), cmdline: '' },
        { pid: 102, stat: stat(102, 'python3', 'X', 100, 100, 5102), cmdline: '' },
        // Listed by readdir, gone before its stat was read.
        { pid: 103 },
        // Gone between its stat and its command line.
        { pid: 104, stat: stat(104, 'python3', 'S', 100, 100, 5104) },
      ],
      { bootId: 'boot-1' },
    );
    const listed = await listLinuxProcesses({ withCwd: true }, proc);
    expect(listed.sort((a, b) => a.pid - b.pid)).toEqual([
      { pid: 2, ppid: 0, pgid: 0, startTime: 'boot-1:25', commandLine: '', cwd: null },
      { pid: 100, ppid: 1, pgid: 100, startTime: 'boot-1:5100', commandLine: 'python3 run.py --port 8000', cwd: '/srv/other' },
      { pid: 104, ppid: 100, pgid: 100, startTime: 'boot-1:5104', commandLine: '', cwd: null },
      { pid: 110, ppid: 100, pgid: 100, startTime: 'boot-1:5110', commandLine: 'nginx: worker process', cwd: null },
      {
        pid: 17998,
        ppid: 17994,
        pgid: 17994,
        startTime: 'boot-1:959737',
        commandLine: '/root/.pyenv/versions/3.11.7/bin/python3 srv.py',
        cwd: '/srv/bot',
      },
    ]);
  });

  it('reads one process, or null when it is gone, a zombie or dead', async () => {
    const proc = await procTree(
      [bot, { pid: 101, stat: stat(101, 'python3', 'Z', 1, 101, 5101) }, { pid: 102, stat: stat(102, 'python3', 'X', 1, 102, 5102) }],
      { bootId: 'boot-1' },
    );
    expect(await readLinuxProcess(17998, false, proc)).toEqual({
      pid: 17998,
      ppid: 17994,
      pgid: 17994,
      startTime: 'boot-1:959737',
      commandLine: '/root/.pyenv/versions/3.11.7/bin/python3 srv.py',
      cwd: null,
    });
    expect(await readLinuxProcess(17998, true, proc)).toMatchObject({ cwd: '/srv/bot' });
    for (const pid of [101, 102, 4242]) expect(await readLinuxProcess(pid, true, proc)).toBeNull();
  });

  it('tells processes apart by tick count alone where the boot id is hidden', async () => {
    const proc = await procTree([bot]);
    expect((await readLinuxProcess(17998, false, proc))?.startTime).toBe('boot:959737');
  });

  it('lists the ports each process listens on, once each, from its open sockets', async () => {
    const proc = await procTree(
      [
        bot,
        // Another user's process: its fd folder cannot be read.
        { pid: 100, stat: stat(100, 'python3', 'S', 1, 100, 5100), cmdline: 'python3\0app.py\0' },
        { pid: 120, stat: stat(120, 'sshd', 'S', 1, 120, 5120), cmdline: 'sshd\0', fds: { '3': 'socket:[245]', '4': 'anon_inode:[eventpoll]' } },
      ],
      { bootId: 'boot-1', tcp: true },
    );
    const listed = await listLinuxProcesses({ withCwd: false, withPorts: true }, proc);
    expect(new Map(listed.map((info) => [info.pid, info.listeningPorts]))).toEqual(
      new Map([
        [17998, [5000, 8443]],
        [100, []],
        [120, [2024]],
      ]),
    );
    const withoutPorts = await listLinuxProcesses({ withCwd: false }, proc);
    expect(withoutPorts.every((info) => !('listeningPorts' in info))).toBe(true);
  });

  it('lists no ports where /proc/net cannot be read', async () => {
    const proc = await procTree([bot], { bootId: 'boot-1' });
    expect((await listLinuxProcesses({ withCwd: false, withPorts: true }, proc)).map((info) => info.listeningPorts)).toEqual([[]]);
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
