// Custom mode: the owner's own restart command (`pm2 restart bot`, `systemctl --user restart bot`,
// `docker compose up -d --force-recreate app`, `nssm restart bot`), run in the bot's folder.
import { DoctorError, isDoctorError, type UserMessage } from '../errors';
import { redactSecrets } from '../redact';
import { runShellCommand, type ShellCommandEnd } from './shell-command';

export interface CustomCommandResult {
  ok: boolean;
  exitCode: number | null;
  signal: string | null;
  timedOut: boolean;
  /** stdout and stderr as they came, redacted, at most the last 64 KiB. */
  output: string;
}

export interface CustomCommandOptions {
  timeoutMs?: number;
  knownSecrets?: readonly string[];
  env?: NodeJS.ProcessEnv;
}

const DEFAULT_TIMEOUT_MS = 120_000;

/** Runs the restart command and reports how it ended. Throws only when the folder is missing or it cannot start. */
export async function runCustomRestart(
  command: string,
  folder: string,
  options: CustomCommandOptions = {},
): Promise<CustomCommandResult> {
  let end: ShellCommandEnd;
  try {
    end = await runShellCommand(command, folder, { timeoutMs: options.timeoutMs ?? DEFAULT_TIMEOUT_MS, env: options.env ?? process.env });
  } catch (error) {
    if (isDoctorError(error)) throw error;
    throw new DoctorError(
      'bot_command_failed_to_start',
      { key: 'bot:errors.commandFailedToStart' },
      `Could not run the restart command in ${folder}: ${redactSecrets((error as Error).message)}`,
      { cause: error },
    );
  }
  return {
    ok: end.exitCode === 0 && !end.timedOut,
    exitCode: end.exitCode,
    signal: end.signal,
    timedOut: end.timedOut,
    output: redactSecrets(end.output, options.knownSecrets),
  };
}

/** What the owner should know about a restart command before trusting it. */
export function restartCommandWarnings(command: string): UserMessage[] {
  // `docker compose restart` keeps the container and so the environment it was created with (docker/compose#4140).
  if (/\bdocker(?:-compose|\s+compose)\b.*\srestart\b/.test(command)) {
    return [{ key: 'bot:detect.warning.composeRestartKeepsEnv' }];
  }
  return [];
}
