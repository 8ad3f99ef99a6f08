// Paste the new token: a password-style field (with show/hide), the clipboard's token offered by its masked
// form, an instant shape check while typing, then "Check with Meta". The token stays in the input element
// only; on submit the field is emptied and the token goes to main as an argument, never into a store.
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { KeychainBanner } from '../dashboard/KeychainBanner';
import { useWizard } from '../stores/stores';
import { Banner } from '../ui/Banner';
import { FocusHeading } from '../ui/FocusHeading';
import { Icon } from '../ui/Icon';
import { Ltr } from '../ui/Ltr';
import { Message } from '../ui/Message';
import { Spinner } from '../ui/Spinner';
import { shapeProblemKey } from './shape-words';
import { WizardNav } from './WizardNav';

function ShapeFeedback() {
  const { t } = useTranslation();
  const shape = useWizard((state) => state.shape);
  const problem = shape ? shapeProblemKey(shape) : null;
  return (
    <p id="token-shape" className={problem ? 'field__error' : 'field__hint'} aria-live="polite">
      {shape?.ok && shape.masked && (
        <>
          <Icon name="check" />
          {t('wizard:shape.ok', { count: shape.length })} <Ltr>{shape.masked}</Ltr>
        </>
      )}
      {problem && (
        <>
          <Icon name="warning" />
          {t(problem)}
        </>
      )}
    </p>
  );
}

export function PasteStep() {
  const { t } = useTranslation();
  const field = useRef<HTMLInputElement>(null);
  const [visible, setVisible] = useState(false);
  const [hasText, setHasText] = useState(false);
  const shapeBad = useWizard((state) => state.shape?.ok === false);
  const clipboard = useWizard((state) => state.clipboard);
  const submitting = useWizard((state) => state.submitting);
  const submitError = useWizard((state) => state.submitError);
  const checkShape = useWizard((state) => state.checkShape);
  const offerClipboard = useWizard((state) => state.offerClipboard);
  const submitToken = useWizard((state) => state.submitToken);
  const submitClipboardToken = useWizard((state) => state.submitClipboardToken);
  const back = useWizard((state) => state.back);

  useEffect(() => {
    void offerClipboard();
  }, [offerClipboard]);

  function submit(event: FormEvent) {
    event.preventDefault();
    const input = field.current;
    if (!input || input.value.trim() === '') return;
    const token = input.value;
    input.value = '';
    setHasText(false);
    void submitToken(token);
  }

  return (
    <div className="wizard-stage">
      <FocusHeading level={2}>{t('wizard:paste.title')}</FocusHeading>
      <p>{t('wizard:paste.body')}</p>
      <KeychainBanner />

      {clipboard && (
        <div className="clipboard-offer">
          <button type="button" className="button button--primary" disabled={submitting} onClick={() => void submitClipboardToken()}>
            {t('wizard:paste.useClipboard')} <Ltr>{clipboard.masked}</Ltr>
          </button>
          <p className="muted">{t('wizard:paste.orPaste')}</p>
        </div>
      )}

      <form className="paste-form" onSubmit={submit}>
        <label htmlFor="token-field" className="field__label">
          {t('wizard:paste.label')}
        </label>
        <div className="paste-form__row">
          <input
            ref={field}
            id="token-field"
            className="field__input paste-form__input"
            type={visible ? 'text' : 'password'}
            dir="ltr"
            autoComplete="off"
            autoCorrect="off"
            autoCapitalize="off"
            spellCheck={false}
            aria-describedby="token-shape"
            aria-invalid={shapeBad || undefined}
            onInput={(event) => {
              const value = event.currentTarget.value;
              setHasText(value.trim() !== '');
              checkShape(value);
            }}
          />
          <button
            type="button"
            className="button button--icon"
            aria-pressed={visible}
            aria-label={t(visible ? 'wizard:paste.hide' : 'wizard:paste.show')}
            title={t(visible ? 'wizard:paste.hide' : 'wizard:paste.show')}
            onClick={() => setVisible((value) => !value)}
          >
            <Icon name={visible ? 'eyeOff' : 'eye'} />
          </button>
        </div>
        <ShapeFeedback />
        <div aria-live="polite">
          {submitting && (
            <p className="inline-status">
              <Spinner />
              {t('wizard:paste.checking')}
            </p>
          )}
          {submitError && (
            <Banner tone="danger" title={t('wizard:paste.failed')}>
              <p>
                <Message message={submitError} />
              </p>
            </Banner>
          )}
        </div>
        <WizardNav
          onBack={back}
          next={
            <button type="submit" className="button button--primary" disabled={!hasText || shapeBad || submitting}>
              {t('wizard:paste.check')}
              <Icon name="next" />
            </button>
          }
        />
      </form>
    </div>
  );
}
