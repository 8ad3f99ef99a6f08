// Managed mode: the app starts the bot's command itself, detached, in the bot's folder, with its output in a
// log file, and remembers PID + start time so a later stop can never hit a process that merely reused the PID.
import { spawn } from 'node:child_process';
import { DoctorError } from '../errors';
import { dataHome } from '../paths';
import { redactSecrets } from '../redact';
import { botEnvironment } from './bot-environment';
import { botLogFile, clearManagedState, readManagedState, writeManagedState } from './bot-files';
import { DEFAULT_LOG_CAP_BYTES, openLogForRun } from './bot-log';
import { shellSpawnSpec } from './os-commands';
import { isInsideFolder, resolveBotFolder } from './bot-folder';
import { listProcesses, readProcess, readStartTime } from './process-table';
import { combineStopReports, UNSAFE_stopProcessTree } from './stop-process-tree';
import { DEFAULT_STOP_GRACE_MS, type ExitInfo, type ManagedProcessState, type StopReport } from './types';

export interface StartManagedOptions {
  botId: string;
  command: string;
  cwd: string;
  dataHome?: string;
  /** The bot's whole environment, from `botEnvironment` (default: ours without our own settings and secrets). */
  env?: NodeJS.ProcessEnv;
  logCapBytes?: number;
}

export interface ManagedStart {
  state: ManagedProcessState;
  /** Settles when the started process exits (while this app is running). */
  exited: Promise<ExitInfo>;
}

/** Starts the bot detached. Throws `bot_already_running` when our earlier run is still alive. */
export async function startManagedBot(options: StartManagedOptions): Promise<ManagedStart> {
  const home = options.dataHome ?? dataHome();
  const cwd = await resolveBotFolder(options.cwd);
  const previous = await readManagedState(options.botId, home);
  if (previous?.startTime && (await readStartTime(previous.pid)) === previous.startTime) {
    throw new DoctorError(
      'bot_already_running',
      { key: 'bot:errors.alreadyRunning', params: { pid: previous.pid } },
      `The bot we started earlier (PID ${String(previous.pid)}) is still running.`,
    );
  }
  const logFile = botLogFile(options.botId, home);
  const startedAt = new Date().toISOString();
  const header = `--- ${startedAt} start: ${redactSecrets(options.command)} (in ${cwd}) ---`;
  const log = await openLogForRun(logFile, header, options.logCapBytes ?? DEFAULT_LOG_CAP_BYTES);
  let child;
  try {
    const spec = shellSpawnSpec(options.command);
    child = spawn(spec.file, spec.args, {
      cwd,
      env: options.env ?? botEnvironment(),
      // Detached: its own process group (POSIX) so the whole tree can be stopped, and it outlives the app.
      detached: true,
      stdio: ['ignore', log.handle.fd, log.handle.fd],
      windowsHide: true,
      windowsVerbatimArguments: spec.windowsVerbatimArguments,
    });
    await new Promise<void>((resolve, reject) => {
      child!.once('spawn', resolve);
      child!.once('error', reject);
    });
  } catch (error) {
    throw new DoctorError(
      'bot_start_failed',
      { key: 'bot:errors.startFailed', params: { folder: cwd } },
      `Could not start the bot's command in ${cwd}: ${redactSecrets((error as Error).message)}`,
      { cause: error },
    );
  } finally {
    await log.handle.close();
  }
  const pid = child.pid!;
  const exited = new Promise<ExitInfo>((resolve) => {
    child.once('exit', (code, signal) => resolve({ code, signal }));
  });
  child.unref();
  const state: ManagedProcessState = {
    pid,
    startTime: await readStartTime(pid),
    command: options.command,
    cwd,
    startedAt,
    logFile,
    logOffset: log.offset,
  };
  await writeManagedState(options.botId, state, home);
  return { state, exited };
}

export type ManagedStopOutcome =
  | { kind: 'stopped'; report: StopReport }
  /** Nothing of ours was running. */
  | { kind: 'not-running' }
  /** The recorded PID now belongs to another program, which was left alone. */
  | { kind: 'pid-reused'; pid: number };

/** Stops the bot we started (its whole tree), and forgets it. */
export async function stopManagedBot(
  botId: string,
  options: { dataHome?: string; graceMs?: number } = {},
): Promise<ManagedStopOutcome> {
  const home = options.dataHome ?? dataHome();
  const graceMs = options.graceMs ?? DEFAULT_STOP_GRACE_MS;
  const state = await readManagedState(botId, home);
  if (!state?.startTime) {
    await clearManagedState(botId, home);
    return { kind: 'not-running' };
  }
  const now = await readProcess(state.pid);
  let outcome: ManagedStopOutcome;
  if (now && now.startTime === state.startTime) {
    const report = await UNSAFE_stopProcessTree(state.pid, {
      graceMs,
      expectedStartTime: state.startTime,
      ownProcessGroup: true,
    });
    outcome = { kind: 'stopped', report };
  } else if (now) {
    outcome = { kind: 'pid-reused', pid: state.pid };
  } else {
    outcome = await stopLeftoversOfGroup(state, graceMs);
  }
  if (outcome.kind === 'stopped' && outcome.report.survivors.length > 0) return outcome;
  await clearManagedState(botId, home);
  return outcome;
}

/** True while the process we started for this bot is still running. */
export async function isManagedBotRunning(botId: string, options: { dataHome?: string } = {}): Promise<boolean> {
  const state = await readManagedState(botId, options.dataHome ?? dataHome());
  return Boolean(state?.startTime) && (await readStartTime(state!.pid)) === state!.startTime;
}

/**
 * The bot's first process is gone but some of its children may still hold the port (someone ended only
 * `npm`, say). They are in its process group. While any of them lives, the OS does not give the group's
 * number to a new process, and since no process has that PID now, the group is still ours. To be sure,
 * only members working in the bot's folder are stopped.
 */
async function stopLeftoversOfGroup(state: ManagedProcessState, graceMs: number): Promise<ManagedStopOutcome> {
  if (process.platform === 'win32') return { kind: 'not-running' };
  const processes = await listProcesses({ withCwd: true });
  const leftovers = processes.filter(
    (info) => info.pgid === state.pid && info.cwd !== null && isInsideFolder(info.cwd, state.cwd),
  );
  if (leftovers.length === 0) return { kind: 'not-running' };
  const parts: StopReport[] = [];
  for (const leftover of leftovers) {
    parts.push(await UNSAFE_stopProcessTree(leftover.pid, { graceMs, expectedStartTime: leftover.startTime }));
  }
  return { kind: 'stopped', report: combineStopReports(parts) };
}
