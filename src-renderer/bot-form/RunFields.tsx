// "How does your bot start?": one of the start commands found in the folder, a command the owner types,
// "I start it myself", "I use a restart command", or no restart at all; on Windows the shell the command runs in;
// plus the optional health address.
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { StartProposalView } from '../../src-main/contract';
import { Ltr } from '../ui/Ltr';
import { Message } from '../ui/Message';
import { TextField } from '../ui/TextField';
import { commandOf, type BotDraft, type DraftErrors, type RunChoice } from './bot-draft';
import { ShellChoice } from './ShellChoice';

interface RunFieldsProps {
  draft: BotDraft;
  proposals: readonly StartProposalView[];
  errors: DraftErrors;
  onChange: (patch: Partial<BotDraft>) => void;
}

function RunOption(props: {
  value: RunChoice;
  checked: boolean;
  onSelect: (value: RunChoice) => void;
  label: ReactNode;
  children?: ReactNode;
}) {
  return (
    <div className={props.checked ? 'choice choice--checked' : 'choice'}>
      <label className="choice__label">
        <input type="radio" name="run-choice" checked={props.checked} onChange={() => props.onSelect(props.value)} />
        <span>{props.label}</span>
      </label>
      {props.children && <div className="choice__details">{props.children}</div>}
    </div>
  );
}

export function RunFields({ draft, proposals, errors, onChange }: RunFieldsProps) {
  const { t } = useTranslation();
  const choose = (runChoice: RunChoice) => onChange({ runChoice });
  const error = (field: keyof DraftErrors) => (errors[field] ? t(errors[field]) : null);

  return (
    <fieldset className="fieldset">
      <legend className="fieldset__legend">{t('onboarding:form.run.legend')}</legend>
      {proposals.map((proposal, index) => (
        <RunOption
          key={`${proposal.cwd}|${proposal.command}`}
          value={`proposal-${index}`}
          checked={draft.runChoice === `proposal-${index}`}
          onSelect={choose}
          label={
            <>
              {t('onboarding:form.run.proposal')}{' '}
              <code>
                <Ltr>{proposal.command}</Ltr>
              </code>
            </>
          }
        >
          <p className="muted">
            <Message message={proposal.reason} />
          </p>
          {proposal.warnings.map((warning, warningIndex) => (
            <p key={`${warning.key}-${warningIndex}`} className="warning-text">
              <Message message={warning} />
            </p>
          ))}
        </RunOption>
      ))}
      <RunOption
        value="command"
        checked={draft.runChoice === 'command'}
        onSelect={choose}
        label={t(proposals.length > 0 ? 'onboarding:form.run.command' : 'onboarding:form.run.commandOnly')}
      >
        {draft.runChoice === 'command' && (
          <>
            <TextField
              label={t('onboarding:form.run.commandField')}
              value={draft.command}
              onChange={(command) => onChange({ command })}
              dir="ltr"
              spellCheck={false}
              error={error('command')}
            />
            <TextField
              label={t('onboarding:form.run.cwdField')}
              value={draft.cwd}
              onChange={(cwd) => onChange({ cwd })}
              dir="ltr"
              spellCheck={false}
              hint={t('onboarding:form.run.cwdHint')}
            />
          </>
        )}
      </RunOption>
      <RunOption value="found" checked={draft.runChoice === 'found'} onSelect={choose} label={t('onboarding:form.run.found')}>
        <p className="muted">{t('onboarding:form.run.foundHint')}</p>
      </RunOption>
      <RunOption value="custom" checked={draft.runChoice === 'custom'} onSelect={choose} label={t('onboarding:form.run.custom')}>
        {draft.runChoice === 'custom' && (
          <TextField
            label={t('onboarding:form.run.customField')}
            value={draft.restartCommand}
            onChange={(restartCommand) => onChange({ restartCommand })}
            dir="ltr"
            spellCheck={false}
            hint={t('onboarding:form.run.customHint')}
            error={error('restartCommand')}
          />
        )}
      </RunOption>
      <RunOption value="none" checked={draft.runChoice === 'none'} onSelect={choose} label={t('onboarding:form.run.none')}>
        <p className="muted">{t('onboarding:form.run.noneHint')}</p>
      </RunOption>
      {draft.runChoice !== 'none' && draft.runChoice !== 'found' && (
        <ShellChoice draft={draft} command={commandOf(draft, proposals)} onPick={(shell) => onChange({ shell, shellPicked: true })} />
      )}
      {draft.runChoice !== 'none' && (
        <TextField
          label={t('onboarding:form.run.healthUrl')}
          value={draft.healthUrl}
          onChange={(healthUrl) => onChange({ healthUrl })}
          dir="ltr"
          type="url"
          spellCheck={false}
          hint={t('onboarding:form.run.healthUrlHint')}
          error={error('healthUrl')}
        />
      )}
    </fieldset>
  );
}
