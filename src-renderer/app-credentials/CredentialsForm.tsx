// The Meta app's ID and secret, typed in once. The secret lives only in an uncontrolled password field and leaves
// it on submit (the field is emptied at once); the caller sends both to main, which checks them with Meta.
import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { UserMessage } from '../../src-main/contract';
import { Banner } from '../ui/Banner';
import { Message } from '../ui/Message';
import { Spinner } from '../ui/Spinner';
import { TextField } from '../ui/TextField';
import '../styles/app-credentials.css';

const APP_ID = /^\d{5,20}$/;
const APP_SECRET = /^[A-Za-z0-9]{16,64}$/;

interface CredentialsFormProps {
  /** Resolves with what Meta or main refused, or null once they are kept. */
  onSubmit(credentials: { appId: string; appSecret: string }): Promise<UserMessage | null>;
  busy: boolean;
  submitLabel: string;
}

export function CredentialsForm({ onSubmit, busy, submitLabel }: CredentialsFormProps) {
  const { t } = useTranslation();
  const [appId, setAppId] = useState('');
  const secretField = useRef<HTMLInputElement>(null);
  const [errors, setErrors] = useState<{ appId?: string; appSecret?: string }>({});
  const [failure, setFailure] = useState<UserMessage | null>(null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const appSecret = secretField.current?.value.trim() ?? '';
    const found = {
      appId: APP_ID.test(appId.trim()) ? undefined : t('settings:credentials.appIdInvalid'),
      appSecret: APP_SECRET.test(appSecret) ? undefined : t('settings:credentials.secretInvalid'),
    };
    setErrors(found);
    if (found.appId || found.appSecret) return;
    if (secretField.current) secretField.current.value = '';
    setFailure(null);
    setFailure(await onSubmit({ appId: appId.trim(), appSecret }));
  }

  return (
    <form className="credentials-form" onSubmit={(event) => void submit(event)} noValidate>
      <div className="credentials-form__fields">
        <TextField
          label={t('settings:credentials.appId')}
          value={appId}
          onChange={setAppId}
          dir="ltr"
          inputMode="numeric"
          autoComplete="off"
          error={errors.appId}
        />
        <div className="field">
          <label htmlFor="app-secret" className="field__label">
            {t('settings:credentials.appSecret')}
          </label>
          <input
            ref={secretField}
            id="app-secret"
            className="field__input"
            type="password"
            dir="ltr"
            autoComplete="off"
            spellCheck={false}
            aria-invalid={errors.appSecret ? true : undefined}
            aria-describedby={errors.appSecret ? 'app-secret-error' : undefined}
          />
          {errors.appSecret && (
            <p id="app-secret-error" className="field__error">
              {errors.appSecret}
            </p>
          )}
        </div>
        <div aria-live="polite">
          {failure && (
            <Banner tone="danger">
              <p>
                <Message message={failure} />
              </p>
            </Banner>
          )}
        </div>
        <button type="submit" className="button button--primary" disabled={busy}>
          {busy && <Spinner />}
          {submitLabel}
        </button>
      </div>
    </form>
  );
}
