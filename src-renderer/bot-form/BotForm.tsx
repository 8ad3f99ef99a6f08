// The connected bot's settings, as found or as saved, every one editable: where the token lives, the WhatsApp
// ids, the API version and how the bot restarts. Used to confirm a detection and to edit a bot later.
import { useId, useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { DetectedValue, StartProposalView, UserMessage } from '../../src-main/contract';
import { Banner } from '../ui/Banner';
import { Ltr } from '../ui/Ltr';
import { Message } from '../ui/Message';
import { TextField } from '../ui/TextField';
import { fieldsOf, validateDraft, type BotDraft, type BotFields, type DraftErrors } from './bot-draft';
import { DestinationsFields } from './DestinationsFields';
import { RunFields } from './RunFields';

interface BotFormOptions {
  /** The bot's folder: relative paths of added places are read from here, and commands run here. */
  folder: string;
  proposals: readonly StartProposalView[];
  envFiles: readonly string[];
  tokenCandidates: readonly string[];
  maskedToken: string | null;
  /** Where each id was found, to say so under its field (only after a detection). */
  detected?: { phoneNumberId: DetectedValue | null; wabaId: DetectedValue | null; apiVersion: DetectedValue | null };
}

interface BotFormProps {
  initial: BotDraft;
  options: BotFormOptions;
  submitLabel: string;
  busy: boolean;
  error: UserMessage | null;
  onSubmit: (fields: BotFields) => void;
  /** Shown above the buttons: warnings that belong to the situation, not to a field. */
  notes?: ReactNode;
  secondary?: ReactNode;
}

export function BotForm({ initial, options, submitLabel, busy, error, onSubmit, notes, secondary }: BotFormProps) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState(initial);
  const [errors, setErrors] = useState<DraftErrors>({});
  const envListId = useId();
  const variableListId = useId();

  const change = (patch: Partial<BotDraft>) => setDraft((current) => ({ ...current, ...patch }));
  const fieldError = (field: keyof DraftErrors) => (errors[field] ? t(errors[field]) : null);
  const foundIn = (value: DetectedValue | null | undefined) =>
    value === undefined ? undefined : value ? (
      <>
        {t('onboarding:form.foundAs')} <Ltr>{value.variable}</Ltr>
      </>
    ) : (
      t('onboarding:form.notFound')
    );

  function submit(event: FormEvent) {
    event.preventDefault();
    const found = validateDraft(draft);
    setErrors(found);
    if (Object.keys(found).length === 0) onSubmit(fieldsOf(draft, options.proposals));
  }

  return (
    <form className="form" onSubmit={submit} noValidate>
      <TextField label={t('onboarding:form.name')} value={draft.name} onChange={(name) => change({ name })} hint={t('onboarding:form.nameHint')} error={fieldError('name')} />

      <fieldset className="fieldset">
        <legend className="fieldset__legend">{t('onboarding:form.tokenLegend')}</legend>
        <TextField
          label={t('onboarding:form.envFile')}
          value={draft.envFile}
          onChange={(envFile) => change({ envFile })}
          list={envListId}
          dir="ltr"
          spellCheck={false}
          hint={t('onboarding:form.envFileHint')}
          error={fieldError('envFile')}
        />
        <datalist id={envListId}>
          {options.envFiles.map((file) => (
            <option key={file} value={file} />
          ))}
        </datalist>
        <TextField
          label={t('onboarding:form.tokenVariable')}
          value={draft.tokenVariable}
          onChange={(tokenVariable) => change({ tokenVariable })}
          list={variableListId}
          dir="ltr"
          spellCheck={false}
          hint={
            options.maskedToken ? (
              <>
                {t('onboarding:form.currentToken')} <Ltr>{options.maskedToken}</Ltr>
              </>
            ) : (
              t('onboarding:form.noToken')
            )
          }
          error={fieldError('tokenVariable')}
        />
        <datalist id={variableListId}>
          {options.tokenCandidates.map((name) => (
            <option key={name} value={name} />
          ))}
        </datalist>
      </fieldset>

      <DestinationsFields
        folder={options.folder}
        choices={draft.otherDestinations}
        onChange={(otherDestinations) => change({ otherDestinations })}
      />

      <fieldset className="fieldset">
        <legend className="fieldset__legend">{t('onboarding:form.whatsappLegend')}</legend>
        <div className="field-row">
          <TextField
            label={t('onboarding:form.phoneNumberId')}
            value={draft.phoneNumberId}
            onChange={(phoneNumberId) => change({ phoneNumberId })}
            dir="ltr"
            inputMode="numeric"
            hint={foundIn(options.detected?.phoneNumberId)}
            error={fieldError('phoneNumberId')}
          />
          <TextField
            label={t('onboarding:form.wabaId')}
            value={draft.wabaId}
            onChange={(wabaId) => change({ wabaId })}
            dir="ltr"
            inputMode="numeric"
            hint={foundIn(options.detected?.wabaId)}
            error={fieldError('wabaId')}
          />
          <TextField
            label={t('onboarding:form.apiVersion')}
            value={draft.apiVersion}
            onChange={(apiVersion) => change({ apiVersion })}
            dir="ltr"
            placeholder={t('onboarding:form.apiVersionPlaceholder')}
            hint={foundIn(options.detected?.apiVersion)}
            error={fieldError('apiVersion')}
          />
        </div>
      </fieldset>

      <RunFields draft={draft} proposals={options.proposals} errors={errors} onChange={change} />

      {notes}
      {Object.keys(errors).length > 0 && (
        <Banner tone="danger" live>
          {t('onboarding:form.fixErrors')}
        </Banner>
      )}
      {error && (
        <Banner tone="danger" live>
          <Message message={error} />
        </Banner>
      )}
      <div className="form__actions">
        <button type="submit" className="button button--primary" disabled={busy}>
          {submitLabel}
        </button>
        {secondary}
      </div>
    </form>
  );
}
