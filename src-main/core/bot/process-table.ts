// One view of the machine's processes on every OS, and the tree questions asked of it (descendants, identity).
import { runSystemProgram, type RunSystemProgram } from './exec-text';
import { listLinuxProcesses, readLinuxProcess } from './process-table-linux';
import { listMacProcesses, readMacProcess } from './process-table-macos';
import { listWindowsProcesses, readWindowsProcess } from './process-table-windows';
import type { ProcessInfo } from './types';

export interface ListOptions {
  /** Also find each process's working folder (slower on macOS and Windows; only the owner's own processes). */
  withCwd?: boolean;
  /** Also find the TCP ports each process listens on. */
  withPorts?: boolean;
}

/** Every process on the machine. `platform` and `run` are for tests: which OS's table, and its programs' output. */
export function listProcesses(
  options: ListOptions = {},
  platform: NodeJS.Platform = process.platform,
  run: RunSystemProgram = runSystemProgram,
): Promise<ProcessInfo[]> {
  const chosen = { withCwd: options.withCwd ?? false, withPorts: options.withPorts ?? false };
  if (platform === 'win32') return listWindowsProcesses(chosen, run);
  if (platform === 'darwin') return listMacProcesses(chosen, run);
  return listLinuxProcesses(chosen);
}

/** One process, or null when it has exited. */
export function readProcess(
  pid: number,
  options: ListOptions = {},
  platform: NodeJS.Platform = process.platform,
  run: RunSystemProgram = runSystemProgram,
): Promise<ProcessInfo | null> {
  const withCwd = options.withCwd ?? false;
  if (platform === 'win32') return readWindowsProcess(pid, withCwd, run);
  if (platform === 'darwin') return readMacProcess(pid, withCwd, run);
  return readLinuxProcess(pid, withCwd);
}

/** The process's start-time identity, or null when no process has that PID now. */
export async function readStartTime(pid: number): Promise<string | null> {
  return (await readProcess(pid))?.startTime ?? null;
}

/** True while the very process we knew (same PID and same start time) is still running. */
export async function isSameProcessAlive(pid: number, startTime: string): Promise<boolean> {
  return (await readProcess(pid))?.startTime === startTime;
}

/**
 * `rootPid` and everything below it, parents before children, following each process's parent PID.
 * Windows never updates a parent PID when the parent dies, so a process can name a long-gone parent whose
 * PID the bot now has; a "child" that started before its parent is therefore not counted as one.
 */
export function processTree(rootPid: number, processes: readonly ProcessInfo[]): ProcessInfo[] {
  const children = new Map<number, ProcessInfo[]>();
  // A process that names itself as parent (Windows' idle process, PID 0) is skipped below as already seen.
  for (const info of processes) {
    const siblings = children.get(info.ppid) ?? [];
    siblings.push(info);
    children.set(info.ppid, siblings);
  }
  const root = processes.find((info) => info.pid === rootPid);
  if (!root) return [];
  const tree: ProcessInfo[] = [root];
  const seen = new Set([rootPid]);
  for (let i = 0; i < tree.length; i++) {
    const parent = tree[i]!;
    for (const child of children.get(parent.pid) ?? []) {
      if (seen.has(child.pid) || startedBefore(child, parent)) continue;
      seen.add(child.pid);
      tree.push(child);
    }
  }
  return tree;
}

/** Milliseconds since 1970 for the start times that are dates (Windows, macOS); null for Linux's tick counts. */
export function startTimeMs(startTime: string | null): number | null {
  // Stryker disable next-line StringLiteral: equivalent, any text without a date is refused alike
  if (!/^\d{4}-\d{2}-\d{2}T/.test(startTime ?? '')) return null;
  const ms = Date.parse(startTime!);
  return Number.isNaN(ms) ? null : ms;
}

/** True only when both times are known and `a` began strictly earlier than `b`. */
export function startedBefore(a: ProcessInfo, b: ProcessInfo): boolean {
  const [first, second] = [startTimeMs(a.startTime), startTimeMs(b.startTime)];
  // Stryker disable next-line ConditionalExpression: equivalent, null compares as 0, which no known start time is before
  return first !== null && second !== null && first < second;
}

/**
 * This process and the ones that started it (the terminal, the shell, the app): never a bot to stop. The walk
 * stops at a "parent" that started after its child: on Windows that PID was reused after the real parent died,
 * and the newcomer (perhaps the bot itself) is no ancestor of ours.
 */
export function ownLineage(processes: readonly ProcessInfo[], selfPid: number = process.pid): Set<number> {
  const byPid = new Map(processes.map((info) => [info.pid, info]));
  const lineage = new Set<number>([selfPid]);
  let current = byPid.get(selfPid);
  while (current && current.ppid > 0 && !lineage.has(current.ppid)) {
    const parent = byPid.get(current.ppid);
    if (parent && startedBefore(current, parent)) break;
    lineage.add(current.ppid);
    current = parent;
  }
  return lineage;
}
