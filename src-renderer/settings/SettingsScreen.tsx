// Settings: how the app behaves, the Meta app's credentials for hands-off renewal, the connected bots, and
// which version this is.
import { useTranslation } from 'react-i18next';
import { useSettings } from '../stores/stores';
import { Banner } from '../ui/Banner';
import { FocusHeading } from '../ui/FocusHeading';
import { Message } from '../ui/Message';
import { SkeletonLines } from '../ui/Skeleton';
import { AboutSection } from './AboutSection';
import { AppCredentialsSection } from './AppCredentialsSection';
import { ConnectedBotsSection } from './ConnectedBotsSection';
import { GeneralSettings } from './GeneralSettings';
import '../styles/settings.css';

export function SettingsScreen({ section = null }: { section?: 'appCredentials' | null }) {
  const { t } = useTranslation();
  const loaded = useSettings((state) => state.settings !== null);
  const loadError = useSettings((state) => state.loadError);
  const load = useSettings((state) => state.load);

  return (
    <section className="page page--narrow settings" aria-labelledby="settings-title">
      <FocusHeading level={1} id="settings-title">
        {t('settings:title')}
      </FocusHeading>
      {loadError && (
        <Banner
          tone="danger"
          title={t('settings:loadFailed')}
          actions={
            <button type="button" className="button" onClick={() => void load()}>
              {t('common:actions.tryAgain')}
            </button>
          }
        >
          <p>
            <Message message={loadError} />
          </p>
        </Banner>
      )}
      {!loaded && !loadError && <SkeletonLines lines={6} />}
      {loaded && (
        <>
          <GeneralSettings />
          <AppCredentialsSection focused={section === 'appCredentials'} />
        </>
      )}
      <ConnectedBotsSection />
      <AboutSection />
    </section>
  );
}
