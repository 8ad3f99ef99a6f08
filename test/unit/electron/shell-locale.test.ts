import { describe, expect, it } from 'vitest';
import { isLocaleEntry, LANGUAGES, LOCALE_FILES, type LocaleTree } from '../../../assets/locales';
import { hasTranslation } from '../../../src-main/core/i18n/translate';

/** The shell's own keys (the tray and the dialogs); `notify.*` belongs to the watch. */
const SHELL_GROUPS = ['tray', 'dialog'] as const;

const PLAIN_KEYS = [
  'tray.botLine',
  ...['checking', 'needsNewToken', 'notChecked', 'couldNotCheck', 'expiresSoon', 'neverExpires', 'valid'].map((key) => `tray.status.${key}`),
  ...['ok', 'expiring', 'dead', 'unknown', 'noBots'].map((key) => `tray.tooltip.${key}`),
  ...['renewToken', 'restartBot', 'checkNow', 'open', 'quit', 'noBots'].map((key) => `tray.menu.${key}`),
  ...['restarted', 'restartFailed', 'restartFailedTitle'].map((key) => `tray.notice.${key}`),
  'dialog.pickBotFolder.title',
  'dialog.pickBotFolder.button',
  'dialog.startFailed.title',
  'dialog.startFailed.body',
];
const PLURAL_KEYS = ['tray.status.expiresInDays', 'tray.status.expiresInHours', 'tray.status.expiresInMinutes'];

function leaves(tree: LocaleTree, prefix = ''): Map<string, { message: string; description?: string }> {
  const found = new Map<string, { message: string; description?: string }>();
  for (const [key, node] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (isLocaleEntry(node)) found.set(path, node);
    else for (const [leaf, entry] of leaves(node, path)) found.set(leaf, entry);
  }
  return found;
}

const shellLeaves = (language: (typeof LANGUAGES)[number]) =>
  new Map([...leaves(LOCALE_FILES[language].shell)].filter(([key]) => SHELL_GROUPS.some((group) => key.startsWith(`${group}.`))));

describe('the tray and dialog strings', () => {
  it.each(LANGUAGES)('exist in %s, each plural in every form the language has', (language) => {
    const missing: string[] = [];
    for (const key of PLAIN_KEYS) if (!hasTranslation(language, `shell:${key}`)) missing.push(key);
    const forms = new Intl.PluralRules(language).resolvedOptions().pluralCategories;
    for (const key of PLURAL_KEYS) {
      for (const form of forms) if (!hasTranslation(language, `shell:${key}_${form}`)) missing.push(`${key}_${form}`);
    }
    expect(missing).toEqual([]);
  });

  it('give Arabic all six plural forms', () => {
    const arabic = shellLeaves('ar');
    for (const key of PLURAL_KEYS) {
      for (const form of ['zero', 'one', 'two', 'few', 'many', 'other']) expect(arabic.has(`${key}_${form}`), `${key}_${form}`).toBe(true);
    }
  });

  it('tell translators what each English string is for', () => {
    const undescribed = [...shellLeaves('en')].filter(([, entry]) => !entry.description?.trim()).map(([key]) => key);
    expect(undescribed).toEqual([]);
  });

  it('have no Turkish or Arabic key that English lacks, and keep every placeholder', () => {
    const english = shellLeaves('en');
    for (const language of ['tr', 'ar'] as const) {
      for (const [key, entry] of shellLeaves(language)) {
        const base = key.replace(/_(zero|one|two|few|many|other)$/, '');
        const source = english.get(key) ?? english.get(`${base}_other`);
        expect(source, `${language}: ${key}`).toBeDefined();
        const placeholders = (text: string) => [...text.matchAll(/\{\{(\w+)/g)].map((match) => match[1]).filter((name) => name !== 'count').sort();
        expect(placeholders(entry.message), `${language}: ${key}`).toEqual(placeholders(source?.message ?? ''));
      }
    }
  });
});
