// Changes one variable's value in .env text and nothing else: the bytes of that value are replaced, or one
// line is appended when the variable is missing. Every candidate result is re-read before it is returned, by a
// second reader that shares no code with the parser that placed the edit (reference-read.ts), so a parser bug
// makes the edit refuse instead of writing a value dotenv would read differently.
import { redactSecrets } from '../redact';
import { envFileError } from './errors';
import { findEntries, parseEnv } from './parse';
import { readReferenceBindings, type ReferenceBinding } from './reference-read';
import { appendLineToText } from './text-lines';
import type { EnvDocument, EnvEntry } from './types';
import { valueSpellings } from './value-format';

export interface EnvValueChange {
  text: string;
  change: 'replaced' | 'appended';
  /** 1-based line of the changed (or added) assignment. */
  line: number;
  /**
   * How many OTHER active assignments of the key were left as they were (0 = the key was not duplicated).
   * dotenv readers use the last assignment, so that is the one changed.
   */
  duplicateCount: number;
}

const VALID_KEY = /^[\w.-]+$/;

/**
 * Sets `key` to `value` in `text`. Keeps the value's quoting when the new value fits it (quotes it when it
 * needs quotes); comments, commented-out assignments and every other byte stay as they were.
 */
export function setEnvValue(text: string, key: string, value: string): EnvValueChange {
  // The name comes from the user (`--var`, a form): a pasted token must not end up in the error.
  const shownKey = redactSecrets(key);
  if (!VALID_KEY.test(key)) {
    throw envFileError('invalid_key', 'Variable names may only contain letters, digits, _ . and -', { key: shownKey });
  }
  const doc = parseEnv(text);
  const matches = findEntries(doc, key);
  const target = matches.at(-1);
  const duplicateCount = Math.max(matches.length - 1, 0);
  const before = readReferenceBindings(text);
  for (const spelling of valueSpellings(value, target?.quote ?? 'none')) {
    const candidate = target ? replaceValue(doc, target, spelling) : appendAssignment(doc, key, spelling);
    const line = readsBackAs(before, readReferenceBindings(candidate), key, value, target);
    if (line !== null) {
      return { text: candidate, change: target ? 'replaced' : 'appended', line, duplicateCount };
    }
  }
  throw envFileError('value_not_writable', `No quoting lets dotenv read the new value of ${shownKey} back unchanged`, {
    key: shownKey,
  });
}

function replaceValue(doc: EnvDocument, target: EnvEntry, spelling: string): string {
  return doc.text.slice(0, target.valueStart) + spelling + doc.text.slice(target.valueEnd);
}

function appendAssignment(doc: EnvDocument, key: string, spelling: string): string {
  // A file written for `source`-ing (every line exported) gets an exported line too.
  const exported = doc.entries.length > 0 && doc.entries.every((entry) => entry.exported);
  return appendLineToText(doc.text, `${exported ? 'export ' : ''}${key}=${spelling}`, doc.newline);
}

/**
 * The line of the changed assignment when the reference reader reads `after` as it read `before` with only the
 * target's value changed to `value` (or one binding of it added at the end), and no later line overriding it;
 * null when this spelling would be misread, or when the two readers disagree about where the target is.
 */
function readsBackAs(before: readonly ReferenceBinding[], after: readonly ReferenceBinding[], key: string, value: string, target?: EnvEntry): number | null {
  // The reference reader's binding on the target's line (whose key is checked below), or the one appended.
  const changedIndex = target ? before.findIndex((binding) => binding.line === target.line) : before.length;
  if (after.length !== before.length + (target ? 0 : 1)) return null;
  const changed = after[changedIndex]; // undefined when the reference reader has no binding on the target's line (-1)
  if (!changed || changed.key !== key || changed.value !== value) return null;
  const othersKept = before.every((binding, index) => index === changedIndex || (after[index]!.key === binding.key && after[index]!.value === binding.value));
  // A later bare `KEY` line counts too: python-dotenv then loads no value at all.
  const overridden = after.slice(changedIndex + 1).some((binding) => binding.key === key);
  return othersKept && !overridden ? changed.line : null;
}
