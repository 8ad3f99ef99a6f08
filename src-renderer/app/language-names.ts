// Each language named in itself ("Türkçe", "العربية"), so an owner finds theirs whatever is on screen now.
import type { Language } from '../../assets/locales';

export const LANGUAGE_NAME_KEY: Record<Language, string> = {
  en: 'common:languages.en',
  tr: 'common:languages.tr',
  ar: 'common:languages.ar',
};
