// Restart in whichever mode the bot runs, then prove it came back: the "restart" and "verify" steps of a renewal.
import type { UserMessage } from '../errors';
import { redactSecrets } from '../redact';
import { dataHome } from '../paths';
import { botEnvironment } from './bot-environment';
import { fileSize, readLogSince } from './bot-log';
import type { CustomCommandResult } from './custom';
import { UNSAFE_stopFoundProcesses, type ConfirmedProcess } from './found';
import { checkBotHealth, type HealthTarget } from './health';
import { startManagedBot, stopManagedBot, type ManagedStart } from './managed';
import { DEFAULT_RESTART_LOCK_WAIT_MS, withRestartLock } from './restart-lock';
import { combineStopReports } from './stop-process-tree';
import {
  DEFAULT_ALIVE_AFTER_MS,
  DEFAULT_STOP_GRACE_MS,
  type BotHealth,
  type BotRunConfig,
  type ExitInfo,
  type ManagedProcessState,
  type StopReport,
} from './types';

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
  /** What was stopped: the run we started earlier, and in found mode the processes the owner confirmed. */
  stopped: StopReport | null;
  /** The process we started and left running: the bot (managed and found modes, or a custom command that is the bot). */
  started: ManagedProcessState | null;
  /** How the owner's command ended, when it was a restart command that exits (custom mode). */
  command: CustomCommandResult | null;
  health: BotHealth;
}

/**
 * Stops what we started earlier (plus in found mode the processes the owner confirmed), starts the bot's command
 * (custom mode: the owner's command) detached in its folder with its output in the data folder's log, and
 * checks its health. One restart per bot at a time, across processes (restart-lock.ts). Throws a `DoctorError`
 * only for bad input (a missing folder, a command that cannot be run at all) and `bot_restart_in_progress`.
 */
export async function restartBot(config: BotRunConfig, options: RestartOptions): Promise<RestartOutcome> {
  const home = options.dataHome ?? dataHome();
  const lock = { dataHome: home, waitMs: options.lockWaitMs ?? DEFAULT_RESTART_LOCK_WAIT_MS };
  return withRestartLock(options.botId, lock, () => restartNow(config, { ...options, dataHome: home }));
}

async function restartNow(config: BotRunConfig, options: RestartOptions): Promise<RestartOutcome> {
  const graceMs = config.stopGraceMs ?? DEFAULT_STOP_GRACE_MS;
  // In custom mode too: a start command that turned out to be the bot is stopped, whole tree, before the next one.
  const ours = await stopManagedBot(options.botId, { dataHome: options.dataHome, graceMs });
  const parts: StopReport[] = ours.kind === 'stopped' ? [ours.report] : [];
  if (config.mode === 'found' && options.confirmed && options.confirmed.length > 0) {
    parts.push((await UNSAFE_stopFoundProcesses(config.cwd, options.confirmed, { graceMs, ports: options.ports })).report);
  }
  const stopped = combineStopReports(parts);
  if (stopped.survivors.length > 0) {
    const problem = { key: 'bot:restart.couldNotStop', params: { pids: stopped.survivors.join(', ') } };
    return { ok: false, stopped, started: null, command: null, health: unhealthy(problem, null) };
  }
  const ownLog = config.mode === 'custom' && config.logFile ? { file: config.logFile, offset: await fileSize(config.logFile) } : null;
  const start = await startManagedBot({
    botId: options.botId,
    command: config.command,
    shell: config.shell,
    cwd: config.cwd,
    dataHome: options.dataHome,
    env: botEnvironment(options.env, { tokenVariables: options.tokenVariables, secrets: options.knownSecrets }),
  });
  const stoppedReport = parts.length > 0 ? stopped : null;
  if (config.mode === 'custom') return judgeOwnersCommand(config, options, start, stoppedReport, ownLog);
  const health = await checkBotHealth({
    process: startedProcess(start),
    log: { file: start.state.logFile, offset: start.state.logOffset },
    healthUrl: config.healthUrl,
    aliveAfterMs: config.aliveAfterMs,
    healthTimeoutMs: config.healthTimeoutMs,
    knownSecrets: options.knownSecrets,
  });
  return { ok: health.healthy, stopped: stoppedReport, started: start.state, command: null, health };
}

/**
 * The owner's command is either a restart command that exits (`pm2 restart bot`, `systemctl --user restart bot`,
 * `docker compose up -d --force-recreate`) or the bot's own start command (`python run_flask.py`, `npm run dev`).
 * The health wait tells them apart: still running after it, the command is the bot — it stays, detached and
 * recorded like a managed start; ended in time, it was a restart command, judged by its exit code, its output
 * and the bot's own log.
 */
async function judgeOwnersCommand(
  config: BotRunConfig,
  options: RestartOptions,
  start: ManagedStart,
  stopped: StopReport | null,
  ownLog: { file: string; offset: number } | null,
): Promise<RestartOutcome> {
  const aliveAfterMs = config.aliveAfterMs ?? DEFAULT_ALIVE_AFTER_MS;
  const ended = await Promise.race([start.exited, new Promise<null>((resolve) => setTimeout(() => resolve(null), aliveAfterMs))]);
  const health = { healthUrl: config.healthUrl, healthTimeoutMs: config.healthTimeoutMs, knownSecrets: options.knownSecrets };
  if (ended === null) {
    const bot = await checkBotHealth({
      ...health,
      process: startedProcess(start),
      log: { file: start.state.logFile, offset: start.state.logOffset },
      aliveAfterMs: 0, // the health wait is over
    });
    return { ok: bot.healthy, stopped, started: start.state, command: null, health: bot };
  }
  // Its record stays: whatever it left running in its process group and the bot's folder is stopped next time.
  const output = await readLogSince(start.state.logFile, start.state.logOffset);
  const command = commandResult(ended, redactSecrets(output, options.knownSecrets));
  if (!command.ok) {
    const problem = { key: 'bot:restart.commandFailed', params: { code: ended.code ?? ended.signal ?? '?' } };
    return { ok: false, stopped, started: null, command, health: unhealthy(problem, command.output === '' ? null : command.output) };
  }
  const after = await checkBotHealth({ ...health, process: null, log: ownLog, extraOutput: output, aliveAfterMs });
  return { ok: after.healthy, stopped, started: null, command, health: after };
}

/** The process we just started, for the health check (no start time yet: only its exit counts). */
function startedProcess(start: ManagedStart): HealthTarget['process'] {
  const { pid, startTime, awaitingStartTime } = start.state;
  return { pid, startTime: awaitingStartTime ? undefined : startTime, exited: start.exited };
}

function commandResult(ended: ExitInfo, output: string): CustomCommandResult {
  return { ok: ended.code === 0, exitCode: ended.code, signal: ended.signal, output };
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
