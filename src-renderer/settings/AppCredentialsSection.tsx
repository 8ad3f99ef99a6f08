// The Meta app's ID and secret, for hands-off renewal and for reading even a dead token's details. Main checks
// them with Meta and keeps the secret in the keychain; afterwards only the App ID is ever shown.
import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { UserMessage } from '../../src-main/contract';
import { MetaScreen } from '../meta-screens/MetaScreen';
import type { MetaScreenSpec } from '../meta-screens/screen-spec';
import { useSettings } from '../stores/stores';
import { Banner } from '../ui/Banner';
import { Ltr } from '../ui/Ltr';
import { Message } from '../ui/Message';
import { OpenMetaButton } from '../ui/OpenMetaButton';
import { Spinner } from '../ui/Spinner';
import { TextField } from '../ui/TextField';

export const CREDENTIALS_SECTION_ID = 'settings-credentials';
const APP_ID = /^\d{5,20}$/;
/** Where Meta shows the app's ID and secret: the app's Settings → Basic page. */
const WHERE_CREDENTIALS_ARE: MetaScreenSpec = {
  kind: 'appBasicSettings',
  callouts: [
    { target: 'menu', say: 'screens:say.appSettingsMenu' },
    { target: 'appId', say: 'screens:say.copyAppId' },
    { target: 'showSecret', say: 'screens:say.showSecret' },
  ],
};
const APP_SECRET = /^[A-Za-z0-9]{16,64}$/;

function SavedCredentials({ appId }: { appId: string }) {
  const { t } = useTranslation();
  const clear = useSettings((state) => state.clearAppCredentials);
  const saving = useSettings((state) => state.saving);
  return (
    <div className="credentials-saved">
      <p>
        {t('settings:credentials.savedAppId')} <Ltr>{appId}</Ltr>
      </p>
      <p className="muted">{t('settings:credentials.savedBody')}</p>
      <button type="button" className="button button--danger" disabled={saving} onClick={() => void clear()}>
        {t('settings:credentials.remove')}
      </button>
    </div>
  );
}

function CredentialsForm() {
  const { t } = useTranslation();
  const setAppCredentials = useSettings((state) => state.setAppCredentials);
  const saving = useSettings((state) => state.saving);
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
    const outcome = await setAppCredentials({ appId: appId.trim(), appSecret });
    if (!outcome.ok) setFailure(outcome.message);
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
        <button type="submit" className="button button--primary" disabled={saving}>
          {saving && <Spinner />}
          {t('settings:credentials.save')}
        </button>
      </div>
    </form>
  );
}

export function AppCredentialsSection() {
  const { t } = useTranslation();
  const appId = useSettings((state) => state.settings?.appCredentials?.appId ?? null);
  return (
    <section className="settings-section" id={CREDENTIALS_SECTION_ID} aria-labelledby="settings-credentials-title">
      <h2 id="settings-credentials-title">{t('settings:credentials.title')}</h2>
      <p>{t('settings:credentials.why')}</p>
      {appId ? (
        <SavedCredentials appId={appId} />
      ) : (
        <div className="credentials">
          <div className="credentials__where">
            <p>{t('settings:credentials.where')}</p>
            <OpenMetaButton page="app_basic_settings" label={t('settings:credentials.open')} />
            <MetaScreen spec={WHERE_CREDENTIALS_ARE} alt={t('settings:credentials.alt')} className="credentials__picture" />
          </div>
          <CredentialsForm />
        </div>
      )}
    </section>
  );
}
