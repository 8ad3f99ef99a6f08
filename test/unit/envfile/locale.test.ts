// Every envfile:* sentence the code can produce (its own errors, and the keys other modules use) exists in
// English, Turkish and Arabic, with the plural forms each language needs.
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LANGUAGES } from '../../../assets/locales';
import { ENV_FILE_PROBLEMS } from '../../../src-main/core/envfile/errors';
import { hasTranslation, translate } from '../../../src-main/core/i18n/translate';

const ROOT = join(import.meta.dirname, '../../..');

async function sourceFiles(folder: string): Promise<string[]> {
  const entries = await readdir(join(ROOT, folder), { recursive: true, withFileTypes: true }).catch(() => []);
  return entries
    .filter((entry) => entry.isFile() && /\.tsx?$/.test(entry.name))
    .map((entry) => join(entry.parentPath, entry.name));
}

async function keysUsedInSource(): Promise<string[]> {
  const keys = new Set(ENV_FILE_PROBLEMS.map((problem) => `envfile:errors.${problem}`));
  for (const file of [...(await sourceFiles('src-main')), ...(await sourceFiles('src-renderer'))]) {
    for (const match of (await readFile(file, 'utf8')).matchAll(/['`](envfile:[\w.]+)['`]/g)) keys.add(match[1]!);
  }
  return [...keys].sort();
}

describe('the envfile namespace', () => {
  it('translates every key the code uses, in every language', async () => {
    const keys = await keysUsedInSource();
    expect(keys.length).toBeGreaterThanOrEqual(ENV_FILE_PROBLEMS.length);
    for (const language of LANGUAGES) {
      for (const key of keys) {
        expect(hasTranslation(language, key) || hasTranslation(language, `${key}_other`), `${language} ${key}`).toBe(true);
      }
    }
  });

  it('counts duplicates in each language\'s own plural forms', () => {
    const duplicates = (language: 'en' | 'tr' | 'ar', count: number) =>
      translate(language, { key: 'envfile:change.duplicates', params: { key: 'WHATSAPP_TOKEN', line: 9, count } });
    expect(duplicates('en', 1)).toContain('once more');
    expect(duplicates('en', 3)).toContain('3 more times');
    expect(duplicates('tr', 2)).toContain('2 kez daha');
    expect(duplicates('ar', 2)).toContain('مرتين');
    expect(duplicates('ar', 3)).toContain('3 مرات');
    for (const language of LANGUAGES) expect(duplicates(language, 2)).toContain('WHATSAPP_TOKEN');
  });
});
