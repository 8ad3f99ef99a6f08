// Which Windows shell the form offers for the bot's command, and what it says about that. Until the owner picks one
// themselves, the command they type decides when its syntax belongs to one shell only; otherwise main's proposal
// (their PowerShell habits) stands. Once they pick, their pick stays and a command that contradicts it is pointed out.
import type { CommandShell, UserMessage } from '../../src-main/contract';

/** The form's options, in order (what the app always used first), with their labels. */
export const SHELL_OPTIONS: ReadonlyArray<{ shell: CommandShell; label: string }> = [
  { shell: 'cmd', label: 'onboarding:form.shell.option.cmd' },
  { shell: 'powershell', label: 'onboarding:form.shell.option.powershell' },
];

/** Why the command's own syntax chose its shell, and the warning when the owner picked the other one. */
const SYNTAX_NOTE: Record<CommandShell, string> = {
  cmd: 'onboarding:form.shell.syntax.cmd',
  powershell: 'onboarding:form.shell.syntax.powershell',
};
const MISMATCH_WARNING: Record<CommandShell, string> = {
  cmd: 'onboarding:form.shell.mismatch.cmd',
  powershell: 'onboarding:form.shell.mismatch.powershell',
};

// A cmdlet at the start of a statement (`Get-Process python | Stop-Process -Force`), never a script name in the
// middle of a command such as `npm run start-dev`.
const CMDLET = /(^|[;|{(]\s*)(get|set|stop|start|restart|new|remove|invoke|wait|write|test|copy|move|add|select|where|foreach)-[a-z]{2,}/i;
const POWERSHELL_ONLY: readonly RegExp[] = [CMDLET, /\$env:\w+/i, /\.ps1\b/i, /^\s*&\s*["'$]/];
// Windows PowerShell 5.1 cannot parse `&&` or `||`, and expands no `%NAME%`.
const CMD_ONLY: readonly RegExp[] = [/&&|\|\|/, /%\w+%/, /^\s*set\s+\w+=/i, /(^|&)\s*call\s/i];

/** The one shell whose syntax the command uses; null when it would run the same in both (`python run_flask.py`). */
export function shellOfSyntax(command: string): CommandShell | null {
  const powershell = POWERSHELL_ONLY.some((pattern) => pattern.test(command));
  const cmd = CMD_ONLY.some((pattern) => pattern.test(command));
  if (powershell === cmd) return null;
  return powershell ? 'powershell' : 'cmd';
}

export interface ShellDraft {
  /** The owner's pick, or until they pick, main's proposal. */
  shell: CommandShell;
  shellPicked: boolean;
  /** Why main proposed the shell it did (null: nothing suggested PowerShell, or the bot was saved before). */
  shellReason: UserMessage | null;
}

/** The shell the command will run in. */
export function effectiveShell(draft: ShellDraft, command: string): CommandShell {
  if (draft.shellPicked) return draft.shell;
  return shellOfSyntax(command) ?? draft.shell;
}

export interface ShellNote {
  message: UserMessage;
  /** A warning (the command will probably fail) rather than an explanation. */
  warning: boolean;
}

/** What to say under the choice: why this shell was proposed, or that the picked one does not fit the command. */
export function shellNote(draft: ShellDraft, command: string): ShellNote | null {
  const syntax = shellOfSyntax(command);
  if (draft.shellPicked) {
    return syntax && syntax !== draft.shell ? { message: { key: MISMATCH_WARNING[syntax] }, warning: true } : null;
  }
  if (syntax) return { message: { key: SYNTAX_NOTE[syntax] }, warning: false };
  return draft.shellReason ? { message: draft.shellReason, warning: false } : null;
}
