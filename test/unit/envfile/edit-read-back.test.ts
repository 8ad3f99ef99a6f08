// The editor's read-back does not trust the parser that placed the edit: with a deliberately broken parseEnv,
// setEnvValue must refuse, or write only what python-dotenv's grammar reads as the new value, never a wrong file.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { setEnvValue } from '../../../src-main/core/envfile/edit';
import { readReferenceBindings } from '../../../src-main/core/envfile/reference-read';
import type { EnvDocument, EnvEntry } from '../../../src-main/core/envfile/types';

type Breakage =
  | 'none'
  | 'hash_is_comment'
  | 'value_one_early'
  | 'line_off_by_one'
  | 'misses_later_duplicate'
  | 'value_runs_over_next_line'
  | 'value_at_next_value'
  | 'value_at_next_key'
  | 'value_inside_key';

const breakage = vi.hoisted(() => ({ current: 'none' as Breakage }));

/** What each broken parser gets wrong about an entry (null: it does not see the entry at all). */
function breakEntry(doc: EnvDocument, entry: EnvEntry, index: number, entries: readonly EnvEntry[]): EnvEntry | null {
  switch (breakage.current) {
    case 'hash_is_comment': {
      // The bug the issue names: every `#` in an unquoted value taken for a comment.
      const hash = doc.text.indexOf('#', entry.valueStart);
      if (entry.quote !== 'none' || hash === -1 || hash >= entry.valueEnd) return entry;
      return { ...entry, valueEnd: hash, value: doc.text.slice(entry.valueStart, hash) };
    }
    case 'value_one_early':
      return { ...entry, valueStart: entry.valueStart - 1 };
    case 'line_off_by_one':
      return { ...entry, line: entry.line + 1 };
    case 'misses_later_duplicate':
      return entries.slice(0, index).some((earlier) => earlier.key === entry.key) ? null : entry;
    case 'value_runs_over_next_line': {
      const next = entries[index + 1];
      return next ? { ...entry, valueEnd: next.end + next.lineBreak.length } : entry;
    }
    case 'value_at_next_value': {
      const next = entries[index + 1];
      return next ? { ...entry, valueStart: next.valueStart, valueEnd: next.valueEnd } : entry;
    }
    case 'value_at_next_key': {
      const next = entries[index + 1];
      return next ? { ...entry, valueStart: next.start, valueEnd: next.start + next.key.length } : entry;
    }
    case 'value_inside_key':
      return { ...entry, valueStart: entry.start + 3, valueEnd: entry.start + 3 };
    default:
      return entry;
  }
}

vi.mock('../../../src-main/core/envfile/parse', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../../src-main/core/envfile/parse')>();
  return {
    ...real,
    parseEnv(text: string): EnvDocument {
      const doc = real.parseEnv(text);
      const entries = doc.entries
        .map((entry, index) => breakEntry(doc, entry, index, doc.entries))
        .filter((entry): entry is EnvEntry => entry !== null);
      return { ...doc, entries };
    },
  };
});

const token = `EAA${'Zx9'.repeat(70)}`;
const referenceValue = (text: string, key: string) => readReferenceBindings(text).filter((binding) => binding.key === key).at(-1)?.value;

beforeEach(() => {
  breakage.current = 'none';
});

describe('setEnvValue with a broken parser', () => {
  it('the working parser edits these files (the cases below fail only because of the breakage)', () => {
    expect(setEnvValue('A=1\nWA_TOKEN=old#part\n', 'WA_TOKEN', token).text).toBe(`A=1\nWA_TOKEN=${token}\n`);
    expect(setEnvValue('WA_TOKEN=old\nB=2\n', 'WA_TOKEN', token).text).toBe(`WA_TOKEN=${token}\nB=2\n`);
    expect(setEnvValue('WA_TOKEN=first\nWA_TOKEN=second\n', 'WA_TOKEN', token).text).toBe(`WA_TOKEN=first\nWA_TOKEN=${token}\n`);
  });

  it('taking `#` inside a value for a comment: the written file still reads as the new token, never "token#part"', () => {
    breakage.current = 'hash_is_comment';
    const { text } = setEnvValue('A=1\nWA_TOKEN=old#part\n', 'WA_TOKEN', token);
    expect(text).not.toBe(`A=1\nWA_TOKEN=${token}#part\n`);
    expect(referenceValue(text, 'WA_TOKEN')).toBe(token);
    expect(referenceValue(text, 'A')).toBe('1');
  });

  it.each([
    ['placing the value one character early', 'value_one_early', 'WA_TOKEN=old\nB=2\n'],
    ['reporting each entry one line too low', 'line_off_by_one', 'WA_TOKEN=old\nB=2\n'],
    ['missing a later duplicate (the one dotenv uses)', 'misses_later_duplicate', 'WA_TOKEN=first\nWA_TOKEN=second\n'],
    ['placing the value over the next line too (the result has one binding less)', 'value_runs_over_next_line', 'WA_TOKEN=old\nB=2\n'],
  ] as const)('%s: the edit refuses instead of writing', (_name, broken, text) => {
    breakage.current = broken;
    expect(() => setEnvValue(text, 'WA_TOKEN', token)).toThrowError(expect.objectContaining({ code: 'env_value_not_writable' }) as Error);
  });

  // Writing the value the variable already has: the target then reads right whatever the breakage, and only the
  // damage done elsewhere shows.
  it.each([
    ['placing the value on the next line\'s value', 'value_at_next_value', 'WA_TOKEN=same\nB=2\n'],
    ['placing the value on the next line\'s key', 'value_at_next_key', 'WA_TOKEN=same\nB=same\n'],
    ['placing the value inside the key', 'value_inside_key', 'WA_TOKEN=same\n'],
  ] as const)('%s: writing the same value again refuses instead of changing another binding', (_name, broken, text) => {
    expect(setEnvValue(text, 'WA_TOKEN', 'same').text).toBe(text);
    breakage.current = broken;
    expect(() => setEnvValue(text, 'WA_TOKEN', 'same')).toThrowError(expect.objectContaining({ code: 'env_value_not_writable' }) as Error);
  });
});
