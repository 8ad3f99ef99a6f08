// Every bot:* key the code uses exists in English, Turkish and Arabic (with all plural forms each needs).
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LANGUAGES, LOCALE_FILES, isLocaleEntry, type LocaleTree } from '../../../assets/locales';
import { hasTranslation, translate } from '../../../src-main/core/i18n/translate';

const SOURCE = join(import.meta.dirname, '../../../src-main/core/bot');

async function keysUsedInSource(): Promise<string[]> {
  const files = (await readdir(SOURCE)).filter((name) => name.endsWith('.ts'));
  const keys = new Set<string>();
  for (const file of files) {
    for (const match of (await readFile(join(SOURCE, file), 'utf8')).matchAll(/'(bot:[\w.]+)'/g)) keys.add(match[1]!);
  }
  return [...keys].sort();
}

function leaves(tree: LocaleTree, prefix = ''): string[] {
  return Object.entries(tree).flatMap(([key, node]) =>
    isLocaleEntry(node) ? [`${prefix}${key}`] : leaves(node, `${prefix}${key}.`),
  );
}

describe('the bot namespace', () => {
  it('translates every key the code uses, in every language', async () => {
    const keys = await keysUsedInSource();
    expect(keys.length).toBeGreaterThan(25);
    for (const language of LANGUAGES) {
      for (const key of keys) {
        const present = hasTranslation(language, key) || hasTranslation(language, `${key}_other`);
        expect(present, `${language} ${key}`).toBe(true);
      }
    }
  });

  it('has the same keys in every language, English with descriptions, and no key the code does not use', async () => {
    const used = new Set(await keysUsedInSource());
    const english = leaves(LOCALE_FILES.en.bot).sort();
    for (const key of english) expect(used.has(`bot:${key.replace(/_(zero|one|two|few|many|other)$/, '')}`), key).toBe(true);
    const withoutArabicPlurals = (keys: string[]) => keys.filter((key) => !/_(zero|two|few|many)$/.test(key));
    expect(leaves(LOCALE_FILES.tr.bot).sort()).toEqual(english);
    expect(withoutArabicPlurals(leaves(LOCALE_FILES.ar.bot).sort())).toEqual(english);
    const describe = (tree: LocaleTree): boolean =>
      Object.values(tree).every((node) => (isLocaleEntry(node) ? Boolean(node.description) : describe(node)));
    expect(describe(LOCALE_FILES.en.bot)).toBe(true);
  });

  it('uses Arabic plural forms (two seconds is not "2 ثانية")', () => {
    const message = (count: number) => translate('ar', { key: 'bot:health.exitedEarly', params: { count } });
    expect(message(2)).toContain('ثانيتين');
    expect(message(3)).toContain('ثوانٍ');
    expect(translate('en', { key: 'bot:health.exitedEarly', params: { count: 1 } })).toBe('The bot stopped within 1 second of starting.');
    expect(translate('tr', { key: 'bot:restart.couldNotStop', params: { pids: '12, 13' } })).toContain('12, 13');
  });
});
