// Every locale file, every language: valid JSON, each English key present in Turkish and Arabic with every plural
// form that language needs, the same interpolation variables, no empty message, a description for translators.
import { describe, expect, it } from 'vitest';
import { LANGUAGES, NAMESPACES } from '../../../assets/locales';
import { ALL_FILES, flatten, groupKeys, pluralCategories, readLocale, variablesOf, type KeyGroup } from './locale-tree';

const TRANSLATIONS = LANGUAGES.filter((language) => language !== 'en');

function englishGroups(namespace: (typeof NAMESPACES)[number]): Map<string, KeyGroup> {
  return groupKeys(flatten(readLocale('en', namespace)));
}

/** Variables other than `count`, which a plural form may leave out ("one day", "يومان"). */
function namedVariables(group: KeyGroup): Set<string> {
  const names = new Set<string>();
  for (const leaf of group.forms.values()) {
    for (const name of variablesOf(String(leaf.message))) if (name !== 'count') names.add(name);
  }
  return names;
}

describe('locale files', () => {
  it.each(ALL_FILES)('$language/$namespace.json is valid JSON made of {message, description} leaves', ({ language, namespace }) => {
    const leaves = flatten(readLocale(language, namespace));
    for (const [key, leaf] of leaves) {
      expect(typeof leaf.message, `${language}/${namespace}:${key}`).toBe('string');
      expect(String(leaf.message).trim(), `${language}/${namespace}:${key} is empty`).not.toBe('');
      expect(leaf.extraFields, `${language}/${namespace}:${key} has unknown fields`).toEqual([]);
    }
  });

  it.each(NAMESPACES)('every English key in %s has a description for translators', (namespace) => {
    const missing = [...flatten(readLocale('en', namespace))]
      .filter(([, leaf]) => typeof leaf.description !== 'string' || leaf.description.trim() === '')
      .map(([key]) => key);
    expect(missing).toEqual([]);
  });

  it.each(NAMESPACES)('English plurals in %s have every English form', (namespace) => {
    for (const [key, group] of englishGroups(namespace)) {
      if (!group.plural) continue;
      for (const category of pluralCategories('en')) expect(group.forms.has(category), `en ${namespace}:${key}_${category}`).toBe(true);
    }
  });

  describe.each(TRANSLATIONS)('%s', (language) => {
    it.each(NAMESPACES)(`has every English key of %s, with all of ${language}'s plural forms`, (namespace) => {
      const groups = groupKeys(flatten(readLocale(language, namespace)));
      const missing: string[] = [];
      for (const [key, english] of englishGroups(namespace)) {
        const translated = groups.get(key);
        // A language may need plural forms where English has one sentence for every number.
        const forms = english.plural || translated?.plural ? pluralCategories(language) : [''];
        for (const form of forms) {
          if (!translated?.forms.has(form)) missing.push(form ? `${key}_${form}` : key);
        }
      }
      expect(missing).toEqual([]);
    });

    it.each(NAMESPACES)('has no key in %s that English lacks', (namespace) => {
      const english = englishGroups(namespace);
      const extra = [...groupKeys(flatten(readLocale(language, namespace))).keys()].filter((key) => !english.has(key));
      expect(extra).toEqual([]);
    });

    it.each(NAMESPACES)('uses the same interpolation variables as English in %s', (namespace) => {
      const translated = groupKeys(flatten(readLocale(language, namespace)));
      const mismatches: string[] = [];
      for (const [key, english] of englishGroups(namespace)) {
        const group = translated.get(key);
        if (!group) continue;
        const expected = english.plural ? namedVariables(english) : variablesOf(String(english.forms.get('')?.message));
        const actual = group.plural ? namedVariables(group) : variablesOf(String(group.forms.get('')?.message));
        if ([...expected].sort().join() !== [...actual].sort().join()) {
          mismatches.push(`${key}: en {${[...expected].join(', ')}} vs ${language} {${[...actual].join(', ')}}`);
        }
        if (group.plural) {
          for (const [form, leaf] of group.forms) {
            const unknown = [...variablesOf(String(leaf.message))].filter((name) => name !== 'count' && !expected.has(name));
            if (unknown.length > 0) mismatches.push(`${key}_${form}: unknown ${unknown.join(', ')}`);
          }
        }
      }
      expect(mismatches).toEqual([]);
    });
  });
});
