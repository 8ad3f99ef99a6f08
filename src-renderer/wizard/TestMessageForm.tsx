// An optional test message from the bot's number to the owner's own phone: a short text, or Meta's
// `hello_world` template (which arrives even when the number has not written to the bot lately).
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useWizard } from '../stores/stores';
import { Banner } from '../ui/Banner';
import { Message } from '../ui/Message';
import { Spinner } from '../ui/Spinner';
import { TextField } from '../ui/TextField';

const PHONE_NUMBER = /^\+?[\d\s().-]{6,24}$/;

export function TestMessageForm() {
  const { t } = useTranslation();
  const [to, setTo] = useState('');
  const [kind, setKind] = useState<'text' | 'template'>('template');
  const [invalid, setInvalid] = useState(false);
  const testMessage = useWizard((state) => state.testMessage);
  const send = useWizard((state) => state.sendTestMessage);

  function submit(event: FormEvent) {
    event.preventDefault();
    const valid = PHONE_NUMBER.test(to.trim());
    setInvalid(!valid);
    if (valid) void send(to.trim(), kind);
  }

  return (
    <form className="test-message" onSubmit={submit}>
      <h3>{t('wizard:testMessage.title')}</h3>
      <p className="muted">{t('wizard:testMessage.body')}</p>
      <TextField
        label={t('wizard:testMessage.to')}
        value={to}
        onChange={setTo}
        dir="ltr"
        type="tel"
        inputMode="tel"
        autoComplete="tel"
        placeholder={t('wizard:testMessage.placeholder')}
        hint={t('wizard:testMessage.toHint')}
        error={invalid ? t('wizard:testMessage.invalid') : null}
      />
      <fieldset className="fieldset fieldset--inline">
        <legend className="fieldset__legend">{t('wizard:testMessage.kind')}</legend>
        <label className="choice__label">
          <input type="radio" name="test-kind" checked={kind === 'template'} onChange={() => setKind('template')} />
          {t('wizard:testMessage.template')}
        </label>
        <label className="choice__label">
          <input type="radio" name="test-kind" checked={kind === 'text'} onChange={() => setKind('text')} />
          {t('wizard:testMessage.text')}
        </label>
      </fieldset>
      <button type="submit" className="button" disabled={testMessage.sending}>
        {testMessage.sending && <Spinner />}
        {t('wizard:testMessage.send')}
      </button>
      <div aria-live="polite">
        {testMessage.result && (
          <Banner tone={testMessage.result.ok ? 'success' : 'danger'} title={<Message message={testMessage.result.message} />}>
            {testMessage.result.fix && (
              <p>
                <Message message={testMessage.result.fix} />
              </p>
            )}
          </Banner>
        )}
        {testMessage.error && (
          <Banner tone="danger">
            <p>
              <Message message={testMessage.error} />
            </p>
          </Banner>
        )}
      </div>
    </form>
  );
}
