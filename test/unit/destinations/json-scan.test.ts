// The JSON(C) reader under the settings-file editor: what it reads (every escape, number and literal, as JSON.parse
// does), what it notes (comments and trailing commas, which JSON.parse refuses), and where and why it gives up.
import { describe, expect, it } from 'vitest';
import { JsonSyntaxError, jsonNodeValue, lineAndColumn, scanJson } from '../../../src-main/core/destinations/json-scan';

const valueOf = (text: string) => jsonNodeValue(scanJson(text).root);

function failure(text: string): { offset: number; message: string } {
  try {
    scanJson(text);
  } catch (error) {
    expect(error).toBeInstanceOf(JsonSyntaxError);
    return { offset: (error as JsonSyntaxError).offset, message: (error as Error).message };
  }
  throw new Error(`${JSON.stringify(text)} was read without an error`);
}

describe('scanJson reads what JSON.parse reads', () => {
  it.each([
    ['every short escape', String.raw`"\" \\ \/ \b \f \n \r \t"`],
    ['\\u escapes, in both cases of hex', String.raw`"\u0041\u00e9\u00E9\u20ac"`],
    ['numbers of every shape', '[0, -0, 7, -12, 1.5, -0.25, 1e3, 1E3, 2e+2, 2e-2, 1.5e-3]'],
    ['the literals', '[true, false, null]'],
    ['nested objects and arrays, with blanks of every kind', '{\r\n\t"a" : [ {"b":null} , "c" ],\r"d":{}\n}'],
    ['a string with characters above the control range', '"\u007f é ş ع 😀"'],
  ])('%s', (_name, text) => {
    expect(valueOf(text)).toEqual(JSON.parse(text));
  });

  it('gives objects JSON.parse\'s own properties: plain, enumerable, writable and configurable', () => {
    const text = '{"a": 1, "b": {"c": "x"}}';
    const read = valueOf(text) as Record<string, unknown>;
    expect(Object.getOwnPropertyDescriptors(read)).toEqual(Object.getOwnPropertyDescriptors(JSON.parse(text)));
  });

  it('types each literal as JSON does', () => {
    const root = scanJson('[true, false, null]').root;
    expect(root.type === 'array' && root.elements.map((node) => node.type)).toEqual(['boolean', 'boolean', 'null']);
  });

  it('places each value in the text, quotes and brackets included', () => {
    const text = '{"k": "v", "n": [1, 2]}';
    const root = scanJson(text).root;
    if (root.type !== 'object') throw new Error('not an object');
    expect(root.members.map((member) => [text.slice(member.keyStart, member.keyEnd), text.slice(member.value.start, member.value.end)])).toEqual([
      ['"k"', '"v"'],
      ['"n"', '[1, 2]'],
    ]);
  });
});

describe('scanJson notes JSONC syntax', () => {
  it.each([
    ['strict JSON', '{"a": [1, 2], "b": "//not a comment", "c": "/* nor this */"}', false],
    ['a line comment', '{"a": 1 // note\n}', true],
    ['a block comment', '{"a": /* note */ 1}', true],
    ['a trailing comma in an object', '{"a": 1,}', true],
    ['a trailing comma in an array', '[1,]', true],
  ])('%s: %s', (_name, text, used) => {
    expect(scanJson(text).usedJsoncSyntax).toBe(used);
  });

  it.each([
    ['a block comment inside a line', '{/* a */"a": /* b */ 1 /* c */}'],
    ['a line comment after LF', '{// a\n"a": 1 // b\n}'],
    ['a line comment after a lone CR', '{// a\r"a": 1 // b\r}'],
    ['a line comment after CRLF', '{// a\r\n"a": 1 // b\r\n}'],
    ['a block comment over lines', '{/* a\n "b": 2\n */"a": 1}'],
    ['a block comment that starts like the end of one', '{/*/ "b": 2 */"a": 1}'],
  ])('skips %s', (_name, text) => {
    expect(valueOf(text)).toEqual({ a: 1 });
  });
});

describe('scanJson gives up where the text stops being JSON', () => {
  it.each([
    ['an unterminated string', '{"a": "x', 6, 'unterminated string'],
    ['a raw tab in a string', '{"a": "x\ty"}', 8, 'control character in a string'],
    ['a raw line break in a string', '"x\ny"', 2, 'control character in a string'],
    ['a \\u escape with three hex digits', '"\\u004"', 1, 'bad \\u escape'],
    ['a \\u escape with a letter past f', '"\\u00g1"', 1, 'bad \\u escape'],
    ['an escape JSON does not have', '"\\x41"', 1, 'bad escape'],
    ['a backslash at the very end', '"\\', 1, 'bad escape'],
    ['a key without quotes', '{a: 1}', 1, 'expected a key in double quotes'],
    ['a key without a colon', '{"a" 1}', 5, 'expected ":"'],
    ['a missing comma in an object', '{"a": 1 "b": 2}', 8, 'expected "," or "}"'],
    ['a missing comma in an array', '[1 2]', 3, 'expected "," or "]"'],
    ['a lone slash', '{"a": 1 /}', 8, 'expected "," or "}"'],
    ['an unterminated block comment', '{"a": 1 /* note', 8, 'unterminated comment'],
    ['a block comment closed only by its own opening', '1 /*/', 2, 'unterminated comment'],
    ['a line comment that runs to the end', '{"a": 1 // note', 15, 'expected "," or "}"'],
    ['an unknown word', '{"a": yes}', 6, 'unexpected character'],
    ['a value missing at the end', '{"a":', 5, 'unexpected end of text'],
    ['an exponent without digits', '1e', 1, 'text after the end of the JSON value'],
    ['a second value', '{} []', 3, 'text after the end of the JSON value'],
  ])('%s', (_name, text, offset, what) => {
    expect(failure(text)).toEqual({ offset, message: `${what} at offset ${offset}` });
  });
});

describe('lineAndColumn', () => {
  it.each([
    ['', 0, 1, 1],
    ['abc', 2, 1, 3],
    ['a\nbc', 3, 2, 2],
    ['a\r\nb\rc', 6, 3, 2],
  ])('%j at %d is line %d, column %d', (text, offset, line, column) => {
    expect(lineAndColumn(text, offset)).toEqual({ line, column });
  });
});
