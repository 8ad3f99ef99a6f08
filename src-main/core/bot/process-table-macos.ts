// The macOS process table through `ps` (parent, group, start time, command line) and `lsof` (working folder,
// listening ports).
import { systemProgramPath } from '../system-programs';
import { execText } from './exec-text';
import type { ProcessInfo } from './types';

const PS_COLUMNS = 'pid=,ppid=,pgid=,stat=,lstart=,command=';
// lstart is always "Www Mmm dd hh:mm:ss yyyy" under LC_ALL=C.
const PS_LINE = /^\s*(\d+)\s+(\d+)\s+(\d+)\s+(\S+)\s+\w{3}\s+(\w{3})\s+(\d{1,2})\s+(\d{2}:\d{2}:\d{2})\s+(\d{4})\s*(.*)$/;
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/**
 * ps prints start times in the machine's time zone; read in UTC they stay the same after a time-zone change
 * (travel, daylight saving), which would otherwise look like a reused PID.
 */
export const PS_ENV: NodeJS.ProcessEnv = { TZ: 'UTC' };

export function psListArgs(): string[] {
  return ['-axww', '-o', PS_COLUMNS];
}

export function psOneArgs(pid: number): string[] {
  return ['-ww', '-o', PS_COLUMNS, '-p', String(pid)];
}

export function lsofCwdArgs(pid?: number): string[] {
  return ['-a', '-d', 'cwd', '-n', '-P', '-F', 'pn', ...(pid === undefined ? [] : ['-p', String(pid)])];
}

export function lsofListenArgs(): string[] {
  return ['-a', '-iTCP', '-sTCP:LISTEN', '-n', '-P', '-F', 'pn'];
}

/** Parses `ps -o pid=,ppid=,pgid=,stat=,lstart=,command=` run with TZ=UTC; zombies (stat Z) count as gone. */
export function parsePsOutput(text: string): ProcessInfo[] {
  const processes: ProcessInfo[] = [];
  for (const line of text.split('\n')) {
    const match = PS_LINE.exec(line);
    if (!match) continue;
    const [, pid, ppid, pgid, stat, month, day, time, year, command] = match;
    if (stat?.startsWith('Z')) continue;
    const monthNumber = String(MONTHS.indexOf(month ?? '') + 1).padStart(2, '0');
    processes.push({
      pid: Number(pid),
      ppid: Number(ppid),
      pgid: Number(pgid),
      startTime: `${year}-${monthNumber}-${(day ?? '').padStart(2, '0')}T${time}Z`,
      commandLine: command ?? '',
      cwd: null,
    });
  }
  return processes;
}

/** Parses lsof's field output: a `p<pid>` line, then `n<name>` lines for its files (a folder, or `*:5000`). */
export function parseLsofNames(text: string): Map<number, string[]> {
  const names = new Map<number, string[]>();
  let pid: number | null = null;
  for (const line of text.split('\n')) {
    if (line.startsWith('p')) pid = Number(line.slice(1));
    else if (line.startsWith('n') && pid !== null) names.set(pid, [...(names.get(pid) ?? []), line.slice(1)]);
  }
  return names;
}

/** `lsof -F pn -d cwd`: each process's working folder. */
export function parseLsofCwd(text: string): Map<number, string> {
  return new Map([...parseLsofNames(text)].map(([pid, [folder]]) => [pid, folder ?? '']));
}

/** `lsof -iTCP -sTCP:LISTEN -F pn`: the ports each process listens on (`*:5000`, `127.0.0.1:8000`, `[::1]:3000`). */
export function parseLsofListen(text: string): Map<number, number[]> {
  const ports = new Map<number, number[]>();
  for (const [pid, names] of parseLsofNames(text)) {
    const list = [...new Set(names.map((name) => Number(/:(\d+)$/.exec(name)?.[1])).filter((port) => port > 0))];
    ports.set(pid, list);
  }
  return ports;
}

async function decorate(processes: ProcessInfo[], options: { withCwd: boolean; withPorts: boolean }, pid?: number): Promise<ProcessInfo[]> {
  // lsof exits 1 when some processes could not be read (other users'); what it did print is still right.
  const lsof = systemProgramPath('lsof', 'darwin');
  const [cwds, ports] = await Promise.all([
    options.withCwd ? execText(lsof, lsofCwdArgs(pid)).then((result) => parseLsofCwd(result.stdout)) : null,
    options.withPorts ? execText(lsof, lsofListenArgs()).then((result) => parseLsofListen(result.stdout)) : null,
  ]);
  return processes.map((info) => ({
    ...info,
    cwd: cwds?.get(info.pid) ?? null,
    ...(ports ? { listeningPorts: ports.get(info.pid) ?? [] } : {}),
  }));
}

function ps(args: string[]): Promise<ProcessInfo[]> {
  return execText(systemProgramPath('ps', 'darwin'), args, { env: PS_ENV }).then((result) => parsePsOutput(result.stdout));
}

export async function listMacProcesses(options: { withCwd: boolean; withPorts: boolean }): Promise<ProcessInfo[]> {
  return decorate(await ps(psListArgs()), options);
}

export async function readMacProcess(pid: number, withCwd: boolean): Promise<ProcessInfo | null> {
  const [info] = (await ps(psOneArgs(pid))).filter((p) => p.pid === pid);
  if (!info) return null;
  return (await decorate([info], { withCwd, withPorts: false }, pid))[0] ?? null;
}
