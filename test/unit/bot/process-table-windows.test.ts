// The Windows process table and found mode on the owner's PC, on captured-format output of our PowerShell query
// (PowerShell and CIM are stubs under Wine, so this is where they are pinned): folders read from the
// processes' own memory, listening ports, the bot told apart from the editor, the terminal and the shell.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { selectBotProcesses } from '../../../src-main/core/bot/found';
import { ownLineage, processTree } from '../../../src-main/core/bot/process-table';
import { parseWin32ProcessJson, win32ProcessScript } from '../../../src-main/core/bot/process-table-windows';

const captured = (name: string) => readFileSync(new URL(`../../fixtures/captured/windows/${name}`, import.meta.url), 'utf8');
const ownerPc = parseWin32ProcessJson(captured('win32-process-owner-pc.json'), true);
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
    const byPid = new Map(ownerPc.map((info) => [info.pid, info]));
    expect(byPid.get(7420)).toMatchObject({ cwd: botFolder, listeningPorts: [5000] });
    expect(byPid.get(8150)).toMatchObject({ commandLine: '', cwd: null, listeningPorts: [5000] });
    expect(byPid.get(4)).toMatchObject({ startTime: null, listeningPorts: [] });
    expect(byPid.get(1244)?.cwd).toBe('C:\\Windows\\system32');
  });

  it('finds the bot started after `cd` by its folder, and the elevated copy by its port; never the editor, its helpers, the terminal or the shell', () => {
    const found = selectBotProcesses(ownerPc, { folder: botFolder, resolved: botFolder, ports: [5000] }, { platform: 'win32', selfPid: 1 });
    expect(found.map((info) => [info.pid, info.matchedBy])).toEqual([
      [7104, 'cwd'],
      [7420, 'cwd'],
      [8150, 'port'],
    ]);
  });

  it('without the port it still finds the copy started after `cd`, and the sibling folder tevkil_proje2 never matches', () => {
    const found = selectBotProcesses(ownerPc, { folder: botFolder, resolved: botFolder, ports: [] }, { platform: 'win32', selfPid: 1 });
    expect(found.map((info) => info.pid)).toEqual([7104, 7420]);
  });

  it("stops the tree at a process that started before its recorded parent (Windows never updates a dead parent's PID)", () => {
    expect(processTree(7104, ownerPc).map((info) => info.pid)).toEqual([7104, 7420]);
  });

  it("stops the app's own lineage at a \"parent\" that started after it: the bot that got a dead ancestor's PID stays stoppable", () => {
    // The updater 2980 names 7420 as its parent, but 7420 (the bot's reloader) started days later.
    expect([...ownLineage(ownerPc, 2980)]).toEqual([2980]);
    expect([...ownLineage(ownerPc, 7420)].sort((a, b) => a - b)).toEqual([1180, 1244, 5120, 5388, 7104, 7420]);
  });
});
