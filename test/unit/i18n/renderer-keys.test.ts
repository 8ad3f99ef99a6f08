// Every translation key the renderer names in its code ('dashboard:status.ok', in a t() call or in a lookup
// table) exists in the English locale files; and every key of the renderer's own namespaces is used somewhere,
// so no dead sentence is left for translators.
import { describe, expect, it } from 'vitest';
import ts from 'typescript';
import { NAMESPACES, type Namespace } from '../../../assets/locales';
import { flatten, groupKeys, readLocale } from './locale-tree';
import { MAIN_ROOT, parse, position, rendererFiles, visit } from './renderer-source';

const KEY = new RegExp(`^(${NAMESPACES.join('|')}):([A-Za-z0-9_.]+)$`);
const RENDERER_NAMESPACES: Namespace[] = ['common', 'onboarding', 'dashboard', 'wizard', 'settings', 'screens'];

function keysNamedIn(path: string): { key: string; at: string }[] {
  const source = parse(path);
  const keys: { key: string; at: string }[] = [];
  visit(source, (node) => {
    if ((ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) && KEY.test(node.text)) {
      keys.push({ key: node.text, at: position(source, node) });
    }
  });
  return keys;
}

const english = new Map(NAMESPACES.map((namespace) => [namespace, groupKeys(flatten(readLocale('en', namespace)))]));

describe('translation keys used by the renderer', () => {
  const used = rendererFiles(['.ts', '.tsx']).flatMap(keysNamedIn);

  it('finds the keys in the code (the scan itself works)', () => {
    expect(used.length).toBeGreaterThan(100);
    expect(used.some(({ key }) => key === 'wizard:paste.check')).toBe(true);
  });

  it('all exist in English', () => {
    const missing = used
      .filter(({ key }) => {
        const [, namespace, path] = KEY.exec(key) ?? [];
        return !english.get(namespace as Namespace)?.has(path ?? '');
      })
      .map(({ key, at }) => `${key} (${at})`);
    expect(missing).toEqual([]);
  });

  it('leaves no unused key in the renderer’s namespaces', () => {
    // Main names a few of them too (common:errors.* for failed calls).
    const named = new Set([...used, ...rendererFiles(['.ts'], MAIN_ROOT).flatMap(keysNamedIn)].map(({ key }) => key));
    const unused = RENDERER_NAMESPACES.flatMap((namespace) =>
      [...(english.get(namespace)?.keys() ?? [])].map((key) => `${namespace}:${key}`).filter((key) => !named.has(key)),
    );
    expect(unused).toEqual([]);
  });
});
