// The app with everything it depends on handed in, so the real window, the preview and tests mount it alike.
import type { i18n } from 'i18next';
import { I18nextProvider } from 'react-i18next';
import { StoresContext, type Stores } from '../stores/stores';
import { App } from './App';

export function AppRoot({ stores, i18n }: { stores: Stores; i18n: i18n }) {
  return (
    <StoresContext.Provider value={stores}>
      <I18nextProvider i18n={i18n}>
        <App />
      </I18nextProvider>
    </StoresContext.Provider>
  );
}
