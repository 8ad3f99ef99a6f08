// The CLI's front door: picks the command, turns usage problems into exit 2, and never lets a secret out.
import { isDoctorError } from '../core/errors';
import { COMMANDS } from './commands';
import { EXIT } from './exit-codes';
import { cliText, writeLine, type CliIo } from './io';
import { UsageError, type CliCommand } from './registry';

function mainUsage(io: CliIo, commands: readonly CliCommand[]): string {
  const text = cliText(io);
  const width = Math.max(...commands.map((command) => command.name.length));
  const list = commands.map((command) => `  ${command.name.padEnd(width)}  ${text.t(command.summaryKey)}`).join('\n');
  return text.t('cli:usage.main', { commands: list });
}

export async function runCli(argv: string[], io: CliIo, commands: readonly CliCommand[] = COMMANDS): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    (name ? io.stdout : io.stderr).write(`${mainUsage(io, commands)}\n`);
    return name ? EXIT.ok : EXIT.usage;
  }
  const command = commands.find((candidate) => candidate.name === name);
  const text = cliText(io);
  if (!command) {
    writeLine(io.stderr, text.t('cli:errors.unknown_command', { command: name }));
    io.stderr.write(`${mainUsage(io, commands)}\n`);
    return EXIT.usage;
  }
  try {
    return await command.run(rest, io);
  } catch (error) {
    if (error instanceof UsageError) {
      writeLine(io.stderr, text.t(error.key, error.params));
      writeLine(io.stderr, text.t('cli:errors.see_help', { command: command.name }));
      return EXIT.usage;
    }
    if (isDoctorError(error)) {
      writeLine(io.stderr, text.say(error.userMessage));
      return EXIT.couldNotCheck;
    }
    const detail = error instanceof Error ? error.message : String(error);
    writeLine(io.stderr, text.t('cli:errors.unexpected', { detail }));
    return EXIT.couldNotCheck;
  }
}
