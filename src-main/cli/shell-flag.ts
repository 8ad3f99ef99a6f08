// `--shell cmd|powershell`: which Windows shell runs the --restart command. macOS and Linux always run it with
// /bin/sh, so there the flag is refused rather than silently ignored.
import { COMMAND_SHELLS, type CommandShell } from '../core/bot';
import type { CliIo } from './io';
import { UsageError } from './registry';

/** The shells by the names Windows gives them (the desktop form's labels), for what the CLI reports. */
export const SHELL_NAME: Record<CommandShell, string> = {
  cmd: 'onboarding:form.shell.option.cmd',
  powershell: 'onboarding:form.shell.option.powershell',
};

/** Whether the command acts for Windows, the only system with a choice of shell. */
export function onWindows(io: CliIo): boolean {
  return (io.platform ?? process.platform) === 'win32';
}

/** The shell the flag names; undefined when it is not given (the caller's default applies). */
export function shellFlag(value: string | undefined, restart: string | undefined, io: CliIo): CommandShell | undefined {
  if (value === undefined) return undefined;
  if (!onWindows(io)) throw new UsageError('cli:errors.shell_windows_only');
  if (!(COMMAND_SHELLS as readonly string[]).includes(value)) {
    throw new UsageError('cli:errors.bad_shell', { value: value.slice(0, 40), choices: COMMAND_SHELLS.join(', ') });
  }
  if (restart === undefined) throw new UsageError('cli:errors.shell_needs_restart');
  return value as CommandShell;
}
