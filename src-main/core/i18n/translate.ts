// Main-side translation (CLI, tray, notifications) from the same locale files and engine as the renderer.
import i18next, { type i18n } from 'i18next';
import { i18nextOptions, matchLanguage, registerFormatters, type Language } from '../../../assets/locales';
import type { UserMessage } from '../errors';

let instance: i18n | undefined;

function translator(): i18n {
  if (!instance) {
    instance = i18next.createInstance();
    void instance.init(i18nextOptions());
    registerFormatters(instance);
  }
  return instance;
}

/** Renders a core message (`{ key: 'diagnosis:expired.summary', params }`) in `language`. */
export function translate(language: Language, message: UserMessage): string {
  return translator().getFixedT(language)(message.key, message.params ?? {}) as string;
}

/** True when `key` exists in `language` itself (not through the English fallback). */
export function hasTranslation(language: Language, key: string): boolean {
  return translator().exists(key, { lng: language, fallbackLng: false });
}

/** The CLI's language: `WA_TOKEN_DOCTOR_LANG`, then the POSIX locale variables, then English. */
export function languageFromEnvironment(env: NodeJS.ProcessEnv = process.env): Language {
  const candidates = [env.WA_TOKEN_DOCTOR_LANG, env.LC_ALL, env.LC_MESSAGES, env.LANG]
    .filter((value): value is string => Boolean(value) && value !== 'C' && value !== 'POSIX')
    .map((value) => value.split('.')[0] ?? value);
  return matchLanguage(candidates);
}
