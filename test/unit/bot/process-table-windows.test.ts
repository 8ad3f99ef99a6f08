// The Windows process table and found mode on the owner's PC, on captured-format output of our PowerShell query
// (PowerShell and CIM are stubs under Wine, so this is where they are pinned): folders read from the
// processes' own memory, listening ports, the bot told apart from the editor, the terminal and the shell.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { ExecTextOptions, ExecTextResult } from '../../../src-main/core/bot/exec-text';
import { selectBotProcesses } from '../../../src-main/core/bot/found';
import { listProcesses, ownLineage, processTree, readProcess } from '../../../src-main/core/bot/process-table';
import {
  listWindowsProcesses,
  parseWin32ProcessJson,
  readWindowsProcess,
  win32ProcessScript,
} from '../../../src-main/core/bot/process-table-windows';
import type { SystemProgram } from '../../../src-main/core/system-programs';

const captured = (name: string) => readFileSync(new URL(`../../fixtures/captured/windows/${name}`, import.meta.url), 'utf8');
// Parsed inside each test: code run while a test file loads is not where a mutation run looks.
const ownerPc = () => parseWin32ProcessJson(captured('win32-process-owner-pc.json'), true);
const botFolder = 'C:\\Users\\Şükrü\\Desktop\\tevkil_proje';

describe('the PowerShell query', () => {
  it('reads working folders only when asked, through a type that degrades to none under a locked-down PowerShell', () => {
    const withFolders = win32ProcessScript({ withCwd: true });
    expect(withFolders).toContain('Add-Type -TypeDefinition @\'');
    expect(withFolders).toContain('OpenProcess(0x0410');
    expect(withFolders).toContain('} catch { }');
    expect(win32ProcessScript()).not.toContain('Add-Type');
  });

  it('asks Get-NetTCPConnection for listening ports only when asked', () => {
    expect(win32ProcessScript({ withPorts: true })).toContain('Get-NetTCPConnection -State Listen');
    expect(win32ProcessScript()).not.toContain('Get-NetTCPConnection');
  });

  it('asks for one process by its ID only when given one', () => {
    expect(win32ProcessScript()).toContain('$rows = @(Get-CimInstance -ClassName Win32_Process | ForEach-Object {');
    expect(win32ProcessScript({ pid: 7104 })).toContain('$rows = @(Get-CimInstance -ClassName Win32_Process -Filter "ProcessId = 7104" | ForEach-Object {');
  });

  it('writes UTF-8 first, so Turkish folder and command names come back intact', () => {
    expect(win32ProcessScript().split('\n')[0]).toBe('[Console]::OutputEncoding = [System.Text.Encoding]::UTF8');
  });

  it.each([
    ['pid', '[int]$_.ProcessId'],
    ['ppid', '[int]$_.ParentProcessId'],
    ['start', "$(if ($_.CreationDate) { $_.CreationDate.ToUniversalTime().ToString('o') } else { $null })"],
    ['cmd', '[string]$_.CommandLine'],
    ['cwd', '$(if ($canReadFolders) { [WtdProcessFolder]::Of([int]$_.ProcessId) } else { $null })'],
  ])('gives each row a %s the parser reads, from %s', (name, source) => {
    expect(win32ProcessScript({ withCwd: true }).split('\n')).toContain(`    ${name} = ${source}`);
  });

  it('gives each listening socket the owning process and the port', () => {
    expect(win32ProcessScript({ withPorts: true }).split('\n')).toContain('  [pscustomobject]@{ pid = [int]$_.OwningProcess; port = [int]$_.LocalPort }');
  });

  it.each([{}, { pid: 7104 }, { withCwd: true }, { withPorts: true }, { pid: 7104, withCwd: true, withPorts: true }])(
    'is well-formed PowerShell for %j: brackets paired, the here-string on lines of its own, every variable set before it is read',
    (query) => {
      expect(powershellProblems(win32ProcessScript(query))).toEqual([]);
    },
  );

  it('answers with one JSON object whose lists stay lists even with one process', () => {
    expect(win32ProcessScript({ pid: 7104 })).toContain('-InputObject ([pscustomobject]@{ processes = $rows; listening = $listening })');
    expect(parseWin32ProcessJson(captured('win32-process-one.json'))).toEqual([
      {
        pid: 7104,
        ppid: 5388,
        pgid: null,
        startTime: '2026-12-01T07:11:02.0072140Z',
        commandLine: '"C:\\Users\\Şükrü\\AppData\\Local\\Programs\\Python\\Python312\\python.exe" run_flask.py',
        cwd: botFolder,
      },
    ]);
  });
});

describe('the owner PC table (captured-format output)', () => {
  it('parses folders without their trailing backslash, null where Windows would not let us read, and ports per PID', () => {
    const byPid = new Map(ownerPc().map((info) => [info.pid, info]));
    expect(byPid.get(7420)).toMatchObject({ cwd: botFolder, listeningPorts: [5000] });
    expect(byPid.get(8150)).toMatchObject({ commandLine: '', cwd: null, listeningPorts: [5000] });
    expect(byPid.get(4)).toMatchObject({ startTime: null, listeningPorts: [] });
    expect(byPid.get(1244)?.cwd).toBe('C:\\Windows\\system32');
  });

  it('finds the bot started after `cd` by its folder, and the elevated copy by its port; never the editor, its helpers, the terminal or the shell', () => {
    const found = selectBotProcesses(ownerPc(), { folder: botFolder, resolved: botFolder, ports: [5000] }, { platform: 'win32', selfPid: 1 });
    expect(found.map((info) => [info.pid, info.matchedBy])).toEqual([
      [7104, 'cwd'],
      [7420, 'cwd'],
      [8150, 'port'],
    ]);
  });

  it('without the port it still finds the copy started after `cd`, and the sibling folder tevkil_proje2 never matches', () => {
    const found = selectBotProcesses(ownerPc(), { folder: botFolder, resolved: botFolder, ports: [] }, { platform: 'win32', selfPid: 1 });
    expect(found.map((info) => info.pid)).toEqual([7104, 7420]);
  });

  it("stops the tree at a process that started before its recorded parent (Windows never updates a dead parent's PID)", () => {
    expect(processTree(7104, ownerPc()).map((info) => info.pid)).toEqual([7104, 7420]);
  });

  it("stops the app's own lineage at a \"parent\" that started after it: the bot that got a dead ancestor's PID stays stoppable", () => {
    // The updater 2980 names 7420 as its parent, but 7420 (the bot's reloader) started days later.
    expect([...ownLineage(ownerPc(), 2980)]).toEqual([2980]);
    expect([...ownLineage(ownerPc(), 7420)].sort((a, b) => a - b)).toEqual([1180, 1244, 5120, 5388, 7104, 7420]);
  });
});

/**
 * What would make PowerShell refuse the script or read it wrongly: unpaired brackets, a here-string whose
 * `@'` does not end its line or whose `'@` does not start one, a variable read before it is set.
 */
function powershellProblems(script: string): string[] {
  const problems: string[] = [];
  const hereString = /@'\n[\s\S]*?\n'@/g;
  for (const match of script.matchAll(/@'|'@/g)) {
    const at = match.index;
    const ok = match[0] === "@'" ? script[at + 2] === '\n' : script[at - 1] === '\n';
    if (!ok) problems.push(`here-string marker ${match[0]} not on a line of its own`);
  }
  // The C# inside the here-string and quoted text are not PowerShell's brackets or variables.
  const code = script.replace(hereString, "@''@").replace(/'[^'\n]*'|"[^"\n]*"/g, "''");
  const open: string[] = [];
  const pairs: Record<string, string> = { ')': '(', '}': '{', ']': '[' };
  for (const character of code) {
    if ('({['.includes(character)) open.push(character);
    else if (character in pairs && open.pop() !== pairs[character]) problems.push(`unpaired ${character}`);
  }
  if (open.length > 0) problems.push(`unclosed ${open.join('')}`);
  const set = new Set(['$_', '$null', '$true', '$false']);
  for (const line of code.split('\n')) {
    for (const [name] of line.matchAll(/\$\w+/g)) {
      const assigned = new RegExp(`\\${name}\\s*=[^=]`).test(line) && line.trimStart().startsWith(name);
      if (assigned || line.includes(`${name} = $true`)) set.add(name);
      else if (!set.has(name)) problems.push(`${name} read before it is set`);
    }
  }
  return problems;
}

interface ProgramCall {
  program: SystemProgram;
  args: readonly string[];
  options?: ExecTextOptions;
}

/** PowerShell on the owner's PC, answering our query from the captured table (one process when filtered). */
function capturedPowerShell(calls: ProgramCall[], broken?: ExecTextResult) {
  return async (program: SystemProgram, args: readonly string[], options?: ExecTextOptions): Promise<ExecTextResult> => {
    calls.push({ program, args, options });
    if (broken) return broken;
    if (program !== 'powershell' || args[4] !== '-EncodedCommand') throw new Error(`unexpected ${program} ${args.join(' ')}`);
    const script = Buffer.from(args[5]!, 'base64').toString('utf16le');
    const table = JSON.parse(captured('win32-process-owner-pc.json')) as { processes: Array<{ pid: number }>; listening: unknown[] };
    const pid = /ProcessId = (\d+)/.exec(script)?.[1];
    const processes = pid === undefined ? table.processes : table.processes.filter((row) => row.pid === Number(pid));
    const listening = script.includes('Get-NetTCPConnection') ? table.listening : [];
    // Without the folder reader the script writes no folders.
    const rows = script.includes('Add-Type') ? processes : processes.map((row) => ({ ...row, cwd: null }));
    return { code: 0, stdout: `${JSON.stringify({ processes: rows, listening })}\r\n`, stderr: '' };
  };
}

describe('the process table on Windows (PowerShell answering with captured-format output)', () => {
  it('lists every process through one PowerShell call, allowed a minute for a cold start, ports only when asked', async () => {
    const calls: ProgramCall[] = [];
    const withPorts = await listWindowsProcesses({ withCwd: true, withPorts: true }, capturedPowerShell(calls));
    expect(withPorts.find((info) => info.pid === 7420)).toMatchObject({ cwd: botFolder, listeningPorts: [5000] });
    expect(calls).toHaveLength(1);
    expect(calls[0]!.options).toEqual({ timeoutMs: 60_000 });
    const plain = await listWindowsProcesses({ withCwd: false, withPorts: false }, capturedPowerShell(calls));
    expect(plain).toHaveLength(withPorts.length);
    expect(plain.some((info) => 'listeningPorts' in info)).toBe(false);
  });

  it('reads one process, asking Windows for that one only, or null when Windows no longer lists it', async () => {
    const calls: ProgramCall[] = [];
    const run = capturedPowerShell(calls);
    expect(await readWindowsProcess(7104, true, run)).toMatchObject({ pid: 7104, ppid: 5388, cwd: botFolder, startTime: '2026-12-01T07:11:02.0072140Z' });
    expect(Buffer.from(calls[0]!.args[5]!, 'base64').toString('utf16le')).toContain('-Filter "ProcessId = 7104"');
    expect(await readWindowsProcess(7104, false, run)).toMatchObject({ pid: 7104, cwd: null });
    expect(await readWindowsProcess(4242, true, run)).toBeNull();
  });

  it.each([
    ['a policy stops it (exit 1)', { code: 1, stdout: '', stderr: 'cannot be loaded because running scripts is disabled' }, 'exit 1, 0 bytes'],
    ['a stub prints nothing', { code: 0, stdout: '  \r\n', stderr: '' }, 'exit 0, 4 bytes'],
    ['it is killed at the time limit', { code: null, stdout: '{"proc', stderr: '' }, 'exit null, 6 bytes'],
  ])('says so when PowerShell could not list processes: %s', async (_name, broken, detail) => {
    await expect(listWindowsProcesses({ withCwd: false, withPorts: false }, capturedPowerShell([], broken))).rejects.toThrow(
      `PowerShell could not list processes (${detail}).`,
    );
  });

  it('is the table listProcesses and readProcess use on Windows', async () => {
    const run = capturedPowerShell([]);
    const listed = await listProcesses({ withCwd: true, withPorts: true }, 'win32', run);
    expect(listed.find((info) => info.pid === 8150)).toMatchObject({ listeningPorts: [5000] });
    expect((await listProcesses({}, 'win32', run)).some((info) => 'listeningPorts' in info)).toBe(false);
    expect(await readProcess(7104, { withCwd: true }, 'win32', run)).toMatchObject({ pid: 7104, cwd: botFolder });
  });
});

describe('parseWin32ProcessJson on answers it cannot trust', () => {
  it('keeps only rows with numeric IDs, and reads a value of the wrong type as unknown', () => {
    const answer = {
      processes: [
        { pid: 10, ppid: 4, start: 20261201, cmd: 7, cwd: 5 },
        { pid: '11', ppid: 4 },
        { pid: 12 },
        { ppid: 4 },
        { pid: 13, ppid: 10, start: '2026-12-01T07:11:02.0072140Z', cmd: 'bot.exe', cwd: 'C:\\' },
        { pid: 14, ppid: 10, cwd: '\\\\server\\share\\bots\\' },
        { pid: 15, ppid: 10, cwd: '' },
      ],
      listening: [{ pid: 13, port: 5000 }, { pid: 13, port: '80' }, { pid: '13', port: 81 }, { pid: 13 }, { pid: 13, port: 5000 }, { pid: 14, port: 8000 }],
    };
    expect(parseWin32ProcessJson(JSON.stringify(answer), true)).toEqual([
      { pid: 10, ppid: 4, pgid: null, startTime: null, commandLine: '', cwd: null, listeningPorts: [] },
      { pid: 13, ppid: 10, pgid: null, startTime: '2026-12-01T07:11:02.0072140Z', commandLine: 'bot.exe', cwd: 'C:\\', listeningPorts: [5000] },
      { pid: 14, ppid: 10, pgid: null, startTime: null, commandLine: '', cwd: '\\\\server\\share\\bots', listeningPorts: [8000] },
      { pid: 15, ppid: 10, pgid: null, startTime: null, commandLine: '', cwd: null, listeningPorts: [] },
    ]);
  });

  it('reads an answer without lists as no processes', () => {
    expect(parseWin32ProcessJson('{"processes":null,"listening":{}}', true)).toEqual([]);
  });
});
