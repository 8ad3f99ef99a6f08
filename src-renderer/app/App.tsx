// The window: listens to main, keeps the page's language in step with the settings, and shows one screen.
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { Language } from '../../assets/locales';
import { Dashboard } from '../dashboard/Dashboard';
import { DashboardLoading } from '../dashboard/DashboardStates';
import { EditBotScreen } from '../bot-form/EditBotScreen';
import { Onboarding } from '../onboarding/Onboarding';
import { SettingsScreen } from '../settings/SettingsScreen';
import { useSettings, useShell } from '../stores/stores';
import type { Screen } from '../stores/shell-store';
import { Wizard } from '../wizard/Wizard';
import { applyLanguage } from './i18n';
import { TopBar } from './TopBar';

function useLanguageFromSettings(): void {
  const { i18n } = useTranslation();
  const effective = useSettings((state) => state.settings?.effectiveLanguage ?? null);
  useEffect(() => {
    applyLanguage(i18n, effective ?? (i18n.language as Language));
  }, [i18n, effective]);
}

/** Before the first list of bots arrives: which screen comes next is not known yet, so only placeholders. */
function Starting() {
  const { t } = useTranslation();
  return (
    <section className="page" aria-labelledby="starting-title">
      <h1 id="starting-title" className="visually-hidden">
        {t('common:appName')}
      </h1>
      <DashboardLoading />
    </section>
  );
}

function ScreenView({ screen }: { screen: Screen }) {
  switch (screen.name) {
    case 'starting':
      return <Starting />;
    case 'onboarding':
      return <Onboarding />;
    case 'dashboard':
      return <Dashboard />;
    case 'settings':
      return <SettingsScreen section={screen.section ?? null} />;
    case 'wizard':
      return <Wizard />;
    case 'editBot':
      return <EditBotScreen botId={screen.botId} />;
  }
}

export function App() {
  const screen = useShell((state) => state.screen);
  useLanguageFromSettings();

  return (
    <div className="app">
      <TopBar />
      <main className="app__main" id="main">
        <ScreenView screen={screen} />
      </main>
    </div>
  );
}
