// Starts the renderer on a page, against whichever `DoctorApi` the host provides (preload, harness, fake).
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { matchLanguage, type Language } from '../../assets/locales';
import type { DoctorApi } from '../../src-main/contract';
import { createStores, type Stores } from '../stores/stores';
import { AppRoot } from './AppRoot';
import { applyLanguage, createI18n } from './i18n';
import { connectToMain } from './start';
import '../styles/base.css';
import '../styles/controls.css';
import '../styles/layout.css';

/**
 * Until main's settings arrive, the browser's own preference (the OS's, in Electron) is the best guess at the
 * language. Returns the stores so a host page (the preview) can look inside.
 */
export function mountApp(
  doctor: DoctorApi,
  element: HTMLElement,
  language: Language = matchLanguage(navigator.languages),
): { stores: Stores; unmount: () => void } {
  const i18n = createI18n(language);
  applyLanguage(i18n, language);
  const stores = createStores(doctor);
  const stopListening = connectToMain(stores);
  const root = createRoot(element);
  root.render(
    <StrictMode>
      <AppRoot stores={stores} i18n={i18n} />
    </StrictMode>,
  );
  return {
    stores,
    unmount: () => {
      stopListening();
      root.unmount();
    },
  };
}
