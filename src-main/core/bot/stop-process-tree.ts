// Stops one process and everything it started: politely first, by force after a grace period.
// Every signal goes to a PID whose start time was just checked, so a PID the OS has since handed to
// another program is never hit. Nothing is ever chosen by name.
import { DoctorError } from '../errors';
import { runSystemProgram, type RunSystemProgram } from './exec-text';
import { assertPid } from './os-commands';
import { listProcesses, ownLineage, processTree } from './process-table';
import { taskkillTree } from './taskkill-tree';
import type { ProcessInfo, StopReport } from './types';

export interface StopTreeOptions {
  /** How long the tree gets to exit after the polite request before it is killed. */
  graceMs: number;
  /** The start time we recorded for `pid`: when the process there now started at another time, nothing is touched. */
  expectedStartTime?: string | null;
  /** We started `pid` detached, so it leads its own process group: the group also catches children not yet seen. */
  ownProcessGroup?: boolean;
  /** How long killed processes get to disappear before they are reported as survivors. */
  afterKillWaitMs?: number;
}

/**
 * What stopping a tree asks of the machine. The real one by default; the unit tests give a simulated machine,
 * which also runs the Windows branch (taskkill) that only Windows can run for real.
 */
export interface ProcessControl {
  platform: NodeJS.Platform;
  /** This app: it and the processes that started it are never stopped. */
  selfPid: number;
  listProcesses(): Promise<ProcessInfo[]>;
  /** As process.kill: throws ESRCH for a process that is gone, EPERM for one we may not signal. */
  kill(target: number, signal: NodeJS.Signals): void;
  /** Runs taskkill on Windows. */
  run: RunSystemProgram;
}

// Not run by `npm run mutation`: the real stops are test/integration/bot/stop-tree.test.ts, left out of it because
// under a mutant they could signal any process on the machine.
// Stryker disable all: not run in the mutation run (see above)
export const MACHINE_PROCESS_CONTROL: ProcessControl = {
  platform: process.platform,
  selfPid: process.pid,
  listProcesses: () => listProcesses(),
  kill: (target, signal) => {
    process.kill(target, signal);
  },
  run: runSystemProgram,
};
// Stryker restore all

const POLL_MS = 50;
const AFTER_KILL_WAIT_MS = 3_000;

/**
 * DANGER: ends processes. Stops `pid` and all its descendants (SIGTERM, then SIGKILL after `graceMs`;
 * on Windows `taskkill /T`, then `/T /F`, naming each verified PID instead of /T when /T would reach
 * further). Throws `bot_process_changed` when `expectedStartTime` is given and the PID now belongs to
 * another process, and a RangeError for this app or a process that started it. A PID already gone gives
 * an empty report.
 */
export async function UNSAFE_stopProcessTree(
  pid: number,
  options: StopTreeOptions,
  machine: ProcessControl = MACHINE_PROCESS_CONTROL,
): Promise<StopReport> {
  assertPid(pid);
  const snapshot = await machine.listProcesses();
  const root = snapshot.find((info) => info.pid === pid);
  if (!root) return { terminated: [], forceKilled: [], survivors: [] };
  if (options.expectedStartTime != null && root.startTime !== options.expectedStartTime) {
    throw new DoctorError(
      'bot_process_changed',
      { key: 'bot:errors.processChanged', params: { pid } },
      `PID ${String(pid)} now belongs to a process that started at another time; it was left alone.`,
    );
  }
  const protectedPids = ownLineage(snapshot, machine.selfPid);
  // Our own ancestors' trees hold this app and everything else they started: never a bot to stop.
  if (protectedPids.has(pid)) throw new RangeError(`Refusing to stop PID ${String(pid)}: it is this app or started it.`);
  // A group signal reaches every process in the group: never one that holds this app or what started it.
  const useGroup =
    options.ownProcessGroup === true && root.pgid === pid && !snapshot.some((info) => info.pgid === pid && protectedPids.has(info.pid));
  // Stryker disable next-line MethodExpression: equivalent, defence in depth: a member in our lineage would put the root in it (refused above), and a group holding it is not used
  const members = treeMembers(pid, snapshot, useGroup).filter((info) => !protectedPids.has(info.pid));

  await askToExit(machine, root, members, useGroup);
  const stillRunning = await waitUntilGone(machine, members, options.graceMs);
  // Stryker disable next-line ConditionalExpression: equivalent when false, the forced step with nobody left reports the same
  if (stillRunning.length === 0) return { terminated: members.map((m) => m.pid), forceKilled: [], survivors: [] };

  // Survivors may have started new children during the grace period; those are part of the tree too.
  const fresh = await machine.listProcesses();
  const survivorPids = new Set(stillRunning.map((info) => info.pid));
  // Stryker disable next-line MethodExpression: equivalent, defence in depth as for the members: our lineage never becomes a survivor's descendant
  const forced = uniqueByPid(
    stillRunning
      .filter((survivor) => isSameIn(survivor, fresh))
      .flatMap((survivor) => treeMembers(survivor.pid, fresh, useGroup && survivor.pid === pid)),
  ).filter((info) => !protectedPids.has(info.pid));
  await forceExit(machine, root, forced, fresh, useGroup);
  const survivors = await waitUntilGone(machine, forced, options.afterKillWaitMs ?? AFTER_KILL_WAIT_MS);
  const survivorSet = new Set(survivors.map((info) => info.pid));
  return {
    terminated: members.filter((m) => !survivorPids.has(m.pid)).map((m) => m.pid),
    forceKilled: forced.filter((m) => !survivorSet.has(m.pid)).map((m) => m.pid),
    survivors: [...survivorSet],
  };
}

/** Several stops as one report (found mode stops each confirmed process in turn). */
export function combineStopReports(parts: readonly StopReport[]): StopReport {
  return {
    terminated: parts.flatMap((part) => part.terminated),
    forceKilled: parts.flatMap((part) => part.forceKilled),
    survivors: parts.flatMap((part) => part.survivors),
  };
}

function treeMembers(pid: number, processes: readonly ProcessInfo[], withGroup: boolean): ProcessInfo[] {
  const tree = processTree(pid, processes);
  if (!withGroup) return tree;
  const groupRoots = processes.filter((info) => info.pgid === pid);
  return uniqueByPid([...tree, ...groupRoots.flatMap((info) => processTree(info.pid, processes))]);
}

async function askToExit(machine: ProcessControl, root: ProcessInfo, members: readonly ProcessInfo[], useGroup: boolean): Promise<void> {
  const now = await machine.listProcesses();
  if (machine.platform === 'win32') {
    // Without /F, taskkill asks windows to close; console programs usually need the forced step.
    await taskkillTree(root.pid, members.filter((member) => isSameIn(member, now)), now, false, machine.run);
    return;
  }
  if (useGroup && isSameIn(root, now)) sendSignal(machine, -root.pid, 'SIGTERM');
  for (const member of members) if (isSameIn(member, now)) sendSignal(machine, member.pid, 'SIGTERM');
}

async function forceExit(
  machine: ProcessControl,
  root: ProcessInfo,
  targets: readonly ProcessInfo[],
  now: readonly ProcessInfo[],
  useGroup: boolean,
): Promise<void> {
  if (machine.platform === 'win32') {
    // Each top-most survivor with its verified subtree; a child whose parent is gone is its own top.
    const targetPids = new Set(targets.map((info) => info.pid));
    for (const top of targets.filter((target) => !targetPids.has(target.ppid))) {
      // Stryker disable next-line MethodExpression: equivalent, defence in depth: each top's tree is among the targets already
      const subtree = processTree(top.pid, now).filter((info) => targetPids.has(info.pid));
      await taskkillTree(top.pid, subtree, now, true, machine.run);
    }
    return;
  }
  if (useGroup && isSameIn(root, now)) sendSignal(machine, -root.pid, 'SIGKILL');
  for (const target of targets) sendSignal(machine, target.pid, 'SIGKILL');
}

/** Polls until none of `members` runs any more (same PID and start time) or `timeoutMs` passed; returns the rest. */
async function waitUntilGone(machine: ProcessControl, members: readonly ProcessInfo[], timeoutMs: number): Promise<ProcessInfo[]> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const now = await machine.listProcesses();
    const running = members.filter((member) => isSameIn(member, now));
    // Stryker disable next-line EqualityOperator: equivalent, one millisecond later
    if (running.length === 0 || Date.now() >= deadline) return running;
    // Stryker disable next-line MethodExpression,ArithmeticOperator: equivalent, only how long each pause is: the deadline is checked after every poll
    await new Promise((resolve) => setTimeout(resolve, Math.min(POLL_MS, Math.max(0, deadline - Date.now()))));
  }
}

function isSameIn(member: ProcessInfo, processes: readonly ProcessInfo[]): boolean {
  return processes.some((info) => info.pid === member.pid && info.startTime === member.startTime);
}

function sendSignal(machine: ProcessControl, target: number, signal: NodeJS.Signals): void {
  try {
    machine.kill(target, signal);
  } catch (error) {
    // ESRCH: gone in the meantime, as wanted. EPERM (another user's process): it stays, and the report's
    // survivors say so rather than an exception halfway through the tree.
    const code = (error as NodeJS.ErrnoException).code;
    if (code !== 'ESRCH' && code !== 'EPERM') throw error;
  }
}

function uniqueByPid(processes: readonly ProcessInfo[]): ProcessInfo[] {
  return [...new Map(processes.map((info) => [info.pid, info])).values()];
}
