// Managed mode: the app starts the bot's command itself, in the bot's folder, with its output in a log file, and
// remembers PID + start time so a later stop can never hit a process that merely reused the PID.
import { spawn, type ChildProcess } from 'node:child_process';
import { DoctorError } from '../errors';
import { dataHome } from '../paths';
import { redactSecrets } from '../redact';
import { botLogFile, clearManagedState, readManagedState, writeManagedState } from './bot-files';
import { DEFAULT_LOG_CAP_BYTES, openLogForRun } from './bot-log';
import { botEnvironment } from './bot-environment';
import { withReadableOutput } from './bot-output-env';
import { commandForShell } from './command-shell';
import { withLoginShellPath } from './login-shell-path';
import { botSpawnSpec } from './os-commands';
import { resolveBotFolder } from './bot-folder';
import { findManagedProcesses, type ManagedProcesses } from './managed-identity';
import { readStartTime } from './process-table';
import { combineStopReports, UNSAFE_stopProcessTree } from './stop-process-tree';
import { DEFAULT_COMMAND_SHELL, DEFAULT_STOP_GRACE_MS, type CommandShell, type ExitInfo, type ManagedProcessState, type StopReport } from './types';

export interface StartManagedOptions {
  botId: string;
  command: string;
  /** Windows: the shell the owner chose for the command (cmd.exe when not said); elsewhere /bin/sh regardless. */
  shell?: CommandShell;
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

/** Starts the bot in the background. Throws `bot_already_running` when our earlier run is still alive. */
export async function startManagedBot(options: StartManagedOptions): Promise<ManagedStart> {
  const home = options.dataHome ?? dataHome();
  const cwd = await resolveBotFolder(options.cwd);
  const previous = await readManagedState(options.botId, home);
  if (previous && (await findManagedProcesses(previous)).kind === 'running') {
    throw new DoctorError(
      'bot_already_running',
      { key: 'bot:errors.alreadyRunning', params: { pid: previous.pid } },
      `The bot we started earlier (PID ${String(previous.pid)}) is still running.`,
    );
  }
  const logFile = botLogFile(options.botId, home);
  const startedAt = new Date().toISOString();
  const inPowerShell = process.platform === 'win32' && options.shell === 'powershell';
  const header = `--- ${startedAt} start: ${redactSecrets(options.command)} (in ${cwd}${inPowerShell ? ', PowerShell' : ''}) ---`;
  const log = await openLogForRun(logFile, header, options.logCapBytes ?? DEFAULT_LOG_CAP_BYTES);
  const record = { command: options.command, cwd, startedAt, logFile, logOffset: log.offset };
  let child: ChildProcess;
  let exited: Promise<ExitInfo>;
  try {
    ({ child, exited } = await spawnBot(options, cwd, logFile, log.handle.fd));
    // Recorded before anything else can fail: a bot we started but forgot would be started a second time.
    await writeManagedState(options.botId, { ...record, pid: child.pid!, startTime: null, awaitingStartTime: true }, home).catch(
      (error: unknown) => {
        child.kill();
        throw error;
      },
    );
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
  child.unref();
  // If the process table cannot be read now (PowerShell failing), the record stays "awaiting" and the start
  // time is matched later against `startedAt`.
  const startTime = await readStartTime(pid).catch(() => undefined);
  const state: ManagedProcessState =
    startTime === undefined ? { ...record, pid, startTime: null, awaitingStartTime: true } : { ...record, pid, startTime };
  await writeManagedState(options.botId, state, home);
  return { state, exited };
}

async function spawnBot(
  options: StartManagedOptions,
  cwd: string,
  logFile: string,
  logFd: number,
): Promise<{ child: ChildProcess; exited: Promise<ExitInfo> }> {
  const spec = botSpawnSpec(commandForShell(options.command, options.shell ?? DEFAULT_COMMAND_SHELL), cwd, logFile);
  const output = spec.shellWritesLog ? 'ignore' : logFd;
  const child = spawn(spec.file, spec.args, {
    cwd: spec.cwd,
    env: withReadableOutput(await withLoginShellPath(options.env ?? botEnvironment())),
    // POSIX: its own process group, so the whole tree can be stopped, and it outlives the app.
    detached: spec.detached,
    stdio: ['ignore', output, output],
    windowsHide: true,
    windowsVerbatimArguments: spec.windowsVerbatimArguments,
  });
  // Listened for at once: a command that ends quickly (`pm2 restart bot`) may exit before the next await is over.
  const exited = new Promise<ExitInfo>((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
  await new Promise<void>((resolve, reject) => {
    child.once('spawn', resolve);
    child.once('error', reject);
  });
  return { child, exited };
}

export type ManagedStopOutcome =
  | { kind: 'stopped'; report: StopReport }
  /** Nothing of ours was running. */
  | { kind: 'not-running' }
  /** The recorded PID now belongs to another program, which was left alone. */
  | { kind: 'pid-reused'; pid: number };

/** Stops the bot we started (its whole tree, or what is left of it), and forgets it. */
export async function stopManagedBot(
  botId: string,
  options: { dataHome?: string; graceMs?: number } = {},
): Promise<ManagedStopOutcome> {
  const home = options.dataHome ?? dataHome();
  const graceMs = options.graceMs ?? DEFAULT_STOP_GRACE_MS;
  const state = await readManagedState(botId, home);
  const found: ManagedProcesses = state ? await findManagedProcesses(state) : { kind: 'none' };
  let outcome: ManagedStopOutcome;
  if (found.kind === 'running') {
    const parts: StopReport[] = [];
    for (const root of found.roots) {
      parts.push(
        await UNSAFE_stopProcessTree(root.pid, {
          graceMs,
          expectedStartTime: root.startTime,
          ownProcessGroup: root.pid === state!.pid,
        }),
      );
    }
    outcome = { kind: 'stopped', report: combineStopReports(parts) };
  } else {
    outcome = found.kind === 'pid-reused' ? { kind: 'pid-reused', pid: state!.pid } : { kind: 'not-running' };
  }
  if (outcome.kind === 'stopped' && outcome.report.survivors.length > 0) return outcome;
  await clearManagedState(botId, home);
  return outcome;
}

/** True while the process we started for this bot (or what it started) is still running. */
export async function isManagedBotRunning(botId: string, options: { dataHome?: string } = {}): Promise<boolean> {
  const state = await readManagedState(botId, options.dataHome ?? dataHome());
  return state !== null && (await findManagedProcesses(state)).kind === 'running';
}
