// Build step for the renderer bundle: locale files keep a note for translators on every string, which the
// window never shows. Dropping the notes before bundling keeps the renderer's JavaScript within its budget.
import type { Plugin } from 'vite';

const LOCALE_FILE = /[\\/]assets[\\/]locales[\\/][a-z]{2}[\\/][\w-]+\.json$/;

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
      if (!LOCALE_FILE.test(id)) return null;
      return { code: JSON.stringify(messagesOnly(JSON.parse(code))), map: null };
    },
  };
}
