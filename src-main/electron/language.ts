// The language the tray, notifications and dialogs speak: the owner's choice from settings, else the best
// match for the OS's preference list (app.getPreferredSystemLanguages(), not Chromium's UI locale).
import { matchLanguage, type Language } from '../../assets/locales';

export function resolveAppLanguage(choice: Language | null, preferredLanguages: readonly string[]): Language {
  return choice ?? matchLanguage(preferredLanguages);
}

/** Holds the current language and tells the tray and others when it changes (settingsChanged). */
export class AppLanguage {
  #current: Language;
  #listeners: ((language: Language) => void)[] = [];

  constructor(private readonly preferredLanguages: () => readonly string[]) {
    this.#current = resolveAppLanguage(null, preferredLanguages());
  }

  get current(): Language {
    return this.#current;
  }

  /** Applies the settings' choice (null: follow the OS) and notifies listeners when the result changed. */
  applyChoice(choice: Language | null): void {
    const next = resolveAppLanguage(choice, this.preferredLanguages());
    if (next === this.#current) return;
    this.#current = next;
    for (const listener of this.#listeners) listener(next);
  }

  onChange(listener: (language: Language) => void): void {
    this.#listeners.push(listener);
  }
}
