// The editor's second reader on dotenv-rows.ts (quotes and their escapes, `#` inside and after values, every line
// ending, Unicode whitespace, key characters) and on python-dotenv's own rules for keys and bad lines.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { envValues, parseEnv } from '../../../src-main/core/envfile/parse';
import { readReferenceBindings } from '../../../src-main/core/envfile/reference-read';
import { PROPERTY_TIMEOUT_MS, propertyRuns } from '../../support/property-runs';
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
import { envFileArbitrary } from './env-arbitraries';
import { realWorldEnvFiles } from './real-world-files';

const read = (text: string) => readReferenceBindings(text).map(({ key, value }) => [key, value]);

describe('readReferenceBindings: values', () => {
  it.each(VALUE_ROWS)('%s', (_name, text, value) => {
    expect(read(text)).toEqual([['A', value]]);
  });

  it.each(DOUBLE_QUOTE_ESCAPES)('double quotes decode %s as %j', (escape, decoded) => {
    expect(read(`A="<${escape}>"`)).toEqual([['A', `<${decoded}>`]]);
  });

  it.each(SINGLE_QUOTE_ESCAPES)('single quotes decode %s as %j', (escape, decoded) => {
    expect(read(`A='<${escape}>'`)).toEqual([['A', `<${decoded}>`]]);
  });
});

describe('readReferenceBindings: lines and keys', () => {
  it.each(LINE_ENDING_ROWS)('%s line endings', (_name, text) => {
    expect(read(text)).toEqual([['A', '1'], ['B', '2'], ['C', '3']]);
  });

  it('gives each key the line it starts on, counting CR, LF and CRLF once each', () => {
    const bindings = readReferenceBindings('\r\n# c\rA=1\nB="x\r\ny"\r\n\n  C=3');
    expect(bindings.map(({ key, line }) => [key, line])).toEqual([['A', 3], ['B', 4], ['C', 7]]);
  });

  it.each(UNICODE_SPACES)('%j (%s) is whitespace around keys, `=` and values', (space) => {
    expect(read(`${space}A${space}=${space}1${space}\nB=2`)).toEqual([['A', '1'], ['B', '2']]);
    expect(read(`A=1${space}#c`)).toEqual([['A', '1']]);
  });

  it.each(NOT_SPACES)('%j (%s) is no whitespace: it stays in the value', (character) => {
    expect(read(`A=${character}1${character}`)).toEqual([['A', `${character}1${character}`]]);
  });

  it('skips a BOM at the very start only', () => {
    expect(read('\uFEFFA=1')).toEqual([['A', '1']]);
  });

  it.each([...KEY_CHARACTERS, ...NEAR_KEY_CHARACTERS])('%j is a key character, as python has it', (character) => {
    expect(read(`${character}=1\nK${character}K=2`)).toEqual([[character, '1'], [`K${character}K`, '2']]);
  });

  it('a single-quoted key may hold spaces', () => {
    expect(read("'MY KEY'=1")).toEqual([['MY KEY', '1']]);
  });

  it('a key without `=` is a binding without a value; a comment or a bad line is none', () => {
    expect(readReferenceBindings('KEY\n# A=1\n=1\n"B"=2\nC="open\nD=4')).toEqual([
      { key: 'KEY', value: null, line: 1 },
      { key: '"B"', value: '2', line: 4 },
      { key: 'D', value: '4', line: 6 },
    ]);
  });

  it('text after a closing quote drops the binding and the rest of that line only', () => {
    expect(read('A="x" y\nB=2')).toEqual([['B', '2']]);
    expect(read("A='x'y\nB=2")).toEqual([['B', '2']]);
  });

  it('a quote that closes on a later line, followed by text, drops everything up to that line\'s end', () => {
    expect(read('A="x\nB="y"\nC=3')).toEqual([['C', '3']]);
    expect(read('A="x\nB="\nC=3')).toEqual([['A', 'x\nB='], ['C', '3']]);
  });
});

describe('readReferenceBindings agrees with parseEnv where both define the answer', () => {
  it('on every real-world file', () => {
    for (const file of realWorldEnvFiles()) {
      const text = file.bytes.toString('utf8');
      const reference = new Map(readReferenceBindings(text).filter((binding) => /^[\w.-]+$/.test(binding.key) && binding.value !== null).map(({ key, value }) => [key, value]));
      expect(reference, file.name).toEqual(envValues(parseEnv(text)));
    }
  });

  it('on generated files', () => {
    fc.assert(
      fc.property(envFileArbitrary(), (file) => {
        const reference = new Map(readReferenceBindings(file.text).map(({ key, value }) => [key, value]));
        for (const [key, value] of file.values) expect(reference.get(key)).toBe(value);
      }),
      { numRuns: propertyRuns(300) },
    );
  }, PROPERTY_TIMEOUT_MS);
});
