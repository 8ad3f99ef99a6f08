// Build step for the renderer bundle: locale files keep a note for translators on every string, which the
// window never shows, and the CLI's texts (usage pages and all), which it never uses. Dropping both before
// bundling keeps the renderer's JavaScript within its budget.
import type { Plugin } from 'vite';

const LOCALE_FILE = /[\\/]assets[\\/]locales[\\/][a-z]{2}[\\/]([\w-]+)\.json$/;
/** Namespaces only main uses (the command line's output). */
const NOT_IN_THE_WINDOW = new Set(['cli']);

type Tree = { [key: string]: unknown };

function messagesOnly(node: unknown): unknown {
  if (typeof node !== 'object' || node === null) return node;
  const tree = node as Tree;
  if (typeof tree.message === 'string') return { message: tree.message };
  return Object.fromEntries(Object.entries(tree).map(([key, child]) => [key, messagesOnly(child)]));
}

export function localeMessagesOnly(): Plugin {
  return {
    name: 'wa-token-doctor:locale-messages-only',
    // Before Vite's JSON plugin turns the file into a module.
    enforce: 'pre',
    transform(code, id) {
      const namespace = LOCALE_FILE.exec(id)?.[1];
      if (!namespace) return null;
      if (NOT_IN_THE_WINDOW.has(namespace)) return { code: '{}', map: null };
      return { code: JSON.stringify(messagesOnly(JSON.parse(code))), map: null };
    },
  };
}
