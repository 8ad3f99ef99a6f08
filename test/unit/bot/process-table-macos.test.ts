// The macOS process table on captured-format `ps` and `lsof` output: start times read in UTC (so a time-zone
// change never looks like a reused PID), folders and listening ports, and found mode on an owner's Mac.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { selectBotProcesses } from '../../../src-main/core/bot/found';
import {
  lsofCwdArgs,
  lsofListenArgs,
  parseLsofCwd,
  parseLsofListen,
  parsePsOutput,
  PS_ENV,
  psListArgs,
  psOneArgs,
} from '../../../src-main/core/bot/process-table-macos';

const captured = (name: string) => readFileSync(new URL(`../../fixtures/captured/macos/${name}`, import.meta.url), 'utf8');

describe('the macOS commands', () => {
  it('asks ps for every process with its group, state and start time, in UTC', () => {
    expect(psListArgs()).toEqual(['-axww', '-o', 'pid=,ppid=,pgid=,stat=,lstart=,command=']);
    expect(psOneArgs(77)).toEqual(['-ww', '-o', 'pid=,ppid=,pgid=,stat=,lstart=,command=', '-p', '77']);
    expect(PS_ENV).toEqual({ TZ: 'UTC' });
  });

  it('asks lsof for working folders and for listening TCP sockets, by number (no DNS, no port names)', () => {
    expect(lsofCwdArgs(77)).toEqual(['-a', '-d', 'cwd', '-n', '-P', '-F', 'pn', '-p', '77']);
    expect(lsofListenArgs()).toEqual(['-a', '-iTCP', '-sTCP:LISTEN', '-n', '-P', '-F', 'pn']);
  });
});

describe('an owner Mac (captured-format output)', () => {
  const processes = parsePsOutput(captured('ps-axww-utc.txt'));
  const cwds = parseLsofCwd(captured('lsof-cwd.txt'));
  const ports = parseLsofListen(captured('lsof-listen.txt'));
  const table = processes.map((info) => ({ ...info, cwd: cwds.get(info.pid) ?? null, listeningPorts: ports.get(info.pid) ?? [] }));

  it('reads start times as ISO UTC, command lines with spaces whole, and drops zombies', () => {
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
    expect(processes.some((info) => info.pid === 1777)).toBe(false);
  });

  it('reads folders and ports (each port once, IPv4 and IPv6 alike)', () => {
    expect(cwds.get(1310)).toBe('/Users/ayse/bots/tevkil');
    expect(ports.get(1310)).toEqual([5000]);
    expect(ports.get(612)).toEqual([5000, 7000]);
  });

  it("finds the bot, not the login shell, VS Code or its helper, nor AirPlay's ControlCenter on port 5000", () => {
    const target = { folder: '/Users/ayse/bots/tevkil', resolved: '/Users/ayse/bots/tevkil', ports: [5000] };
    const found = selectBotProcesses(table, target, { platform: 'darwin', selfPid: 99_999 });
    expect(found.map((info) => [info.pid, info.matchedBy])).toEqual([[1310, 'cwd']]);
  });
});
