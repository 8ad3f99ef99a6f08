// Reads the locale files from disk and flattens them, so the checks below see exactly what ships, JSON errors
// included. Plural leaves (`x_one`, `x_other`…) are grouped under their base key `x`.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { LANGUAGES, NAMESPACES, type Language, type Namespace } from '../../../assets/locales';

export const PLURAL_SUFFIXES = ['zero', 'one', 'two', 'few', 'many', 'other'] as const;
const PLURAL_KEY = new RegExp(`^(.*)_(${PLURAL_SUFFIXES.join('|')})$`);

export interface Leaf {
  message: unknown;
  description?: unknown;
  extraFields: string[];
}

export function localePath(language: Language, namespace: Namespace): string {
  return fileURLToPath(new URL(`../../../assets/locales/${language}/${namespace}.json`, import.meta.url));
}

export function readLocale(language: Language, namespace: Namespace): unknown {
  return JSON.parse(readFileSync(localePath(language, namespace), 'utf8'));
}

/** Dotted key → leaf. A node is a leaf when it has a `message` field. */
export function flatten(tree: unknown, prefix = ''): Map<string, Leaf> {
  const leaves = new Map<string, Leaf>();
  if (typeof tree !== 'object' || tree === null) return leaves;
  for (const [key, node] of Object.entries(tree as Record<string, unknown>)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof node === 'object' && node !== null && 'message' in node) {
      const { message, description, ...rest } = node as Record<string, unknown>;
      leaves.set(path, { message, description, extraFields: Object.keys(rest) });
    } else {
      for (const [childPath, leaf] of flatten(node, path)) leaves.set(childPath, leaf);
    }
  }
  return leaves;
}

export interface KeyGroup {
  /** Plural form → leaf; for a plain key the only form is ''. */
  forms: Map<string, Leaf>;
  plural: boolean;
}

export function groupKeys(leaves: Map<string, Leaf>): Map<string, KeyGroup> {
  const groups = new Map<string, KeyGroup>();
  for (const [key, leaf] of leaves) {
    const match = PLURAL_KEY.exec(key);
    const base = match?.[1] ?? key;
    const form = match?.[2] ?? '';
    const group = groups.get(base) ?? { forms: new Map(), plural: match !== null };
    group.forms.set(form, leaf);
    groups.set(base, group);
  }
  return groups;
}

export function pluralCategories(language: Language): string[] {
  return new Intl.PluralRules(language).resolvedOptions().pluralCategories as string[];
}

/** `{{name}}` and `{{date, isoDate}}` → name, date. */
export function variablesOf(message: string): Set<string> {
  return new Set([...message.matchAll(/\{\{\s*([\w.]+)\s*(?:,[^}]*)?\}\}/g)].map((match) => match[1] ?? ''));
}

export const ALL_FILES = LANGUAGES.flatMap((language) => NAMESPACES.map((namespace) => ({ language, namespace })));
