// "Run it in: Command Prompt / Windows PowerShell", for the bot's start or restart command. Only Windows has the
// choice (macOS and Linux run every command with /bin/sh), so elsewhere nothing is shown.
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { CommandShell } from '../../src-main/contract';
import { useShell } from '../stores/stores';
import { Message } from '../ui/Message';
import { effectiveShell, SHELL_OPTIONS, shellNote, type ShellDraft } from './shell-choice';

interface ShellChoiceProps {
  draft: ShellDraft;
  /** The command that will run, which may decide the shell until the owner picks one. */
  command: string;
  onPick: (shell: CommandShell) => void;
}

export function ShellChoice({ draft, command, onPick }: ShellChoiceProps) {
  const { t } = useTranslation();
  const name = useId();
  const noteId = useId();
  const windows = useShell((state) => state.appInfo?.platform === 'win32');
  if (!windows) return null;
  const current = effectiveShell(draft, command);
  const note = shellNote(draft, command);
  return (
    <fieldset className="fieldset" aria-describedby={note ? noteId : undefined}>
      <legend className="fieldset__legend">{t('onboarding:form.shell.legend')}</legend>
      <div className="shell-choice__options">
        {SHELL_OPTIONS.map(({ shell, label }) => (
          <label key={shell} className="choice__label">
            <input type="radio" name={name} checked={current === shell} onChange={() => onPick(shell)} />
            <span>{t(label)}</span>
          </label>
        ))}
      </div>
      {note && (
        <p id={noteId} className={note.warning ? 'warning-text' : 'muted'}>
          <Message message={note.message} />
        </p>
      )}
    </fieldset>
  );
}
