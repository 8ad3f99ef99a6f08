// Starts the renderer on a page, against whichever `DoctorApi` the host provides (preload, harness, fake).
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { matchLanguage } from '../../assets/locales';
import type { DoctorApi } from '../../src-main/contract';
import { createStores } from '../stores/stores';
import { AppRoot } from './AppRoot';
import { applyLanguage, createI18n } from './i18n';
import '../styles/base.css';
import '../styles/controls.css';
import '../styles/layout.css';

export function mountApp(doctor: DoctorApi, element: HTMLElement): () => void {
  // Until main's settings arrive, the browser's own preference (the OS's, in Electron) is the best guess.
  const language = matchLanguage(navigator.languages);
  const i18n = createI18n(language);
  applyLanguage(i18n, language);
  const root = createRoot(element);
  root.render(
    <StrictMode>
      <AppRoot stores={createStores(doctor)} i18n={i18n} />
    </StrictMode>,
  );
  return () => root.unmount();
}
