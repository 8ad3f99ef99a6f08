// Restart in whichever mode the bot runs, then prove it came back: the "restart" and "verify" steps of a renewal.
import type { UserMessage } from '../errors';
import { redactSecrets } from '../redact';
import { dataHome } from '../paths';
import { botEnvironment } from './bot-environment';
import { fileSize } from './bot-log';
import { runCustomRestart, type CustomCommandResult } from './custom';
import { UNSAFE_stopFoundProcesses, type ConfirmedProcess } from './found';
import { checkBotHealth } from './health';
import { startManagedBot, stopManagedBot } from './managed';
import { DEFAULT_RESTART_LOCK_WAIT_MS, withRestartLock } from './restart-lock';
import { combineStopReports } from './stop-process-tree';
import { DEFAULT_STOP_GRACE_MS, type BotHealth, type BotRunConfig, type ManagedProcessState, type StopReport } from './types';

export interface RestartOptions {
  botId: string;
  dataHome?: string;
  /** found mode: the processes the owner confirmed may be stopped (from `findBotProcesses`). */
  confirmed?: readonly ConfirmedProcess[];
  /** found mode: the bot's ports, as given to `findBotProcesses` when the owner saw the list. */
  ports?: readonly number[];
  /** The variables the bot reads its token from: left out of what it inherits, so its .env wins. */
  tokenVariables?: readonly string[];
  /** Tokens and the app secret: redacted from output, and never passed on in the bot's environment. */
  knownSecrets?: readonly string[];
  /** The environment to start from (default: ours); `botEnvironment` cleans it. */
  env?: NodeJS.ProcessEnv;
  /** How long to wait while another restart of this bot runs (default a minute); 0 says "already restarting" at once. */
  lockWaitMs?: number;
}

export interface RestartOutcome {
  ok: boolean;
  /** What was stopped (managed and found modes). */
  stopped: StopReport | null;
  /** The process we started (managed and found modes). */
  started: ManagedProcessState | null;
  /** How the owner's command ended (custom mode). */
  command: CustomCommandResult | null;
  health: BotHealth;
}

/**
 * Stops the bot (the run we started, plus in found mode the processes the owner confirmed), starts it again
 * in its folder, and checks its health. Custom mode runs the owner's command instead of stop + start. One
 * restart per bot at a time, across processes (restart-lock.ts). Throws a `DoctorError` only for bad input (a
 * missing folder, a command that cannot be run at all) and `bot_restart_in_progress`.
 */
export async function restartBot(config: BotRunConfig, options: RestartOptions): Promise<RestartOutcome> {
  const home = options.dataHome ?? dataHome();
  const lock = { dataHome: home, waitMs: options.lockWaitMs ?? DEFAULT_RESTART_LOCK_WAIT_MS };
  return withRestartLock(options.botId, lock, () => restartNow(config, { ...options, dataHome: home }));
}

async function restartNow(config: BotRunConfig, options: RestartOptions): Promise<RestartOutcome> {
  const env = botEnvironment(options.env, { tokenVariables: options.tokenVariables, secrets: options.knownSecrets });
  if (config.mode === 'custom') return restartWithCustomCommand(config, options, env);
  const graceMs = config.stopGraceMs ?? DEFAULT_STOP_GRACE_MS;
  const ours = await stopManagedBot(options.botId, { dataHome: options.dataHome, graceMs });
  const parts: StopReport[] = ours.kind === 'stopped' ? [ours.report] : [];
  if (config.mode === 'found' && options.confirmed && options.confirmed.length > 0) {
    parts.push((await UNSAFE_stopFoundProcesses(config.cwd, options.confirmed, { graceMs, ports: options.ports })).report);
  }
  const stopped = combineStopReports(parts);
  if (stopped.survivors.length > 0) {
    return failedBeforeStart(stopped, { key: 'bot:restart.couldNotStop', params: { pids: stopped.survivors.join(', ') } });
  }
  const start = await startManagedBot({
    botId: options.botId,
    command: config.command,
    cwd: config.cwd,
    dataHome: options.dataHome,
    env,
  });
  const health = await checkBotHealth({
    process: { pid: start.state.pid, startTime: start.state.awaitingStartTime ? undefined : start.state.startTime, exited: start.exited },
    log: { file: start.state.logFile, offset: start.state.logOffset },
    healthUrl: config.healthUrl,
    aliveAfterMs: config.aliveAfterMs,
    healthTimeoutMs: config.healthTimeoutMs,
    knownSecrets: options.knownSecrets,
  });
  return { ok: health.healthy, stopped: parts.length > 0 ? stopped : null, started: start.state, command: null, health };
}

async function restartWithCustomCommand(config: BotRunConfig, options: RestartOptions, env: NodeJS.ProcessEnv): Promise<RestartOutcome> {
  const logFile = config.logFile ?? null;
  const offset = logFile ? await fileSize(logFile) : 0;
  const command = await runCustomRestart(config.command, config.cwd, {
    knownSecrets: options.knownSecrets,
    env,
  });
  if (!command.ok) {
    const problem: UserMessage = command.timedOut
      ? { key: 'bot:restart.commandTimedOut' }
      : { key: 'bot:restart.commandFailed', params: { code: command.exitCode ?? command.signal ?? '?' } };
    return {
      ok: false,
      stopped: null,
      started: null,
      command,
      health: unhealthy(problem, command.output === '' ? null : command.output),
    };
  }
  const health = await checkBotHealth({
    process: null,
    log: logFile ? { file: logFile, offset } : null,
    extraOutput: command.output,
    healthUrl: config.healthUrl,
    aliveAfterMs: config.aliveAfterMs,
    healthTimeoutMs: config.healthTimeoutMs,
    knownSecrets: options.knownSecrets,
  });
  return { ok: health.healthy, stopped: null, started: null, command, health };
}

function failedBeforeStart(stopped: StopReport, problem: UserMessage): RestartOutcome {
  return { ok: false, stopped, started: null, command: null, health: unhealthy(problem, null) };
}

function unhealthy(problem: UserMessage, excerpt: string | null): BotHealth {
  return {
    healthy: false,
    alive: 'skipped',
    healthUrl: 'skipped',
    log: 'skipped',
    problems: [problem],
    logExcerpt: excerpt === null ? null : redactSecrets(excerpt),
  };
}
