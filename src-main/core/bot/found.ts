// Found mode: the bot was started elsewhere (a terminal, a scheduled task). We list the processes that work in
// the bot's folder, listen on its port, or name the folder on their command line; the owner ticks the ones to
// stop, and only those stop. Editors, terminals and interactive shells in the folder are never offered.
import { redactSecrets } from '../redact';
import { assertNotFilesystemRoot, commandLineMentionsFolder, isInsideFolder, resolveBotFolder } from './bot-folder';
import { mayServeTheBot, whyNotTheBot } from './not-the-bot';
import { listProcesses, ownLineage } from './process-table';
import { combineStopReports, UNSAFE_stopProcessTree } from './stop-process-tree';
import { DEFAULT_STOP_GRACE_MS, type FoundBotProcess, type ProcessInfo, type StopReport } from './types';

export interface FindOptions {
  knownSecrets?: readonly string[];
  /**
   * The TCP ports the bot listens on (from its .env or health URL). On Windows a process's folder can only be
   * read for the owner's own processes, so the port is what finds a bot started from an administrator prompt.
   */
  ports?: readonly number[];
}

/**
 * Processes that belong to the bot's folder, oldest parent first. This app and the programs that started it
 * (the terminal the CLI runs in, say) are never listed. Command lines are redacted.
 */
export async function findBotProcesses(folder: string, options: FindOptions = {}): Promise<FoundBotProcess[]> {
  const resolved = await resolveBotFolder(folder);
  assertNotFilesystemRoot(resolved);
  const ports = options.ports ?? [];
  const processes = await listProcesses({ withCwd: true, withPorts: ports.length > 0 });
  return selectBotProcesses(processes, { folder, resolved, ports }, { knownSecrets: options.knownSecrets });
}

export interface BotFolderTarget {
  /** The folder as the owner gave it (a mapped drive letter on Windows). */
  folder: string;
  /** The same folder as the OS resolves it. */
  resolved: string;
  ports: readonly number[];
}

/** The part of `findBotProcesses` that decides, on a process table from any OS. */
export function selectBotProcesses(
  processes: readonly ProcessInfo[],
  target: BotFolderTarget,
  options: { knownSecrets?: readonly string[]; selfPid?: number; platform?: NodeJS.Platform } = {},
): FoundBotProcess[] {
  const lineage = ownLineage(processes, options.selfPid);
  const byPid = new Map(processes.map((info) => [info.pid, info]));
  const found: FoundBotProcess[] = [];
  for (const info of processes) {
    if (lineage.has(info.pid)) continue;
    const matchedBy = howItBelongs(info, target, options.platform ?? process.platform);
    if (matchedBy === null || whyNotTheBot(info, byPid) !== null) continue;
    found.push({
      pid: info.pid,
      ppid: info.ppid,
      startTime: info.startTime,
      command: redactSecrets(info.commandLine, options.knownSecrets),
      cwd: info.cwd,
      matchedBy,
    });
  }
  return found.sort((a, b) => a.pid - b.pid);
}

function howItBelongs(info: ProcessInfo, target: BotFolderTarget, platform: NodeJS.Platform): FoundBotProcess['matchedBy'] | null {
  const { folder, resolved } = target;
  if (info.cwd !== null && (isInsideFolder(info.cwd, resolved, platform) || isInsideFolder(info.cwd, folder, platform))) return 'cwd';
  if (info.listeningPorts?.some((port) => target.ports.includes(port)) && mayServeTheBot(info)) return 'port';
  const named = commandLineMentionsFolder(info.commandLine, resolved, platform) || commandLineMentionsFolder(info.commandLine, folder, platform);
  return named ? 'command-line' : null;
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
  options: { graceMs?: number; ports?: readonly number[] } = {},
): Promise<FoundStopOutcome> {
  const current = new Map((await findBotProcesses(folder, { ports: options.ports })).map((info) => [info.pid, info]));
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
