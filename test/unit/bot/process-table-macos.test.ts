// The macOS process table on captured-format `ps` and `lsof` output: start times read in UTC (so a time-zone
// change never looks like a reused PID), folders and listening ports, and found mode on an owner's Mac.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { ExecTextOptions, ExecTextResult } from '../../../src-main/core/bot/exec-text';
import { selectBotProcesses } from '../../../src-main/core/bot/found';
import { listProcesses, readProcess } from '../../../src-main/core/bot/process-table';
import {
  listMacProcesses,
  lsofCwdArgs,
  lsofListenArgs,
  parseLsofCwd,
  parseLsofListen,
  parsePsOutput,
  PS_ENV,
  psListArgs,
  psOneArgs,
  readMacProcess,
} from '../../../src-main/core/bot/process-table-macos';
import type { SystemProgram } from '../../../src-main/core/system-programs';

const captured = (name: string) => readFileSync(new URL(`../../fixtures/captured/macos/${name}`, import.meta.url), 'utf8');

describe('the macOS commands', () => {
  it('asks ps for every process with its group, state and start time, in UTC', () => {
    expect(psListArgs()).toEqual(['-axww', '-o', 'pid=,ppid=,pgid=,stat=,lstart=,command=']);
    expect(psOneArgs(77)).toEqual(['-ww', '-o', 'pid=,ppid=,pgid=,stat=,lstart=,command=', '-p', '77']);
    expect(PS_ENV).toEqual({ TZ: 'UTC' });
  });

  it('asks lsof for working folders and for listening TCP sockets, by number (no DNS, no port names)', () => {
    expect(lsofCwdArgs(77)).toEqual(['-a', '-d', 'cwd', '-n', '-P', '-F', 'pn', '-p', '77']);
    expect(lsofCwdArgs()).toEqual(['-a', '-d', 'cwd', '-n', '-P', '-F', 'pn']);
    expect(lsofListenArgs()).toEqual(['-a', '-iTCP', '-sTCP:LISTEN', '-n', '-P', '-F', 'pn']);
  });
});

describe('an owner Mac (captured-format output)', () => {
  // Parsed inside each test: code run while a test file loads is not where a mutation run looks.
  const ownerMac = () => {
    const processes = parsePsOutput(captured('ps-axww-utc.txt'));
    const cwds = parseLsofCwd(captured('lsof-cwd.txt'));
    const ports = parseLsofListen(captured('lsof-listen.txt'));
    return { processes, cwds, ports, table: processes.map((info) => ({ ...info, cwd: cwds.get(info.pid) ?? null, listeningPorts: ports.get(info.pid) ?? [] })) };
  };

  it('reads start times as ISO UTC, command lines with spaces whole, and drops zombies', () => {
    const { processes } = ownerMac();
    expect(processes.find((info) => info.pid === 1310)).toEqual({
      pid: 1310,
      ppid: 906,
      pgid: 1310,
      startTime: '2025-12-01T07:03:45Z',
      commandLine:
        '/opt/homebrew/Cellar/python@3.12/3.12.7/Frameworks/Python.framework/Versions/3.12/Resources/Python.app/Contents/MacOS/Python run_flask.py',
      cwd: null,
    });
    expect(processes.find((info) => info.pid === 1)?.startTime).toBe('2025-12-01T06:58:01Z');
    expect(processes.map((info) => info.pid)).toEqual([1, 612, 901, 905, 906, 1310, 1402, 1460]);
  });

  it('reads folders and ports (each port once, IPv4 and IPv6 alike)', () => {
    const { cwds, ports } = ownerMac();
    expect(cwds).toEqual(
      new Map([
        [906, '/Users/ayse/bots/tevkil'],
        [1310, '/Users/ayse/bots/tevkil'],
        [1402, '/'],
        [1460, '/Users/ayse/bots/tevkil'],
      ]),
    );
    expect(ports).toEqual(
      new Map([
        [612, [5000, 7000]],
        [1310, [5000]],
      ]),
    );
  });

  it("finds the bot, not the login shell, VS Code or its helper, nor AirPlay's ControlCenter on port 5000", () => {
    const target = { folder: '/Users/ayse/bots/tevkil', resolved: '/Users/ayse/bots/tevkil', ports: [5000] };
    const found = selectBotProcesses(ownerMac().table, target, { platform: 'darwin', selfPid: 99_999 });
    expect(found.map((info) => [info.pid, info.matchedBy])).toEqual([[1310, 'cwd']]);
  });
});

describe('ps lines', () => {
  // A Mac up for a year: one daemon started in each month (ctime's format pads one-digit days with a space).
  it.each([
    ['Fri Jan  3 01:05:09 2025', '2025-01-03T01:05:09Z'],
    ['Wed Feb  5 02:05:09 2025', '2025-02-05T02:05:09Z'],
    ['Fri Mar  7 03:05:09 2025', '2025-03-07T03:05:09Z'],
    ['Wed Apr  9 04:05:09 2025', '2025-04-09T04:05:09Z'],
    ['Sun May 11 05:05:09 2025', '2025-05-11T05:05:09Z'],
    ['Fri Jun 13 06:05:09 2025', '2025-06-13T06:05:09Z'],
    ['Tue Jul 15 07:05:09 2025', '2025-07-15T07:05:09Z'],
    ['Sun Aug 17 08:05:09 2025', '2025-08-17T08:05:09Z'],
    ['Fri Sep 19 09:05:09 2025', '2025-09-19T09:05:09Z'],
    ['Tue Oct 21 10:05:09 2025', '2025-10-21T10:05:09Z'],
    ['Sun Nov 23 11:05:09 2025', '2025-11-23T11:05:09Z'],
    ['Thu Dec 25 12:05:09 2025', '2025-12-25T12:05:09Z'],
  ])('reads the start time %s as %s', (lstart, iso) => {
    expect(parsePsOutput(`  205     1   205 Ss   ${lstart}     /usr/libexec/trustd\n`)).toEqual([
      { pid: 205, ppid: 1, pgid: 205, startTime: iso, commandLine: '/usr/libexec/trustd', cwd: null },
    ]);
  });

  it('drops zombies in the foreground group too (stat Z+), and reads a process without a command', () => {
    const text = [
      ' 1777  1310  1310 Z+   Mon Dec  1 07:09:13 2025     (Python)',
      ' 1778  1310  1310 S+   Mon Dec  1 07:09:14 2025',
      ' 1779  1310  1310 Ss+  Mon Dec  1 07:09:15 2025     sleep 1000',
    ].join('\n');
    expect(parsePsOutput(text).map((info) => [info.pid, info.commandLine])).toEqual([
      [1778, ''],
      [1779, 'sleep 1000'],
    ]);
  });

  it('skips what is no process line: a header, an error, an empty line', () => {
    const text = ['  PID  PPID  PGID STAT STARTED                      COMMAND', 'ps: illegal option -- x', '', '    1     0     1 Ss   Mon Dec  1 06:58:01 2025     /sbin/launchd'].join('\n');
    expect(parsePsOutput(text).map((info) => info.pid)).toEqual([1]);
  });

  it('reads lsof names that carry no port as none', () => {
    expect(parseLsofListen('p612\nf9\nn*:*\nf10\nn*:7000\n')).toEqual(new Map([[612, [7000]]]));
  });
});

interface ProgramCall {
  program: SystemProgram;
  args: readonly string[];
  options?: ExecTextOptions;
}

/** ps and lsof as a Mac runs them, answering from the captured files; every call is recorded. */
function capturedMac(calls: ProgramCall[]) {
  return async (program: SystemProgram, args: readonly string[], options?: ExecTextOptions): Promise<ExecTextResult> => {
    calls.push({ program, args, options });
    const answer = (stdout: string, code = 0): ExecTextResult => ({ code, stdout, stderr: '' });
    const psLines = captured('ps-axww-utc.txt').split('\n');
    if (program === 'ps' && args.join(' ') === psListArgs().join(' ')) return answer(psLines.join('\n'));
    if (program === 'ps' && args[args.length - 2] === '-p') {
      // ps -p prints the one process, or nothing and exit 1 when it is gone.
      const line = psLines.find((text) => text.trim().split(/\s+/)[0] === args[args.length - 1]);
      return line ? answer(`${line}\n`) : answer('', 1);
    }
    if (program === 'lsof' && args.includes('cwd')) {
      const wanted = args.includes('-p') ? args[args.length - 1] : null;
      const blocks = captured('lsof-cwd.txt').split(/(?=^p)/m);
      // Exit 1: some processes (other users') could not be read; what lsof printed is still right.
      return answer(blocks.filter((block) => wanted === null || block.startsWith(`p${wanted}\n`)).join(''), 1);
    }
    if (program === 'lsof' && args.join(' ') === lsofListenArgs().join(' ')) return answer(captured('lsof-listen.txt'));
    throw new Error(`unexpected ${program} ${args.join(' ')}`);
  };
}

describe('the process table on a Mac (ps and lsof answering with captured-format output)', () => {
  it('lists every process with its folder and ports, running ps in UTC', async () => {
    const calls: ProgramCall[] = [];
    const table = await listMacProcesses({ withCwd: true, withPorts: true }, capturedMac(calls));
    expect(table.find((info) => info.pid === 1310)).toMatchObject({ cwd: '/Users/ayse/bots/tevkil', listeningPorts: [5000] });
    expect(table.find((info) => info.pid === 612)).toMatchObject({ cwd: null, listeningPorts: [5000, 7000] });
    expect(table.find((info) => info.pid === 1402)).toMatchObject({ cwd: '/', listeningPorts: [] });
    expect(table).toHaveLength(8);
    expect(calls.find((call) => call.program === 'ps')?.options).toEqual({ env: { TZ: 'UTC' } });
  });

  it('asks lsof nothing when neither folders nor ports are wanted', async () => {
    const calls: ProgramCall[] = [];
    const table = await listMacProcesses({ withCwd: false, withPorts: false }, capturedMac(calls));
    expect(calls.map((call) => call.program)).toEqual(['ps']);
    expect(table.every((info) => info.cwd === null && !('listeningPorts' in info))).toBe(true);
  });

  it('reads one process with its folder, asking lsof about that process only; null once it is gone', async () => {
    const calls: ProgramCall[] = [];
    const run = capturedMac(calls);
    expect(await readMacProcess(1310, true, run)).toEqual({
      pid: 1310,
      ppid: 906,
      pgid: 1310,
      startTime: '2025-12-01T07:03:45Z',
      commandLine: expect.stringContaining('Python run_flask.py') as string,
      cwd: '/Users/ayse/bots/tevkil',
    });
    expect(calls.map((call) => [call.program, ...call.args.slice(-2)])).toEqual([
      ['ps', '-p', '1310'],
      ['lsof', '-p', '1310'],
    ]);
    expect(await readMacProcess(612, false, run)).toMatchObject({ pid: 612, cwd: null });
    expect(await readMacProcess(1777, true, run)).toBeNull();
    expect(await readMacProcess(4242, true, run)).toBeNull();
  });

  it('is the table listProcesses and readProcess use on macOS', async () => {
    const run = capturedMac([]);
    expect((await listProcesses({ withCwd: true }, 'darwin', run)).find((info) => info.pid === 1310)?.cwd).toBe('/Users/ayse/bots/tevkil');
    expect((await listProcesses({ withPorts: true }, 'darwin', run)).find((info) => info.pid === 612)).toMatchObject({ cwd: null, listeningPorts: [5000, 7000] });
    expect((await listProcesses({}, 'darwin', run)).find((info) => info.pid === 1310)).not.toHaveProperty('listeningPorts');
    expect(await readProcess(1310, { withCwd: true }, 'darwin', run)).toMatchObject({ startTime: '2025-12-01T07:03:45Z', cwd: '/Users/ayse/bots/tevkil' });
    expect(await readProcess(1310, {}, 'darwin', run)).toMatchObject({ cwd: null });
  });
});
