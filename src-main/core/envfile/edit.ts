// Changes one variable's value in .env text and nothing else: the bytes of that value are replaced, or one
// line is appended when the variable is missing. Every candidate result is re-read before it is returned.
import { redactSecrets } from '../redact';
import { envFileError } from './errors';
import { findEntries, parseEnv } from './parse';
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
/** Characters no dotenv reader treats specially: no quote, backslash, `#`, `$`, whitespace or line break. */
const INERT = /^[\w.+/=:@,%!?-]*$/;

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
  const spellings = valueSpellings(value, target?.quote ?? 'none');
  // Not for an empty value: `KEY= # note` would then read as "# note".
  if (target && value !== '' && INERT.test(value) && INERT.test(innerValueText(doc, target))) {
    // Swapping inert text for inert text inside the same quotes cannot change how any line reads: skip the re-read
    // (it is what keeps a token edit fast on a 10,000-line file).
    return { text: replaceValue(doc, target, spellings[0] ?? value), change: 'replaced', line: target.line, duplicateCount };
  }
  for (const spelling of spellings) {
    const candidate = target ? replaceValue(doc, target, spelling) : appendAssignment(doc, key, spelling);
    const line = readsBackAs(doc, parseEnv(candidate), key, value, target);
    if (line !== null) {
      return { text: candidate, change: target ? 'replaced' : 'appended', line, duplicateCount };
    }
  }
  throw envFileError('value_not_writable', `No quoting lets dotenv read the new value of ${shownKey} back unchanged`, {
    key: shownKey,
  });
}

function innerValueText(doc: EnvDocument, entry: EnvEntry): string {
  const quoteWidth = entry.quote === 'none' ? 0 : 1;
  return doc.text.slice(entry.valueStart + quoteWidth, entry.valueEnd - quoteWidth);
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
 * The line of the changed assignment when `after` reads `key` as `value` and every other assignment exactly as
 * `before` did; null when this spelling would be misread (it would swallow or break a neighbouring line).
 */
function readsBackAs(before: EnvDocument, after: EnvDocument, key: string, value: string, target?: EnvEntry): number | null {
  const changedIndex = target ? before.entries.indexOf(target) : before.entries.length;
  const expectedCount = before.entries.length + (target ? 0 : 1);
  if (after.entries.length !== expectedCount) return null;
  const changed = after.entries[changedIndex];
  if (!changed || changed.key !== key || changed.value !== value) return null;
  const othersKept = before.entries.every(
    (entry, index) => index === changedIndex || (after.entries[index]?.key === entry.key && after.entries[index]?.value === entry.value),
  );
  return othersKept ? changed.line : null;
}
