// The window: listens to main, keeps the page's language in step with the settings, and shows one screen.
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { Language } from '../../assets/locales';
import { Dashboard } from '../dashboard/Dashboard';
import { DashboardLoading } from '../dashboard/DashboardStates';
import { EditBotScreen } from '../bot-form/EditBotScreen';
import { Onboarding } from '../onboarding/Onboarding';
import { SettingsScreen } from '../settings/SettingsScreen';
import { listenToMain } from '../stores/events';
import { useSettings, useShell, useStores, type Stores } from '../stores/stores';
import type { Screen } from '../stores/shell-store';
import { Wizard } from '../wizard/Wizard';
import { applyLanguage } from './i18n';
import { startApp } from './start';
import { TopBar } from './TopBar';

function useLanguageFromSettings(): void {
  const { i18n } = useTranslation();
  const effective = useSettings((state) => state.settings?.effectiveLanguage ?? null);
  useEffect(() => {
    applyLanguage(i18n, effective ?? (i18n.language as Language));
  }, [i18n, effective]);
}

function useMain(stores: Stores): void {
  useEffect(() => {
    const stop = listenToMain(stores);
    void startApp(stores);
    return stop;
  }, [stores]);
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
      return <SettingsScreen />;
    case 'wizard':
      return <Wizard />;
    case 'editBot':
      return <EditBotScreen botId={screen.botId} />;
  }
}

export function App() {
  const stores = useStores();
  const screen = useShell((state) => state.screen);
  useMain(stores);
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
