// The JSON editor changes the bytes of one value and nothing else, whatever the file's formatting; it refuses
// (changing nothing) a path that does not lead to text.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readJsonString, setJsonString } from '../../../src-main/core/destinations/json-edit';
import { parseKeyPath } from '../../../src-main/core/destinations/key-path';

const TOKEN = 'EAAJZCqVLm4uYBAGZBxyzv9nQWERTYUIOPASDFGHJKLZX0123456789';
const set = (text: string, path: string, value = TOKEN) => setJsonString(text, parseKeyPath(path), value, 'config.json');
const codeOf = (run: () => unknown): string | undefined => {
  try {
    run();
  } catch (error) {
    return (error as { code?: string }).code;
  }
  return undefined;
};

describe('setJsonString keeps every other byte', () => {
  it('in a CRLF file with a BOM, tabs, comments and no final newline', () => {
    const before = '\uFEFF{\r\n\t// the bot reads this\r\n\t"whatsapp" : {\r\n\t\t"accessToken":"old", /* rotate me */\r\n\t\t"phone": 123\r\n\t},\r\n\t"debug": true,\r\n}';
    const result = set(before, 'whatsapp.accessToken');
    expect(result.change).toBe('replaced');
    expect(result.text).toBe(before.replace('"old"', `"${TOKEN}"`));
  });

  it('in a minified file, inside an array', () => {
    const before = '{"bots":[{"name":"a","token":null},{"name":"b","token":"x"}]}\n';
    expect(set(before, 'bots[1].token').text).toBe(before.replace('"x"', `"${TOKEN}"`));
    expect(set(before, 'bots.0.token').text).toBe(before.replace('null', `"${TOKEN}"`));
  });

  it('in the last of duplicated keys, the one JSON.parse keeps', () => {
    const before = '{"token": "first", "token": "second"}';
    const result = set(before, 'token').text;
    expect(result).toBe(`{"token": "first", "token": "${TOKEN}"}`);
    expect(JSON.parse(result).token).toBe(TOKEN);
  });

  it('escapes what JSON needs escaped', () => {
    const value = 'a"b\\c\nd\u0001é\u2028';
    const result = set('{"t": ""}', 't', value);
    expect(JSON.parse(result.text).t).toBe(value);
    expect(readJsonString(result.text, ['t'], 'config.json')).toBe(value);
  });

  it('leaves the text alone when the value is already there', () => {
    const before = `{ "t": "${TOKEN}" }`;
    expect(set(before, 't')).toEqual({ text: before, change: 'unchanged' });
  });

  it('for any object, indentation, line break, BOM and final newline', () => {
    const key = fc.string({ maxLength: 6 }).filter((name) => name !== '__proto__');
    const leafPath = fc.array(key, { minLength: 1, maxLength: 3 });
    const scenario = fc.record({
      extra: fc.dictionary(key, fc.jsonValue({ maxDepth: 2 }), { maxKeys: 4 }),
      path: leafPath,
      oldValue: fc.oneof(fc.string(), fc.constant(null)),
      newValue: fc.string(),
      indent: fc.constantFrom(0, 1, 2, 4, '\t'),
      crlf: fc.boolean(),
      bom: fc.boolean(),
      finalNewline: fc.boolean(),
    });
    fc.assert(
      fc.property(scenario, ({ extra, path, oldValue, newValue, indent, crlf, bom, finalNewline }) => {
        const withValue = (value: string | null) => {
          const root: Record<string, unknown> = structuredClone(extra);
          let node = root;
          for (const segment of path.slice(0, -1)) {
            const next = node[segment];
            node[segment] = next !== null && typeof next === 'object' && !Array.isArray(next) ? next : {};
            node = node[segment] as Record<string, unknown>;
          }
          node[path.at(-1)!] = value;
          return root;
        };
        const layout = (object: unknown) => {
          const text = JSON.stringify(object, null, indent);
          return `${bom ? '\uFEFF' : ''}${crlf ? text.replace(/\n/g, '\r\n') : text}${finalNewline ? (crlf ? '\r\n' : '\n') : ''}`;
        };
        const before = layout(withValue(oldValue));
        const result = setJsonString(before, path, newValue, 'config.json');
        expect(result.text).toBe(layout(withValue(newValue)));
      }),
    );
  });
});

describe('setJsonString adds a missing last key to its object', () => {
  it('indented like its neighbours, keeping a comment on the last line', () => {
    const before = '{\n  "whatsapp": {\n    "phone": "1" // the number\n  }\n}\n';
    expect(set(before, 'whatsapp.accessToken').text).toBe(`{\n  "whatsapp": {\n    "phone": "1", // the number\n    "accessToken": "${TOKEN}"\n  }\n}\n`);
  });

  it('on one line, and in an empty object', () => {
    expect(set('{"a": {"b": 1, "c": 2}}', 'a.t').text).toBe(`{"a": {"b": 1, "c": 2, "t": "${TOKEN}"}}`);
    expect(set('{"a": {}}', 'a.t').text).toBe(`{"a": {"t": "${TOKEN}"}}`);
  });

  it.each([
    ['after the third of three members, on its own line', '{\n  "a": 1,\n  "b": 2,\n  "c": 3\n}', '{\n  "a": 1,\n  "b": 2,\n  "c": 3,\n  "t": "T"\n}'],
    ['indented like the last member, not like a comment line before it', '{\n  "a": 1,\n// note\n  "b": 2\n}', '{\n  "a": 1,\n// note\n  "b": 2,\n  "t": "T"\n}'],
    ['with the last member\'s colon, spaces and all', '{"b":1}', '{"b":1, "t":"T"}'],
    ['with a plain colon when the last member has a comment beside its colon', '{"b" /* c */ : 1}', '{"b" /* c */ : 1, "t": "T"}'],
    ['before a comment that follows the last member on one line', '{"x": {"a": 1 /* c */\n}}', '{"x": {"a": 1, "t": "T" /* c */\n}}'],
    ['before a comment on the line after the last member', '{\n  "a": 1\n  // c\n}', '{\n  "a": 1,\n  "t": "T"\n  // c\n}'],
    ['after a line comment right against the last member', '{\n  "a": 1// c\n}', '{\n  "a": 1,// c\n  "t": "T"\n}'],
    ['after a line comment two spaces off', '{\n  "a": 1  // c\n}', '{\n  "a": 1,  // c\n  "t": "T"\n}'],
    ['after a block comment that ends the line', '{\n  "a": 1 /* a longer note */\n}', '{\n  "a": 1, /* a longer note */\n  "t": "T"\n}'],
    ['after a block comment and spaces that end the line', '{\n  "a": 1 /* c */  \n}', '{\n  "a": 1, /* c */  \n  "t": "T"\n}'],
  ])('%s', (_name, before, after) => {
    const path = before.startsWith('{"x"') ? 'x.t' : 't';
    expect(set(before, path, 'T')).toEqual({ text: after, change: 'added' });
  });

  it('after a trailing comma (JSONC)', () => {
    const result = set('{\r\n  "b": 1,\r\n}', 't');
    expect(result.change).toBe('added');
    expect(result.text).toBe(`{\r\n  "b": 1,\r\n  "t": "${TOKEN}",\r\n}`);
  });
});

describe('readJsonString', () => {
  it.each([
    ['{"a": {"t": "x"}}', 'a.t', 'x'],
    ['{"a": {"t": null}}', 'a.t', null],
    ['{"a": {}}', 'a.t', null],
    ['{"a": ["x", "y"]}', 'a[1]', 'y'],
  ])('%s at %s is %j', (text, path, value) => {
    expect(readJsonString(text, parseKeyPath(path), 'config.json')).toBe(value);
  });
});

describe('setJsonString refuses, with a plain reason', () => {
  it.each([
    ['{"a": 1,}x', 'a', 'dest_json_invalid'],
    ['{"a": "x"', 'a', 'dest_json_invalid'],
    ['{"a": {}}', 'b.c', 'dest_key_missing'],
    ['{"a": []}', 'a[0]', 'dest_key_missing'],
    ['{"a": "text"}', 'a.b', 'dest_key_not_container'],
    ['{"a": 5}', 'a', 'dest_value_not_text'],
    ['{"a": {"b": "x"}}', 'a', 'dest_value_not_text'],
    ['{"a": [1]}', 'a', 'dest_value_not_text'],
    ['{"a": true}', 'a', 'dest_value_not_text'],
    ['["x"]', 'token', 'dest_key_missing'],
  ])('%s at %s → %s', (text, path, code) => {
    expect(codeOf(() => set(text, path))).toBe(code);
  });

  it.each([
    ['{"a": {}}', 'b.c', 'b does not exist in config.json', { path: 'config.json', keyPath: 'b' }],
    ['{"a": []}', 'a[0]', 'a[0] does not exist in config.json', { path: 'config.json', keyPath: 'a[0]' }],
    ['{"a": ["x"]}', 'a.token', 'a.token does not exist in config.json', { path: 'config.json', keyPath: 'a.token' }],
    ['{"a": {"b": "text"}}', 'a.b.c', 'a.b.c goes through a string in config.json', { path: 'config.json', keyPath: 'a.b.c' }],
    ['{"a": 5}', 'a', 'a holds a number, not text', { keyPath: 'a' }],
    ['{"a": "x"', 'a', 'config.json is not valid JSON (line 1, column 10)', { path: 'config.json', line: 1, column: 10 }],
  ])('%s at %s: "%s"', (text, path, message, params) => {
    try {
      set(text, path);
      expect.unreachable();
    } catch (error) {
      expect(error).toMatchObject({ message, userMessage: { params } });
    }
  });

  it('says where the JSON breaks', () => {
    try {
      set('{\n  "a": "x"\n  "b": "y"\n}', 'a');
      expect.unreachable();
    } catch (error) {
      expect(error).toMatchObject({ code: 'dest_json_invalid', userMessage: { params: { line: 3, column: 3 } } });
    }
  });
});
