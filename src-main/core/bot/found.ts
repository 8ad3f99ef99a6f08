// Found mode: the bot was started elsewhere (a terminal, a scheduled task). We list the processes that work in
// the bot's folder or name it on their command line, the owner ticks the ones to stop, and only those stop.
import { redactSecrets } from '../redact';
import { assertNotFilesystemRoot, commandLineMentionsFolder, isInsideFolder, resolveBotFolder } from './bot-folder';
import { listProcesses, ownLineage } from './process-table';
import { combineStopReports, UNSAFE_stopProcessTree } from './stop-process-tree';
import { DEFAULT_STOP_GRACE_MS, type FoundBotProcess, type StopReport } from './types';

/**
 * Processes that belong to the bot's folder, oldest parent first. This app and the programs that started it
 * (the terminal the CLI runs in, say) are never listed. Command lines are redacted.
 */
export async function findBotProcesses(
  folder: string,
  options: { knownSecrets?: readonly string[] } = {},
): Promise<FoundBotProcess[]> {
  const resolved = await resolveBotFolder(folder);
  assertNotFilesystemRoot(resolved);
  const processes = await listProcesses({ withCwd: true });
  const lineage = ownLineage(processes);
  const found: FoundBotProcess[] = [];
  for (const info of processes) {
    if (lineage.has(info.pid)) continue;
    const byCwd = info.cwd !== null && isInsideFolder(info.cwd, resolved);
    const byCommand = !byCwd && (commandLineMentionsFolder(info.commandLine, resolved) || commandLineMentionsFolder(info.commandLine, folder));
    if (!byCwd && !byCommand) continue;
    found.push({
      pid: info.pid,
      ppid: info.ppid,
      startTime: info.startTime,
      command: redactSecrets(info.commandLine, options.knownSecrets),
      cwd: info.cwd,
      matchedBy: byCwd ? 'cwd' : 'command-line',
    });
  }
  return found.sort((a, b) => a.pid - b.pid);
}

/** A PID the owner ticked; with the start time they saw, a PID reused since the list was shown is refused too. */
export type ConfirmedProcess = number | { pid: number; startTime: string | null };

export interface FoundStopOutcome {
  report: StopReport;
  /** Confirmed PIDs that no longer belong to the bot's folder (exited, or reused by another program): untouched. */
  skipped: number[];
}

/**
 * DANGER: ends processes. Stops each confirmed process with everything it started, but only if it still
 * belongs to the bot's folder right now (and, when given, still has the start time the owner saw).
 */
export async function UNSAFE_stopFoundProcesses(
  folder: string,
  confirmed: readonly ConfirmedProcess[],
  options: { graceMs?: number } = {},
): Promise<FoundStopOutcome> {
  const current = new Map((await findBotProcesses(folder)).map((info) => [info.pid, info]));
  const parts: StopReport[] = [];
  const skipped: number[] = [];
  for (const choice of confirmed) {
    const pid = typeof choice === 'number' ? choice : choice.pid;
    const seen = current.get(pid);
    const sameAsShown = typeof choice === 'number' || choice.startTime === null || choice.startTime === seen?.startTime;
    if (!seen || !sameAsShown) {
      skipped.push(pid);
      continue;
    }
    // A confirmed child of an earlier confirmed process is already gone by now: an empty report, not an error.
    parts.push(
      await UNSAFE_stopProcessTree(pid, {
        graceMs: options.graceMs ?? DEFAULT_STOP_GRACE_MS,
        expectedStartTime: seen.startTime,
      }),
    );
  }
  return { report: combineStopReports(parts), skipped };
}
