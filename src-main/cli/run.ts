// The CLI's front door: picks the command, says every refusal in the reader's language (with --json as one JSON
// object on stdout, whatever went wrong), turns it into the documented exit code, and never lets a secret out.
import { isDoctorError, type UserMessage } from '../core/errors';
import { COMMANDS } from './commands';
import { EXIT } from './exit-codes';
import { cliText, writeLine, type CliIo, type CliText } from './io';
import { CliFailure, UsageError, type CliCommand } from './registry';

function mainUsage(io: CliIo, commands: readonly CliCommand[]): string {
  const text = cliText(io);
  const width = Math.max(...commands.map((command) => command.name.length));
  const list = commands.map((command) => `  ${command.name.padEnd(width)}  ${text.t(command.summaryKey)}`).join('\n');
  return text.t('cli:usage.main', { commands: list });
}

/** `--json` anywhere before a `--`: even a command line too wrong to parse gets its answer as JSON. */
function wantsJson(argv: readonly string[]): boolean {
  const end = argv.indexOf('--');
  return (end < 0 ? argv : argv.slice(0, end)).includes('--json');
}

/** What every failure becomes: a stable code, the sentence, and the exit code. */
interface Failure {
  code: string;
  message: UserMessage;
  exitCode: number;
  command: string | null;
}

function failureOf(error: unknown, command: string): Failure {
  if (error instanceof CliFailure) return { code: error.code, message: error.userMessage, exitCode: error.exitCode, command };
  if (isDoctorError(error)) return { code: error.code, message: error.userMessage, exitCode: EXIT.couldNotCheck, command };
  const detail = error instanceof Error ? error.message : String(error);
  return { code: 'unexpected', message: { key: 'cli:errors.unexpected', params: { detail } }, exitCode: EXIT.couldNotCheck, command };
}

/**
 * The JSON error object (README, "The command line"): `ok` false, the exit code, the command, and the error's
 * stable `code` with its `message` in the reader's language.
 */
export function failureJson(failure: Failure, text: CliText): Record<string, unknown> {
  return {
    ok: false,
    exitCode: failure.exitCode,
    command: failure.command,
    error: { code: failure.code, message: text.say(failure.message) },
    language: text.language,
  };
}

export async function runCli(argv: string[], io: CliIo, commands: readonly CliCommand[] = COMMANDS): Promise<number> {
  const json = wantsJson(argv);
  const text = cliText(io);
  const report = (failure: Failure, after: string | null): number => {
    if (json) {
      writeLine(io.stdout, JSON.stringify(failureJson(failure, text), null, 2));
    } else {
      writeLine(io.stderr, text.say(failure.message));
      if (after) writeLine(io.stderr, after);
    }
    return failure.exitCode;
  };

  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    (name ? io.stdout : io.stderr).write(`${mainUsage(io, commands)}\n`);
    return name ? EXIT.ok : EXIT.usage;
  }
  const command = commands.find((candidate) => candidate.name === name);
  if (!command) {
    const unknown = new UsageError('cli:errors.unknown_command', { command: name });
    return report(failureOf(unknown, name), mainUsage(io, commands));
  }
  try {
    return await command.run(rest, io);
  } catch (error) {
    const seeHelp = error instanceof UsageError ? text.t('cli:errors.see_help', { command: command.name }) : null;
    return report(failureOf(error, command.name), seeHelp);
  }
}
