// The Meta app's ID and secret, for hands-off renewal and for reading a system-user token's expiry (Meta shows it
// only to the app). Main checks them with Meta and keeps the secret in the keychain; afterwards only the App ID is
// ever shown. Opened from the dashboard's or the tray's "add the app ID and secret", it takes the focus.
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { CredentialsForm } from '../app-credentials/CredentialsForm';
import { CredentialsWhere } from '../app-credentials/CredentialsWhere';
import { useSettings } from '../stores/stores';
import { Ltr } from '../ui/Ltr';

export const CREDENTIALS_SECTION_ID = 'settings-credentials';

/** Brings the app-credentials form into view, ready to type in (from further up the page, or from elsewhere). */
export function showCredentialsForm(): void {
  const section = document.getElementById(CREDENTIALS_SECTION_ID);
  section?.querySelector<HTMLInputElement>('input')?.focus({ preventScroll: true });
  section?.scrollIntoView({ block: 'start', behavior: 'smooth' });
}

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

export function AppCredentialsSection({ focused = false }: { focused?: boolean }) {
  const { t } = useTranslation();
  const appId = useSettings((state) => state.settings?.appCredentials?.appId ?? null);
  const setAppCredentials = useSettings((state) => state.setAppCredentials);
  const saving = useSettings((state) => state.saving);

  useEffect(() => {
    if (focused) showCredentialsForm();
  }, [focused]);

  return (
    <section className="settings-section" id={CREDENTIALS_SECTION_ID} aria-labelledby="settings-credentials-title">
      <h2 id="settings-credentials-title">{t('settings:credentials.title')}</h2>
      <p>{t('settings:credentials.why')}</p>
      {appId ? (
        <SavedCredentials appId={appId} />
      ) : (
        <div className="credentials">
          <CredentialsWhere text={t('settings:credentials.where')} />
          <CredentialsForm
            busy={saving}
            submitLabel={t('settings:credentials.save')}
            onSubmit={async (credentials) => {
              const outcome = await setAppCredentials(credentials);
              return outcome.ok ? null : outcome.message;
            }}
          />
        </div>
      )}
    </section>
  );
}
