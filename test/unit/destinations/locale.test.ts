// Every sentence the destinations can produce exists in English, Turkish and Arabic, with the same placeholders;
// the keys are read from the module's source, so a new message without its translations fails here.
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { LANGUAGES, LOCALE_FILES, isLocaleEntry, type LocaleTree } from '../../../assets/locales';
import { hasTranslation, translate } from '../../../src-main/core/i18n/translate';

const SOURCE = fileURLToPath(new URL('../../../src-main/core/destinations/', import.meta.url));
const source = readdirSync(SOURCE).map((name) => readFileSync(`${SOURCE}${name}`, 'utf8')).join('\n');

function leaves(tree: LocaleTree, prefix = ''): Map<string, { message: string; description?: string }> {
  const found = new Map<string, { message: string; description?: string }>();
  for (const [key, node] of Object.entries(tree)) {
    if (isLocaleEntry(node)) found.set(`${prefix}${key}`, node);
    else for (const [inner, entry] of leaves(node, `${prefix}${key}.`)) found.set(inner, entry);
  }
  return found;
}

const placeholders = (message: string) => [...message.matchAll(/\{\{(\w+)/g)].map((match) => match[1]).sort();
const withoutPlural = (key: string) => key.replace(/_(zero|one|two|few|many|other)$/, '');

describe('destinations locale', () => {
  it('has every key the code uses, in every language', () => {
    const problems = [...source.matchAll(/destinationError\(\s*'(\w+)'/g)].map((match) => `destinations:errors.${match[1]}`);
    const literal = [...source.matchAll(/'(destinations:[\w.]+)'/g)].map((match) => match[1]!);
    const dynamic = [...source.matchAll(/`(destinations:[\w.]+)\$\{/g)];
    expect(problems.length).toBeGreaterThan(15);
    expect(dynamic.map((match) => match[1])).toEqual(['destinations:errors.', 'destinations:risk.', 'destinations:risk.', 'destinations:change.']);
    const dynamicKeys = [
      ...['copies_env', 'copies_folder', 'seed_comment', 'fallback_comment', 'tokens_in_database_comment', 'code_saves_token'].map((kind) => `destinations:risk.${kind}`),
      ...['replaced', 'added'].map((change) => `destinations:change.${change}`),
    ];
    for (const key of [...problems, ...literal, ...dynamicKeys]) {
      for (const language of LANGUAGES) {
        expect(hasTranslation(language, key) || hasTranslation(language, `${key}_other`), `${language}: ${key}`).toBe(true);
      }
    }
  });

  it('says the same things in each language: same keys, same placeholders, a description for translators', () => {
    const english = leaves(LOCALE_FILES.en.destinations);
    for (const [key, entry] of english) expect(entry.description, key).toBeTruthy();
    for (const language of ['tr', 'ar'] as const) {
      const translated = leaves(LOCALE_FILES[language].destinations);
      expect(new Set([...translated.keys()].map(withoutPlural))).toEqual(new Set([...english.keys()].map(withoutPlural)));
      for (const [key, entry] of translated) {
        const base = english.get(key) ?? english.get(`${withoutPlural(key)}_other`)!;
        // Arabic's "one"/"two" forms say the number in words, so {{count}} may be absent there.
        const expected = placeholders(base.message).filter((name) => !(language === 'ar' && /_(one|two)$/.test(key) && name === 'count'));
        expect(placeholders(entry.message), `${language}: ${key}`).toEqual(expected);
      }
    }
  });

  it('has all six Arabic plural forms where English has plurals', () => {
    const arabic = leaves(LOCALE_FILES.ar.destinations);
    for (const key of leaves(LOCALE_FILES.en.destinations).keys()) {
      if (!key.endsWith('_other')) continue;
      const base = key.replace(/_other$/, '');
      for (const form of ['zero', 'one', 'two', 'few', 'many', 'other']) expect(arabic.has(`${base}_${form}`), `${base}_${form}`).toBe(true);
    }
    const timedOut = (count: number) => translate('ar', { key: 'destinations:errors.command_timed_out', params: { command: 'x', count } });
    expect(timedOut(1)).toContain('ثانية واحدة');
    expect(timedOut(2)).toContain('ثانيتين');
    expect(timedOut(5)).toContain('5 ثوانٍ');
    expect(timedOut(60)).toContain('60 ثانية');
  });
});
