// The shapes the rest of the app uses to talk about a bot's process: how it is started, what was found
// running, and whether it came back healthy. Everything here is plain JSON so profiles can store it.
import * as v from 'valibot';
import type { UserMessage } from '../errors';

/** managed: we start it; found: started elsewhere, stopped after the owner confirms; custom: the owner's restart command. */
export const BOT_RUN_MODES = ['managed', 'found', 'custom'] as const;
export type BotRunMode = (typeof BOT_RUN_MODES)[number];

/** Windows: which shell runs the bot's command (command-shell.ts). Plain data, so the contract can check it too. */
export const COMMAND_SHELLS = ['cmd', 'powershell'] as const;
export type CommandShell = (typeof COMMAND_SHELLS)[number];
/** What a profile written before the choice existed means: cmd.exe on Windows, as the app always did. */
export const DEFAULT_COMMAND_SHELL: CommandShell = 'cmd';

/** How a connected bot is (re)started; the connected-bot profile embeds this as JSON. */
export const BotRunConfigSchema = v.object({
  mode: v.picklist(BOT_RUN_MODES),
  /** managed/found: the command that starts the bot; custom: the owner's restart command. */
  command: v.pipe(v.string(), v.trim(), v.minLength(1), v.maxLength(2000)),
  /** Windows: cmd.exe (when not said) or PowerShell runs the command; macOS and Linux always use /bin/sh. */
  shell: v.optional(v.picklist(COMMAND_SHELLS)),
  /** The folder the command runs in: the bot's .env is read relative to it (heyoo #13). */
  cwd: v.pipe(v.string(), v.minLength(1)),
  /** Answers 2xx/3xx when the bot is up. */
  healthUrl: v.optional(v.nullable(v.pipe(v.string(), v.url(), v.regex(/^https?:\/\//)))),
  /** The bot must still be running this long after a start to count as up. */
  aliveAfterMs: v.optional(v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(600_000))),
  /** How long the health URL may take to answer (including the bot's own start-up). */
  healthTimeoutMs: v.optional(v.pipe(v.number(), v.integer(), v.minValue(100), v.maxValue(600_000))),
  /** How long a stopped bot gets to exit on its own before it is killed. */
  stopGraceMs: v.optional(v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(120_000))),
  /** custom/found: the bot's own log file, scanned for token errors after a restart. */
  logFile: v.optional(v.nullable(v.pipe(v.string(), v.minLength(1)))),
});
export type BotRunConfig = v.InferOutput<typeof BotRunConfigSchema>;

export const DEFAULT_ALIVE_AFTER_MS = 3_000;
export const DEFAULT_HEALTH_TIMEOUT_MS = 10_000;
export const DEFAULT_STOP_GRACE_MS = 5_000;

/** What a start proposal runs. Not closed: more stacks may be recognised later. */
export type StartKind =
  | 'python-script'
  | 'uvicorn'
  | 'pywa'
  | 'django'
  | 'npm-script'
  | 'node'
  | 'procfile'
  | 'docker-compose'
  | 'pm2'
  | 'artisan';

/** One way to start (or restart) the bot, best first in `detectStartCommand`'s answer. */
export interface StartProposal {
  command: string;
  cwd: string;
  kind: StartKind;
  /** The mode this command belongs in: process managers and compose are restarted through their own tool. */
  mode: BotRunMode;
  /** Why we think so, for the owner. */
  reason: UserMessage;
  /** True when the running bot re-reads .env by itself; a restart is still the safe way. */
  reloadsEnv?: boolean;
  warnings: UserMessage[];
}

/**
 * A process on this machine, as the OS reports it. `startTime` is its identity (with the PID): an ISO 8601
 * UTC time on Windows and macOS, boot id + clock ticks on Linux.
 */
export interface ProcessInfo {
  pid: number;
  ppid: number;
  /** Process group (POSIX); null where the OS has none (Windows). */
  pgid: number | null;
  startTime: string | null;
  commandLine: string;
  /** Working folder; null when the OS does not say (another user's process, an elevated one on Windows). */
  cwd: string | null;
  /** TCP ports it listens on; only present when the listing was asked for them. */
  listeningPorts?: number[];
}

/** A process that seems to belong to the bot (found mode), for the owner to confirm. */
export interface FoundBotProcess {
  pid: number;
  ppid: number;
  startTime: string | null;
  /** The command line, with secrets redacted. */
  command: string;
  cwd: string | null;
  /** What ties it to the bot: its working folder, the bot's port, or (weakest) its command line naming the folder. */
  matchedBy: 'cwd' | 'port' | 'command-line';
}

/** What we remember about a bot we started, so a reused PID is never mistaken for ours. */
export const ManagedProcessStateSchema = v.object({
  pid: v.pipe(v.number(), v.integer(), v.minValue(1)),
  /** null: it exited before its start time could be read, so nothing under this PID is ours (unless awaitingStartTime). */
  startTime: v.nullable(v.string()),
  /**
   * Recorded the moment it started, before its start time could be read (PowerShell may fail right then):
   * the process at `pid` is ours if it started within moments of `startedAt`.
   */
  awaitingStartTime: v.optional(v.boolean()),
  command: v.string(),
  cwd: v.string(),
  startedAt: v.string(),
  logFile: v.string(),
  /** Size of the log when this run started: the lines after it are this run's. */
  logOffset: v.pipe(v.number(), v.integer(), v.minValue(0)),
});
export type ManagedProcessState = v.InferOutput<typeof ManagedProcessStateSchema>;

export interface ExitInfo {
  code: number | null;
  signal: string | null;
}

/** Which processes a stop ended, and how. */
export interface StopReport {
  /** Exited after the polite request (SIGTERM / taskkill without /F). */
  terminated: number[];
  /** Had to be killed after the grace period. */
  forceKilled: number[];
  /** Still running after everything (should not happen; reported, never hidden). */
  survivors: number[];
}

export type CheckState = 'pass' | 'fail' | 'skipped';

export interface BotHealth {
  healthy: boolean;
  alive: CheckState;
  healthUrl: CheckState;
  log: CheckState;
  /** What is wrong, in the owner's words, most important first; empty when healthy. */
  problems: UserMessage[];
  /** The run's last log lines, redacted; null when there is no log. */
  logExcerpt: string | null;
}
