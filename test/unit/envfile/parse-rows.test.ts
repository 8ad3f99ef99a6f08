// parseEnv on dotenv-rows.ts: `#` inside and after values, every quote style's escapes, mixed and CR-only line
// endings, Unicode whitespace and the key characters at the edges of their ranges. Each row also round-trips.
import { describe, expect, it } from 'vitest';
import { envValues, parseEnv, serializeEnv } from '../../../src-main/core/envfile/parse';
import {
  DOUBLE_QUOTE_ESCAPES,
  KEY_CHARACTERS,
  LINE_ENDING_ROWS,
  NEAR_KEY_CHARACTERS,
  NOT_SPACES,
  SINGLE_QUOTE_ESCAPES,
  UNICODE_SPACES,
  VALUE_ROWS,
} from './dotenv-rows';

function values(text: string): Map<string, string> {
  const doc = parseEnv(text);
  expect(serializeEnv(doc)).toBe(text);
  return envValues(doc);
}

describe('parseEnv: values', () => {
  it.each(VALUE_ROWS)('%s', (_name, text, value) => {
    expect(values(text)).toEqual(new Map([['A', value]]));
  });

  it.each(DOUBLE_QUOTE_ESCAPES)('double quotes decode %s as %j', (escape, decoded) => {
    expect(values(`A="<${escape}>"`).get('A')).toBe(`<${decoded}>`);
  });

  it.each(SINGLE_QUOTE_ESCAPES)('single quotes decode %s as %j', (escape, decoded) => {
    expect(values(`A='<${escape}>'`).get('A')).toBe(`<${decoded}>`);
  });

  it('backticks decode nothing', () => {
    expect(values('A=`<\\\\ \\n \\t>`').get('A')).toBe('<\\\\ \\n \\t>');
  });

  it('places each value exactly, quotes included', () => {
    for (const [, text] of VALUE_ROWS) {
      const entry = parseEnv(text).entries[0]!;
      expect(entry.valueEnd).toBeGreaterThanOrEqual(entry.valueStart);
      const written = text.slice(entry.valueStart, entry.valueEnd);
      if (entry.quote === 'none') expect(written).toBe(entry.value);
      else expect(written.length).toBeGreaterThanOrEqual(2);
    }
  });
});

describe('parseEnv: lines', () => {
  it.each(LINE_ENDING_ROWS)('%s line endings', (_name, text) => {
    expect(values(text)).toEqual(new Map([['A', '1'], ['B', '2'], ['C', '3']]));
  });

  it.each([
    ['LF', 'A=1\nB=2\n', '\n'],
    ['CRLF', 'A=1\r\nB=2\r\n', '\r\n'],
    ['CR', 'A=1\rB=2\r', '\r'],
    ['mostly CR', 'A=1\rB=2\rC=3\n', '\r'],
    ['mostly LF', 'A=1\nB=2\nC=3\r', '\n'],
    ['CRLF on a tie with LF', 'A=1\r\nB=2\n', '\r\n'],
    ['LF on a tie with CR', 'A=1\nB=2\r', '\n'],
    ['none', 'A=1', '\n'],
  ])('the file\'s newline: %s', (_name, text, newline) => {
    expect(parseEnv(text).newline).toBe(newline);
  });

  it('numbers lines after junk whose quote closes lines further on', () => {
    const doc = parseEnv('# note\nA="x\r\ny\rz" junk\nB=2');
    expect(doc.segments.map((segment) => [segment.kind, segment.line])).toEqual([['comment', 1], ['junk', 2], ['entry', 5]]);
  });

  it('numbers lines across mixed endings and multi-line values', () => {
    const doc = parseEnv('\r\n# c\rA=1\nB="x\r\ny"\r\n\n  C=3\rD=\'p\rq\'\nE=5');
    expect(doc.entries.map((entry) => [entry.key, entry.line, entry.lineCount])).toEqual([
      ['A', 3, 1],
      ['B', 4, 2],
      ['C', 7, 1],
      ['D', 8, 2],
      ['E', 10, 1],
    ]);
  });
});

describe('parseEnv: whitespace and keys', () => {
  it.each(UNICODE_SPACES)('%j (%s) is whitespace around keys, `=` and values', (space) => {
    expect(values(`${space}A${space}=${space}1${space}\nB=2`)).toEqual(new Map([['A', '1'], ['B', '2']]));
    expect(values(`A=1${space}#c`)).toEqual(new Map([['A', '1']]));
    expect(values(`export${space}A=1`)).toEqual(new Map([['A', '1']]));
  });

  it.each(UNICODE_SPACES)('a line of only %j (%s) is blank', (space) => {
    expect(parseEnv(`${space}${space}\nA=1`).segments.map((segment) => segment.kind)).toEqual(['blank', 'entry']);
  });

  it.each(NOT_SPACES)('%j (%s) is no whitespace: it stays in the value, and cannot start a key', (character) => {
    expect(values(`A=${character}1${character}`).get('A')).toBe(`${character}1${character}`);
    expect(values(`A=1\n${character}B=1`)).toEqual(new Map([['A', '1']]));
    expect(values(`A=1${character}#c`).get('A')).toBe(`1${character}#c`);
  });

  it.each(KEY_CHARACTERS)('%j is a key character', (character) => {
    expect(values(`${character}=1\nK${character}K=2`)).toEqual(new Map([[character, '1'], [`K${character}K`, '2']]));
  });

  it.each(NEAR_KEY_CHARACTERS)('%j is not: the line is junk (python-dotenv would read it; Node\'s dotenv would not)', (character) => {
    const doc = parseEnv(`${character}=1\nK${character}K=2\nB=3`);
    expect(doc.segments.map((segment) => segment.kind)).toEqual(['junk', 'junk', 'entry']);
    expect(envValues(doc)).toEqual(new Map([['B', '3']]));
  });

  it('`export` needs whitespace after it, or it is part of the key', () => {
    expect(parseEnv('exportA=1').entries[0]).toMatchObject({ key: 'exportA', exported: false });
    expect(parseEnv('export A=1').entries[0]).toMatchObject({ key: 'A', exported: true });
    expect(parseEnv('export =1').segments[0]?.kind).toBe('junk');
  });
});
