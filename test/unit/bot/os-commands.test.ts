// How each OS is asked to run a command, kill a tree and list processes: Windows and macOS forms are only
// constructed (and parsed) here, since only Linux runs in this test environment.
import { describe, expect, it } from 'vitest';
import { assertPid, powershellArgs, quoteShellArg, shellSpawnSpec, taskkillArgs } from '../../../src-main/core/bot/os-commands';
import { lsofCwdArgs, parseLsofCwd, parsePsOutput, psListArgs, psOneArgs } from '../../../src-main/core/bot/process-table-macos';
import { processTree } from '../../../src-main/core/bot/process-table';
import { parseWin32ProcessJson, win32ProcessScript } from '../../../src-main/core/bot/process-table-windows';
import { treeIsTrustworthy } from '../../../src-main/core/bot/taskkill-tree';
import type { ProcessInfo } from '../../../src-main/core/bot/types';

describe('shellSpawnSpec', () => {
  it('runs the command line through /bin/sh on Linux and macOS', () => {
    expect(shellSpawnSpec('venv/bin/python run.py', 'linux')).toEqual({
      file: '/bin/sh',
      args: ['-c', 'venv/bin/python run.py'],
      windowsVerbatimArguments: false,
    });
    expect(shellSpawnSpec('npm start', 'darwin').file).toBe('/bin/sh');
  });

  it('runs it through cmd.exe /d /s /c "…" on Windows, verbatim, honouring ComSpec', () => {
    expect(shellSpawnSpec('.venv\\Scripts\\python.exe app.py', 'win32', { ComSpec: 'C:\\Windows\\system32\\cmd.exe' })).toEqual({
      file: 'C:\\Windows\\system32\\cmd.exe',
      args: ['/d', '/s', '/c', '".venv\\Scripts\\python.exe app.py"'],
      windowsVerbatimArguments: true,
    });
    expect(shellSpawnSpec('npm start', 'win32', {}).file).toBe('cmd.exe');
  });
});

describe('taskkillArgs', () => {
  it('asks the tree politely, then with /F, always by PID and never by image name', () => {
    expect(taskkillArgs([4242], { tree: true, force: false })).toEqual(['/PID', '4242', '/T']);
    expect(taskkillArgs([4242], { tree: true, force: true })).toEqual(['/PID', '4242', '/T', '/F']);
    expect(taskkillArgs([4242, 4250], { tree: false, force: true })).toEqual(['/PID', '4242', '/PID', '4250', '/F']);
    expect(taskkillArgs([4242], { tree: true, force: true })).not.toContain('/IM');
  });

  it('refuses PIDs that would hit the system or a process group, and an empty list', () => {
    for (const pid of [0, 1, -5, 2.5, Number.NaN]) expect(() => assertPid(pid)).toThrow(RangeError);
    expect(() => taskkillArgs([4242, 0], { tree: true, force: true })).toThrow(RangeError);
    expect(() => taskkillArgs([], { tree: false, force: true })).toThrow(RangeError);
  });
});

describe('taskkill on a Windows tree', () => {
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

  it('leaves out a "child" older than its parent, and then names the PIDs instead of trusting /T', () => {
    const tree = processTree(1000, table);
    expect(tree.map((info) => info.pid)).toEqual([1000, 1004]);
    expect(treeIsTrustworthy(1000, tree, table)).toBe(false);
    expect(treeIsTrustworthy(1000, tree, table.slice(0, 3))).toBe(true);
  });
});

describe('powershellArgs', () => {
  it('sends the script base64-encoded as UTF-16LE, without profile or prompts', () => {
    const script = win32ProcessScript(1234);
    const args = powershellArgs(script);
    expect(args.slice(0, 5)).toEqual(['-NoProfile', '-NonInteractive', '-ExecutionPolicy', 'Bypass', '-EncodedCommand']);
    expect(Buffer.from(args[5]!, 'base64').toString('utf16le')).toBe(script);
    expect(script).toContain('Get-CimInstance -ClassName Win32_Process -Filter "ProcessId = 1234"');
    expect(win32ProcessScript()).not.toContain('-Filter');
  });
});

describe('quoteShellArg', () => {
  it('leaves plain paths alone and quotes the rest for each shell', () => {
    expect(quoteShellArg('.venv/bin/python', 'linux')).toBe('.venv/bin/python');
    expect(quoteShellArg("my bot's venv/python", 'linux')).toBe(`'my bot'\\''s venv/python'`);
    expect(quoteShellArg('C:\\My Bots\\python.exe', 'win32')).toBe('"C:\\My Bots\\python.exe"');
  });
});

describe('the macOS process table', () => {
  it('asks ps for every process with its group, state and start time', () => {
    expect(psListArgs()).toEqual(['-axww', '-o', 'pid=,ppid=,pgid=,stat=,lstart=,command=']);
    expect(psOneArgs(77)).toEqual(['-ww', '-o', 'pid=,ppid=,pgid=,stat=,lstart=,command=', '-p', '77']);
    expect(lsofCwdArgs(77)).toEqual(['-a', '-d', 'cwd', '-n', '-P', '-F', 'pn', '-p', '77']);
  });

  it('parses ps lines (command lines with spaces) and drops zombies', () => {
    const text = [
      '  501     1   501 Ss   Mon Jan  6 09:15:02 2025     /usr/local/bin/python3 /Users/ayse/bot/run.py --port 8000',
      '  502   501   501 S    Mon Jan  6 09:15:03 2025     node server.js',
      '  503   501   501 Z    Mon Jan  6 09:15:04 2025     (python3)',
    ].join('\n');
    expect(parsePsOutput(text)).toEqual([
      { pid: 501, ppid: 1, pgid: 501, startTime: 'Mon Jan 6 09:15:02 2025', commandLine: '/usr/local/bin/python3 /Users/ayse/bot/run.py --port 8000', cwd: null },
      { pid: 502, ppid: 501, pgid: 501, startTime: 'Mon Jan 6 09:15:03 2025', commandLine: 'node server.js', cwd: null },
    ]);
  });

  it("reads each process's working folder from lsof's field output", () => {
    const text = 'p501\nfcwd\nn/Users/ayse/bot\np502\nfcwd\nn/Users/ayse/bot/backend\n';
    expect([...parseLsofCwd(text)]).toEqual([
      [501, '/Users/ayse/bot'],
      [502, '/Users/ayse/bot/backend'],
    ]);
  });
});

describe('the Windows process table', () => {
  it('parses the PowerShell JSON, a single object or an array', () => {
    const row = { pid: 4321, ppid: 1200, start: '2025-01-06T09:15:02.1234567Z', cmd: '"C:\\bot\\.venv\\Scripts\\python.exe" app.py' };
    const expected = { pid: 4321, ppid: 1200, pgid: null, startTime: row.start, commandLine: row.cmd, cwd: null };
    expect(parseWin32ProcessJson(JSON.stringify([row, { pid: 4, ppid: 0, start: null, cmd: null }]))).toEqual([
      expected,
      { pid: 4, ppid: 0, pgid: null, startTime: null, commandLine: '', cwd: null },
    ]);
    expect(parseWin32ProcessJson(JSON.stringify(row))).toEqual([expected]);
    expect(parseWin32ProcessJson('')).toEqual([]);
  });
});
