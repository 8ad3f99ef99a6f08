// The renderer's i18next instance, built from the shared locale files, and the one place the page's language
// and writing direction are set, so `<html lang dir>` always matches the strings on screen.
import i18next, { type i18n } from 'i18next';
import { initReactI18next } from 'react-i18next';
import { i18nextOptions, registerFormatters, textDirection, type Language } from '../../assets/locales';

/** A fresh instance per app mount, so tests never share a language. */
export function createI18n(language: Language): i18n {
  const instance = i18next.createInstance();
  void instance.use(initReactI18next).init(i18nextOptions(language));
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
