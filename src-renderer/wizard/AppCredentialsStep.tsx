// The lasting path's last step: the Meta app's ID and secret. Main checks them with Meta at once by having the app
// inspect the pasted token (same app, its real expiry and type), keeps the secret in the keychain, and from then on
// renews a 60-day token by itself. Skipping is allowed; the verdict then says the token will need its owner.
import { useTranslation } from 'react-i18next';
import { CredentialsForm } from '../app-credentials/CredentialsForm';
import { CredentialsWhere } from '../app-credentials/CredentialsWhere';
import { useWizard } from '../stores/stores';
import { FocusHeading } from '../ui/FocusHeading';
import { WizardNav } from './WizardNav';

export function AppCredentialsStep() {
  const { t } = useTranslation();
  const botId = useWizard((state) => state.botId);
  const saving = useWizard((state) => state.credentialsSaving);
  const submit = useWizard((state) => state.submitAppCredentials);
  const skip = useWizard((state) => state.skipAppCredentials);
  const back = useWizard((state) => state.back);

  return (
    <div className="wizard-stage app-credentials-step">
      <p className="wizard-stage__count">{t('wizard:appCredentials.count')}</p>
      <FocusHeading level={2}>{t('wizard:appCredentials.title')}</FocusHeading>
      <p className="lead">{t('wizard:appCredentials.body')}</p>
      <div className="credentials">
        <CredentialsWhere text={t('wizard:appCredentials.where')} botId={botId ?? undefined} />
        <CredentialsForm busy={saving} submitLabel={t('wizard:appCredentials.check')} onSubmit={submit} />
      </div>
      <p className="muted">{t('wizard:appCredentials.skipNote')}</p>
      <WizardNav
        onBack={back}
        next={
          <button type="button" className="button" onClick={skip} disabled={saving}>
            {t('wizard:appCredentials.skip')}
          </button>
        }
      />
    </div>
  );
}
