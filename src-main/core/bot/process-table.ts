// One view of the machine's processes on every OS, and the tree questions asked of it (descendants, identity).
import { listLinuxProcesses, readLinuxProcess } from './process-table-linux';
import { listMacProcesses, readMacProcess } from './process-table-macos';
import { listWindowsProcesses, readWindowsProcess } from './process-table-windows';
import type { ProcessInfo } from './types';

export interface ListOptions {
  /** Also find each process's working folder (slower on macOS; never available on Windows). */
  withCwd?: boolean;
}

export function listProcesses(options: ListOptions = {}): Promise<ProcessInfo[]> {
  const withCwd = options.withCwd ?? false;
  if (process.platform === 'win32') return listWindowsProcesses();
  if (process.platform === 'darwin') return listMacProcesses(withCwd);
  return listLinuxProcesses(withCwd);
}

/** One process, or null when it has exited. */
export function readProcess(pid: number, options: ListOptions = {}): Promise<ProcessInfo | null> {
  const withCwd = options.withCwd ?? false;
  if (process.platform === 'win32') return readWindowsProcess(pid);
  if (process.platform === 'darwin') return readMacProcess(pid, withCwd);
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
 * PID the bot now has; where start times are comparable (Windows' ISO times), a "child" older than its
 * parent is therefore not counted as one.
 */
export function processTree(rootPid: number, processes: readonly ProcessInfo[]): ProcessInfo[] {
  const children = new Map<number, ProcessInfo[]>();
  for (const info of processes) {
    if (info.pid === info.ppid) continue;
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

const ISO_TIME = /^\d{4}-\d{2}-\d{2}T/;

function startedBefore(child: ProcessInfo, parent: ProcessInfo): boolean {
  const [a, b] = [child.startTime, parent.startTime];
  return a !== null && b !== null && ISO_TIME.test(a) && ISO_TIME.test(b) && a < b;
}

/** This process and the ones that started it (the terminal, the shell, the app): never a bot to stop. */
export function ownLineage(processes: readonly ProcessInfo[], selfPid: number = process.pid): Set<number> {
  const byPid = new Map(processes.map((info) => [info.pid, info]));
  const lineage = new Set<number>();
  let current = byPid.get(selfPid);
  lineage.add(selfPid);
  while (current && !lineage.has(current.ppid) && current.ppid > 0) {
    lineage.add(current.ppid);
    current = byPid.get(current.ppid);
  }
  return lineage;
}
