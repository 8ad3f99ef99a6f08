// Adding a place the token goes: another .env line, a key in a JSON or YAML file, or the owner's own command
// that receives the token on its standard input. Relative file paths are taken from the bot's folder.
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Destination } from '../../src-main/contract';
import { TextField } from '../ui/TextField';
import { labelOf, type DestinationChoice } from './destinations';

type Kind = Destination['kind'];

const KIND_NAME: Record<Kind, string> = {
  env: 'destinations:kind.env',
  json: 'destinations:kind.json',
  yaml: 'destinations:kind.yaml',
  command: 'destinations:kind.command',
};

function inFolder(folder: string, file: string): string {
  if (/^([/\\]|[A-Za-z]:[/\\])/.test(file)) return file;
  const separator = folder.includes('\\') && !folder.includes('/') ? '\\' : '/';
  return `${folder.replace(/[/\\]+$/, '')}${separator}${file}`;
}

export function AddDestination({ folder, onAdd }: { folder: string; onAdd: (choice: DestinationChoice) => void }) {
  const { t } = useTranslation();
  const kindId = useId();
  const [open, setOpen] = useState(false);
  const [kind, setKind] = useState<Kind>('env');
  const [file, setFile] = useState('');
  const [key, setKey] = useState('');
  const [command, setCommand] = useState('');
  const [error, setError] = useState<string | null>(null);

  function destination(): Destination | string {
    if (kind === 'command') return command.trim() === '' ? 'onboarding:form.errors.commandMissing' : { kind, command: command.trim(), cwd: folder };
    if (file.trim() === '') return 'onboarding:form.destinations.fileMissing';
    if (kind === 'env') {
      return /^[\w.-]+$/.test(key.trim()) ? { kind, file: inFolder(folder, file.trim()), variable: key.trim() } : 'onboarding:form.errors.variableInvalid';
    }
    return key.trim() === '' ? 'onboarding:form.destinations.keyMissing' : { kind, file: inFolder(folder, file.trim()), keyPath: key.trim() };
  }

  function add() {
    const result = destination();
    if (typeof result === 'string') {
      setError(result);
      return;
    }
    onAdd({ destination: result, label: labelOf(result), included: true });
    setOpen(false);
    setFile('');
    setKey('');
    setCommand('');
    setError(null);
  }

  if (!open) {
    return (
      <button type="button" className="button button--small" onClick={() => setOpen(true)}>
        {t('onboarding:form.destinations.add')}
      </button>
    );
  }

  return (
    <div className="add-destination">
      <div className="field">
        <label htmlFor={kindId} className="field__label">
          {t('onboarding:form.destinations.kind')}
        </label>
        <select id={kindId} className="field__input" value={kind} onChange={(event) => setKind(event.target.value as Kind)}>
          {(Object.keys(KIND_NAME) as Kind[]).map((option) => (
            <option key={option} value={option}>
              {t(KIND_NAME[option])}
            </option>
          ))}
        </select>
      </div>
      {kind === 'command' ? (
        <TextField
          label={t('onboarding:form.destinations.command')}
          value={command}
          onChange={setCommand}
          dir="ltr"
          spellCheck={false}
          hint={t('onboarding:form.destinations.commandHint')}
          error={error ? t(error) : null}
        />
      ) : (
        <div className="field-row">
          <TextField label={t('onboarding:form.destinations.file')} value={file} onChange={setFile} dir="ltr" spellCheck={false} error={error === 'onboarding:form.destinations.fileMissing' ? t(error) : null} />
          <TextField
            label={t(kind === 'env' ? 'onboarding:form.destinations.variable' : 'onboarding:form.destinations.keyPath')}
            value={key}
            onChange={setKey}
            dir="ltr"
            spellCheck={false}
            error={error && error !== 'onboarding:form.destinations.fileMissing' ? t(error) : null}
          />
        </div>
      )}
      <div className="button-row">
        <button type="button" className="button button--small" onClick={add}>
          {t('onboarding:form.destinations.addConfirm')}
        </button>
        <button type="button" className="button button--small" onClick={() => setOpen(false)}>
          {t('common:actions.cancel')}
        </button>
      </div>
    </div>
  );
}
