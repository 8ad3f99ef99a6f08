// The bot-process module's public face: import from here, not from its files.
export {
  BOT_RUN_MODES,
  BotRunConfigSchema,
  COMMAND_SHELLS,
  DEFAULT_COMMAND_SHELL,
  DEFAULT_ALIVE_AFTER_MS,
  DEFAULT_HEALTH_TIMEOUT_MS,
  DEFAULT_STOP_GRACE_MS,
  type BotHealth,
  type BotRunConfig,
  type BotRunMode,
  type CheckState,
  type CommandShell,
  type ExitInfo,
  type FoundBotProcess,
  type ManagedProcessState,
  type StartKind,
  type StartProposal,
  type StopReport,
} from './types';
export { proposeCommandShell, type ShellProposal } from './shell-proposal';
export { detectStartCommand, type DetectOptions } from './detect-start';
export { startManagedBot, stopManagedBot, isManagedBotRunning, type ManagedStart, type ManagedStopOutcome } from './managed';
export { findBotProcesses, UNSAFE_stopFoundProcesses, type ConfirmedProcess, type FindOptions, type FoundStopOutcome } from './found';
export { botPorts } from './bot-ports';
export { restartCommandWarnings, type CustomCommandResult } from './custom';
export { UNSAFE_stopProcessTree, type StopTreeOptions } from './stop-process-tree';
export { checkBotHealth, type HealthTarget } from './health';
export { restartBot, type RestartOptions, type RestartOutcome } from './restart';
export { readBotLog } from './bot-log';
export { botLogFile, readManagedState } from './bot-files';
export { findTokenErrorLine } from './log-scan';
