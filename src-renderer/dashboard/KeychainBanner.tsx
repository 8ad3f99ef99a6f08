// Shown when the OS keychain cannot be used: renewing needs it, so the owner hears how to fix it before they
// paste anything. The sentence itself comes from main, which knows the platform.
import { useTranslation } from 'react-i18next';
import { useShell } from '../stores/stores';
import { Banner } from '../ui/Banner';
import { Message } from '../ui/Message';

export function KeychainBanner() {
  const { t } = useTranslation();
  const keychain = useShell((state) => state.appInfo?.keychain ?? null);
  if (!keychain || keychain.available) return null;
  return (
    <Banner tone="warning" title={t('dashboard:keychain.title')}>
      <p>{keychain.message ? <Message message={keychain.message} /> : t('dashboard:keychain.body')}</p>
    </Banner>
  );
}
