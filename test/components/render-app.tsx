// Mounts the whole app against a fresh fake doctor, fresh stores and a fresh i18next instance, the way
// `mountApp` does, and hands back what tests need to drive and inspect it.
import { render } from '@testing-library/react';
import type { Language } from '../../assets/locales';
import { AppRoot } from '../../src-renderer/app/AppRoot';
import { createI18n } from '../../src-renderer/app/i18n';
import { connectToMain } from '../../src-renderer/app/start';
import { createStores } from '../../src-renderer/stores/stores';
import { FakeDoctor, type FakeDoctorOptions } from './fake-doctor';

export function renderApp(options: FakeDoctorOptions & { language?: Language } = {}) {
  const { language = 'en', ...doctorOptions } = options;
  const fake = new FakeDoctor({ ...doctorOptions, settings: { effectiveLanguage: language, ...doctorOptions.settings } });
  const stores = createStores(fake.api, { shapeCheckDelayMs: 10 });
  const i18n = createI18n(language);
  connectToMain(stores);
  const view = render(<AppRoot stores={stores} i18n={i18n} />);
  /** Translates like the app does, so assertions follow the locale files instead of copying them. */
  const t = (key: string, params?: Record<string, unknown>): string => i18n.t(key, params ?? {});
  return { ...view, fake, stores, i18n, t };
}

/** Every store's state as JSON: what the renderer holds in memory. */
export function allStoreState(stores: ReturnType<typeof createStores>): string {
  const { doctor: _doctor, ...owned } = stores;
  return JSON.stringify(Object.values(owned).map((store) => store.getState()));
}
