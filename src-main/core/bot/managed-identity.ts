// Which running processes are the bot we started: the one we recorded (same PID and start time), or, once it
// is gone, what it left running. On POSIX those leftovers are in its process group; on Windows, where the
// app's exit ends the cmd.exe we started but not what cmd.exe started, they are its orphaned children, which
// keep naming its PID as their parent.
import { isInsideFolder } from './bot-folder';
import { listProcesses, readProcess, startedBefore, startTimeMs } from './process-table';
import type { ManagedProcessState, ProcessInfo } from './types';

export type ManagedProcesses =
  /** `roots` (each with everything below it) are ours and running. */
  | { kind: 'running'; roots: ProcessInfo[] }
  /** The recorded PID now belongs to another program, and nothing of ours is left. */
  | { kind: 'pid-reused' }
  | { kind: 'none' };

// A process counts as the one we just started when the OS says it began within this window around `startedAt`.
const STARTED_BEFORE_RECORD_MS = 2_000;
const STARTED_AFTER_RECORD_MS = 60_000;

/** Throws when the process table cannot be read: "I could not look" must never pass for "not running". */
export async function findManagedProcesses(state: ManagedProcessState, platform: NodeJS.Platform = process.platform): Promise<ManagedProcesses> {
  if (state.startTime === null && !state.awaitingStartTime) return { kind: 'none' };
  const now = await readProcess(state.pid);
  if (now && isRecordedProcess(now, state)) return { kind: 'running', roots: [now] };
  const leftovers = leftoversOf(state, now, await listProcesses({ withCwd: true }), platform);
  if (leftovers.length > 0) return { kind: 'running', roots: leftovers };
  return now ? { kind: 'pid-reused' } : { kind: 'none' };
}

export function isRecordedProcess(info: ProcessInfo, state: ManagedProcessState): boolean {
  if (state.startTime !== null) return info.startTime === state.startTime;
  if (!state.awaitingStartTime) return false;
  const started = startTimeMs(info.startTime);
  const recorded = Date.parse(state.startedAt);
  return started !== null && started >= recorded - STARTED_BEFORE_RECORD_MS && started <= recorded + STARTED_AFTER_RECORD_MS;
}

/**
 * What our first process left running, working in the bot's folder. `holder` is whatever has the recorded
 * PID now: on Windows a child of ours started before it, while a child of the newcomer started after it.
 */
export function leftoversOf(
  state: ManagedProcessState,
  holder: ProcessInfo | null,
  processes: readonly ProcessInfo[],
  platform: NodeJS.Platform,
): ProcessInfo[] {
  const inFolder = (info: ProcessInfo) => info.cwd !== null && isInsideFolder(info.cwd, state.cwd, platform);
  if (platform !== 'win32') {
    // While any member lives, the OS does not give the group's number to a new process.
    return holder ? [] : processes.filter((info) => info.pgid === state.pid && inFolder(info));
  }
  const ourStart = startTimeMs(state.startTime) ?? Date.parse(state.startedAt) - STARTED_BEFORE_RECORD_MS;
  return processes.filter((info) => {
    const started = startTimeMs(info.startTime);
    return (
      info.ppid === state.pid &&
      info.pid !== state.pid &&
      started !== null &&
      started >= ourStart &&
      (holder === null || startedBefore(info, holder)) &&
      inFolder(info)
    );
  });
}
