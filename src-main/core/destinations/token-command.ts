// Runs the owner's command that stores the token where the bot reads it (a database, an encrypted store…).
// The token goes only to the command's standard input: arguments and environment can be read by other users
// of the machine (`ps`, /proc/PID/environ), a pipe cannot.
import { botEnvironment, type BotEnvironmentOptions } from '../bot/bot-environment';
import { keepTail } from '../bot/bot-log';
import { runShellCommand, type ShellCommandEnd } from '../bot/shell-command';
import { isDoctorError } from '../errors';
import { redactSecrets } from '../redact';
import { destinationError } from './errors';

export const DEFAULT_COMMAND_TIMEOUT_MS = 60_000;
/** What a failure message carries of the output: enough to see why, short enough for a dialog. */
const OUTPUT_IN_MESSAGE = 2_000;

export interface TokenCommandRun {
  exitCode: number;
  /** stdout and stderr as they came, with the token and anything token-shaped masked; at most 64 KiB. */
  output: string;
}

/**
 * Runs `command` through the shell in `cwd`, writes `token` and a line break to its standard input, then closes
 * it. Its environment is the bot's (`botEnvironment`): no token variable, no secret, none of our settings. Throws `dest_command_failed` (non-zero exit), `dest_command_timed_out` (stopped with all it started) or
 * `dest_command_not_started`; the error's params carry the redacted output's end as `output`.
 */
export async function runTokenCommand(
  command: string,
  cwd: string,
  token: string,
  timeoutMs = DEFAULT_COMMAND_TIMEOUT_MS,
  environment: BotEnvironmentOptions = {},
): Promise<TokenCommandRun> {
  const shown = redactSecrets(command, [token]);
  const env = botEnvironment(process.env, { ...environment, secrets: [token, ...(environment.secrets ?? [])] });
  let end: ShellCommandEnd;
  try {
    end = await runShellCommand(command, cwd, { timeoutMs, env, stdin: `${token}\n` });
  } catch (error) {
    if (isDoctorError(error)) throw error;
    const reason = redactSecrets(error instanceof Error ? error.message : String(error), [token]);
    throw destinationError('command_not_started', `Could not run the token command in ${cwd}: ${reason}`, { command: shown }, error);
  }
  const redacted = redactSecrets(end.output, [token]);
  const params = { command: shown, output: keepTail(redacted, OUTPUT_IN_MESSAGE).trim() };
  if (end.timedOut) {
    throw destinationError('command_timed_out', `The token command did not finish within ${timeoutMs} ms`, { ...params, count: Math.round(timeoutMs / 1000) });
  }
  if (end.exitCode !== 0) {
    throw destinationError('command_failed', `The token command exited with ${String(end.exitCode)}`, { ...params, exitCode: end.exitCode ?? 'signal' });
  }
  return { exitCode: end.exitCode, output: redacted };
}
