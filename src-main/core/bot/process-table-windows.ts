// The Windows process table through PowerShell's Win32_Process (parent, creation time, command line).
// Windows does not tell another process's working folder, so found mode matches on the command line there.
import { execText } from './exec-text';
import { powershellArgs } from './os-commands';
import type { ProcessInfo } from './types';

/** The PowerShell query; `-InputObject @(...)` keeps a one-process answer a JSON array. */
export function win32ProcessScript(pid?: number): string {
  const filter = pid === undefined ? '' : ` -Filter "ProcessId = ${String(Math.trunc(pid))}"`;
  return [
    '[Console]::OutputEncoding = [System.Text.Encoding]::UTF8',
    `$rows = @(Get-CimInstance -ClassName Win32_Process${filter} | ForEach-Object {`,
    '  [pscustomobject]@{',
    '    pid = [int]$_.ProcessId',
    '    ppid = [int]$_.ParentProcessId',
    "    start = $(if ($_.CreationDate) { $_.CreationDate.ToUniversalTime().ToString('o') } else { $null })",
    '    cmd = [string]$_.CommandLine',
    '  }',
    '})',
    'ConvertTo-Json -Compress -Depth 2 -InputObject $rows',
  ].join('\n');
}

interface Win32Row {
  pid?: unknown;
  ppid?: unknown;
  start?: unknown;
  cmd?: unknown;
}

export function parseWin32ProcessJson(text: string): ProcessInfo[] {
  const trimmed = text.trim();
  if (trimmed === '') return [];
  const parsed = JSON.parse(trimmed) as unknown;
  const rows = (Array.isArray(parsed) ? parsed : [parsed]) as Win32Row[];
  return rows
    .filter((row) => typeof row.pid === 'number' && typeof row.ppid === 'number')
    .map((row) => ({
      pid: row.pid as number,
      ppid: row.ppid as number,
      pgid: null,
      startTime: typeof row.start === 'string' ? row.start : null,
      commandLine: typeof row.cmd === 'string' ? row.cmd : '',
      cwd: null,
    }));
}

async function query(pid?: number): Promise<ProcessInfo[]> {
  const result = await execText('powershell.exe', powershellArgs(win32ProcessScript(pid)), 60_000);
  if (result.code !== 0) throw new Error(`PowerShell could not list processes (exit ${String(result.code)}).`);
  return parseWin32ProcessJson(result.stdout);
}

export function listWindowsProcesses(): Promise<ProcessInfo[]> {
  return query();
}

export async function readWindowsProcess(pid: number): Promise<ProcessInfo | null> {
  return (await query(pid)).find((info) => info.pid === pid) ?? null;
}
