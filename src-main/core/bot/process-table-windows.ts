// The Windows process table through PowerShell: Win32_Process (parent, creation time, command line), the working
// folder of the owner's own processes (read from each one's PEB, as Process Explorer does: Windows has no
// query for it), and which process listens on which TCP port (Get-NetTCPConnection).
import { runSystemProgram, type RunSystemProgram } from './exec-text';
import { powershellArgs } from './os-commands';
import type { ProcessInfo } from './types';

export interface WindowsQuery {
  pid?: number;
  /** Also read each process's working folder (only the owner's own processes can be read). */
  withCwd?: boolean;
  /** Also list the TCP ports each process listens on. */
  withPorts?: boolean;
}

/**
 * Reads RTL_USER_PROCESS_PARAMETERS.CurrentDirectory of a 64-bit process: PEB+0x20 holds the parameters'
 * address, whose CurrentDirectory.DosPath (a UNICODE_STRING) is at +0x38. Null for any process we may not
 * open (another user's, an elevated one) or read.
 */
const PROCESS_FOLDER_TYPE = String.raw`
using System;
using System.Runtime.InteropServices;
public static class WtdProcessFolder {
  [StructLayout(LayoutKind.Sequential)]
  struct BasicInformation { public IntPtr ExitStatus; public IntPtr Peb; public IntPtr Affinity; public IntPtr Priority; public IntPtr Pid; public IntPtr ParentPid; }
  [DllImport("ntdll.dll")] static extern int NtQueryInformationProcess(IntPtr process, int infoClass, ref BasicInformation info, int size, out int returned);
  [DllImport("kernel32.dll")] static extern IntPtr OpenProcess(int access, bool inherit, int pid);
  [DllImport("kernel32.dll")] static extern bool ReadProcessMemory(IntPtr process, IntPtr address, byte[] buffer, IntPtr size, out IntPtr read);
  [DllImport("kernel32.dll")] static extern bool CloseHandle(IntPtr handle);
  static byte[] Read(IntPtr process, long address, int size) {
    var buffer = new byte[size];
    IntPtr read;
    return ReadProcessMemory(process, new IntPtr(address), buffer, new IntPtr(size), out read) && read.ToInt64() == size ? buffer : null;
  }
  public static string Of(int pid) {
    IntPtr process = OpenProcess(0x0410, false, pid);
    if (process == IntPtr.Zero) return null;
    try {
      var info = new BasicInformation();
      int returned;
      if (NtQueryInformationProcess(process, 0, ref info, Marshal.SizeOf(info), out returned) != 0) return null;
      var parameters = Read(process, info.Peb.ToInt64() + 0x20, 8);
      if (parameters == null) return null;
      var folder = Read(process, BitConverter.ToInt64(parameters, 0) + 0x38, 16);
      if (folder == null) return null;
      var text = Read(process, BitConverter.ToInt64(folder, 8), BitConverter.ToUInt16(folder, 0));
      return text == null ? null : System.Text.Encoding.Unicode.GetString(text);
    } finally { CloseHandle(process); }
  }
}`;

/** The PowerShell query; every list goes through `@(...)` so a one-item answer stays a JSON array. */
export function win32ProcessScript(query: WindowsQuery = {}): string {
  const filter = query.pid === undefined ? '' : ` -Filter "ProcessId = ${String(Math.trunc(query.pid))}"`;
  const lines = ['[Console]::OutputEncoding = [System.Text.Encoding]::UTF8', '$canReadFolders = $false'];
  if (query.withCwd) {
    // A locked-down PowerShell (constrained language) refuses Add-Type: then no folders, but still the table.
    lines.push(
      'if ([IntPtr]::Size -eq 8) {',
      `  try { Add-Type -TypeDefinition @'${PROCESS_FOLDER_TYPE}\n'@ -ErrorAction Stop; $canReadFolders = $true } catch { }`,
      '}',
    );
  }
  lines.push(
    `$rows = @(Get-CimInstance -ClassName Win32_Process${filter} | ForEach-Object {`,
    '  [pscustomobject]@{',
    '    pid = [int]$_.ProcessId',
    '    ppid = [int]$_.ParentProcessId',
    "    start = $(if ($_.CreationDate) { $_.CreationDate.ToUniversalTime().ToString('o') } else { $null })",
    '    cmd = [string]$_.CommandLine',
    '    cwd = $(if ($canReadFolders) { [WtdProcessFolder]::Of([int]$_.ProcessId) } else { $null })',
    '  }',
    '})',
    '$listening = @()',
  );
  if (query.withPorts) {
    lines.push(
      '$listening = @(Get-NetTCPConnection -State Listen -ErrorAction SilentlyContinue | ForEach-Object {',
      '  [pscustomobject]@{ pid = [int]$_.OwningProcess; port = [int]$_.LocalPort }',
      '})',
    );
  }
  lines.push("ConvertTo-Json -Compress -Depth 3 -InputObject ([pscustomobject]@{ processes = $rows; listening = $listening })");
  return lines.join('\n');
}

interface Win32Row {
  pid?: unknown;
  ppid?: unknown;
  start?: unknown;
  cmd?: unknown;
  cwd?: unknown;
}

interface Win32Answer {
  processes?: unknown;
  listening?: unknown;
}

/** Parses the script's JSON; `listeningPorts` is set only when the answer lists ports (`withPorts`). */
export function parseWin32ProcessJson(text: string, withPorts = false): ProcessInfo[] {
  const answer = JSON.parse(text) as Win32Answer;
  const rows = (Array.isArray(answer.processes) ? answer.processes : []) as Win32Row[];
  const ports = portsByPid(answer.listening);
  return rows
    .filter((row) => typeof row.pid === 'number' && typeof row.ppid === 'number')
    .map((row) => {
      const pid = row.pid as number;
      const info: ProcessInfo = {
        pid,
        ppid: row.ppid as number,
        pgid: null,
        startTime: typeof row.start === 'string' ? row.start : null,
        commandLine: typeof row.cmd === 'string' ? row.cmd : '',
        // The folder as Windows keeps it ends in one backslash, which only a drive's root keeps (C:\\).
        cwd: typeof row.cwd === 'string' && row.cwd !== '' ? row.cwd.replace(/(?<=[^:\\])\\$/, '') : null,
      };
      return withPorts ? { ...info, listeningPorts: ports.get(pid) ?? [] } : info;
    });
}

function portsByPid(listening: unknown): Map<number, number[]> {
  const ports = new Map<number, number[]>();
  // Stryker disable next-line ArrayDeclaration: equivalent, Stryker's text has no pid or port either
  for (const entry of Array.isArray(listening) ? (listening as Array<{ pid?: unknown; port?: unknown }>) : []) {
    if (typeof entry.pid !== 'number' || typeof entry.port !== 'number') continue;
    const list = ports.get(entry.pid) ?? [];
    if (!list.includes(entry.port)) list.push(entry.port);
    ports.set(entry.pid, list);
  }
  return ports;
}

async function query(options: WindowsQuery, run: RunSystemProgram): Promise<ProcessInfo[]> {
  const result = await run('powershell', powershellArgs(win32ProcessScript(options)), { timeoutMs: 60_000 });
  // The script always prints an object: silence means it never ran (a policy, a stub), not "no processes".
  if (result.code !== 0 || result.stdout.trim() === '') {
    throw new Error(`PowerShell could not list processes (exit ${String(result.code)}, ${String(result.stdout.length)} bytes).`);
  }
  return parseWin32ProcessJson(result.stdout, options.withPorts === true);
}

export function listWindowsProcesses(
  options: { withCwd: boolean; withPorts: boolean },
  run: RunSystemProgram = runSystemProgram,
): Promise<ProcessInfo[]> {
  return query(options, run);
}

export async function readWindowsProcess(pid: number, withCwd: boolean, run: RunSystemProgram = runSystemProgram): Promise<ProcessInfo | null> {
  // The query asks for that one process only.
  const [info] = await query({ pid, withCwd }, run);
  return info ?? null;
}
