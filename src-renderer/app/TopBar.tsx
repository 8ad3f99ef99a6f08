// The app's name and the two places the owner moves between; hidden while a guided flow has the whole window.
import { useTranslation } from 'react-i18next';
import iconUrl from '../../assets/icon.svg';
import { useShell } from '../stores/stores';

export function TopBar() {
  const { t } = useTranslation();
  const screen = useShell((state) => state.screen.name);
  const navigate = useShell((state) => state.navigate);
  const showNavigation = screen === 'dashboard' || screen === 'settings' || screen === 'editBot';

  return (
    <header className="top-bar">
      <div className="top-bar__brand">
        <img src={iconUrl} alt="" className="top-bar__logo" />
        <span className="top-bar__name">{t('common:appName')}</span>
      </div>
      {showNavigation && (
        <nav aria-label={t('common:nav.label')} className="top-bar__nav">
          <button
            type="button"
            className="top-bar__link"
            aria-current={screen === 'dashboard' ? 'page' : undefined}
            onClick={() => navigate({ name: 'dashboard' })}
          >
            {t('common:nav.bots')}
          </button>
          <button
            type="button"
            className="top-bar__link"
            aria-current={screen === 'settings' ? 'page' : undefined}
            onClick={() => navigate({ name: 'settings' })}
          >
            {t('common:nav.settings')}
          </button>
        </nav>
      )}
    </header>
  );
}
