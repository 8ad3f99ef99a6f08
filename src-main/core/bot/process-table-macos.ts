// The macOS process table through `ps` (parent, group, start time, command line) and `lsof` (working folder).
import { execText } from './exec-text';
import type { ProcessInfo } from './types';

const PS_COLUMNS = 'pid=,ppid=,pgid=,stat=,lstart=,command=';
// lstart is always "Www Mmm dd hh:mm:ss yyyy" under LC_ALL=C; it doubles as the start-time identity.
const PS_LINE = /^\s*(\d+)\s+(\d+)\s+(\d+)\s+(\S+)\s+(\w{3}\s+\w{3}\s+\d{1,2}\s+\d{2}:\d{2}:\d{2}\s+\d{4})\s*(.*)$/;

export function psListArgs(): string[] {
  return ['-axww', '-o', PS_COLUMNS];
}

export function psOneArgs(pid: number): string[] {
  return ['-ww', '-o', PS_COLUMNS, '-p', String(pid)];
}

export function lsofCwdArgs(pid?: number): string[] {
  return ['-a', '-d', 'cwd', '-n', '-P', '-F', 'pn', ...(pid === undefined ? [] : ['-p', String(pid)])];
}

/** Parses `ps -o pid=,ppid=,pgid=,stat=,lstart=,command=`; zombies (stat Z) count as gone. */
export function parsePsOutput(text: string): ProcessInfo[] {
  const processes: ProcessInfo[] = [];
  for (const line of text.split('\n')) {
    const match = PS_LINE.exec(line);
    if (!match) continue;
    const [, pid, ppid, pgid, stat, lstart, command] = match;
    if (stat?.startsWith('Z')) continue;
    processes.push({
      pid: Number(pid),
      ppid: Number(ppid),
      pgid: Number(pgid),
      startTime: (lstart ?? '').replace(/\s+/g, ' '),
      commandLine: command ?? '',
      cwd: null,
    });
  }
  return processes;
}

/** Parses `lsof -F pn -d cwd`: a `p<pid>` line, then `n<path>` for its working folder. */
export function parseLsofCwd(text: string): Map<number, string> {
  const cwds = new Map<number, string>();
  let pid: number | null = null;
  for (const line of text.split('\n')) {
    if (line.startsWith('p')) pid = Number(line.slice(1));
    else if (line.startsWith('n') && pid !== null) cwds.set(pid, line.slice(1));
  }
  return cwds;
}

async function withCwds(processes: ProcessInfo[], pid?: number): Promise<ProcessInfo[]> {
  // lsof exits 1 when some processes could not be read (other users'); what it did print is still right.
  const lsof = await execText('lsof', lsofCwdArgs(pid));
  const cwds = parseLsofCwd(lsof.stdout);
  return processes.map((info) => ({ ...info, cwd: cwds.get(info.pid) ?? null }));
}

export async function listMacProcesses(withCwd: boolean): Promise<ProcessInfo[]> {
  const processes = parsePsOutput((await execText('ps', psListArgs())).stdout);
  return withCwd ? withCwds(processes) : processes;
}

export async function readMacProcess(pid: number, withCwd: boolean): Promise<ProcessInfo | null> {
  const [info] = parsePsOutput((await execText('ps', psOneArgs(pid))).stdout).filter((p) => p.pid === pid);
  if (!info) return null;
  return withCwd ? ((await withCwds([info], pid))[0] ?? null) : info;
}
