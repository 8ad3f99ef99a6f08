// The renderer's i18next instance, built from the shared locale files, and the one place the page's language
// and writing direction are set, so `<html lang dir>` always matches the strings on screen.
import i18next, { type i18n } from 'i18next';
import { initReactI18next } from 'react-i18next';
import {
  LANGUAGES,
  NAMESPACES,
  registerFormatters,
  textDirection,
  toI18nextResources,
  type Language,
} from '../../assets/locales';

/** A fresh instance per app mount, so tests never share a language. */
export function createI18n(language: Language): i18n {
  const instance = i18next.createInstance();
  void instance.use(initReactI18next).init({
    resources: toI18nextResources(),
    lng: language,
    supportedLngs: [...LANGUAGES],
    fallbackLng: 'en',
    ns: [...NAMESPACES],
    defaultNS: 'common',
    nsSeparator: ':',
    // React escapes what it renders; escaping here too would show "&amp;" to the owner.
    interpolation: { escapeValue: false },
    initAsync: false,
  });
  registerFormatters(instance);
  return instance;
}

/** Switches the strings and the page together: Arabic flips the whole layout through `dir`. */
export function applyLanguage(instance: i18n, language: Language): void {
  if (instance.language !== language) void instance.changeLanguage(language);
  const root = document.documentElement;
  root.lang = language;
  root.dir = textDirection(language);
}
