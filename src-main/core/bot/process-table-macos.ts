// The macOS process table through `ps` (parent, group, start time, command line) and `lsof` (working folder,
// listening ports).
import { runSystemProgram, type RunSystemProgram } from './exec-text';
import type { ProcessInfo } from './types';

const PS_COLUMNS = 'pid=,ppid=,pgid=,stat=,lstart=,command=';
// lstart is always "Www Mmm dd hh:mm:ss yyyy" under LC_ALL=C (ctime's format: one space apart, the day padded to
// two characters); the other columns are padded to their width.
const PS_LINE = /^\s*(\d+)\s+(\d+)\s+(\d+)\s+(\S+)\s+\w{3} (\w{3}) +(\d{1,2}) (\d{2}:\d{2}:\d{2}) (\d{4}) *(.*)/;
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
    // Every group of PS_LINE takes part in a match.
    const [pid, ppid, pgid, stat, month, day, time, year, command] = match.slice(1) as string[];
    if (stat!.startsWith('Z')) continue;
    const monthNumber = String(MONTHS.indexOf(month!) + 1).padStart(2, '0');
    processes.push({
      pid: Number(pid),
      ppid: Number(ppid),
      pgid: Number(pgid),
      startTime: `${year!}-${monthNumber}-${day!.padStart(2, '0')}T${time!}Z`,
      commandLine: command!,
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

/** `lsof -F pn -d cwd`: each process's working folder (a process is listed only with a name line). */
export function parseLsofCwd(text: string): Map<number, string> {
  return new Map([...parseLsofNames(text)].map(([pid, names]) => [pid, names[0]!]));
}

/** `lsof -iTCP -sTCP:LISTEN -F pn`: the ports each process listens on (`*:5000`, `127.0.0.1:8000`, `[::1]:3000`). */
export function parseLsofListen(text: string): Map<number, number[]> {
  const ports = new Map<number, number[]>();
  for (const [pid, names] of parseLsofNames(text)) {
    const numbers = names.flatMap((name) => /:(\d+)$/.exec(name)?.slice(1) ?? []).map(Number);
    ports.set(pid, [...new Set(numbers)]);
  }
  return ports;
}

async function decorate(
  processes: ProcessInfo[],
  options: { withCwd: boolean; withPorts: boolean },
  run: RunSystemProgram,
  pid?: number,
): Promise<ProcessInfo[]> {
  // lsof exits 1 when some processes could not be read (other users'); what it did print is still right.
  const [cwds, ports] = await Promise.all([
    options.withCwd ? run('lsof', lsofCwdArgs(pid)).then((result) => parseLsofCwd(result.stdout)) : null,
    options.withPorts ? run('lsof', lsofListenArgs()).then((result) => parseLsofListen(result.stdout)) : null,
  ]);
  return processes.map((info) => ({
    ...info,
    cwd: cwds?.get(info.pid) ?? null,
    ...(ports ? { listeningPorts: ports.get(info.pid) ?? [] } : {}),
  }));
}

function ps(args: string[], run: RunSystemProgram): Promise<ProcessInfo[]> {
  return run('ps', args, { env: PS_ENV }).then((result) => parsePsOutput(result.stdout));
}

export async function listMacProcesses(
  options: { withCwd: boolean; withPorts: boolean },
  run: RunSystemProgram = runSystemProgram,
): Promise<ProcessInfo[]> {
  return decorate(await ps(psListArgs(), run), options, run);
}

export async function readMacProcess(pid: number, withCwd: boolean, run: RunSystemProgram = runSystemProgram): Promise<ProcessInfo | null> {
  const [info] = await ps(psOneArgs(pid), run);
  if (!info) return null;
  return (await decorate([info], { withCwd, withPorts: false }, run, pid))[0] ?? null;
}
