// The YAML editor rewrites one scalar's source in its own quoting style; comments, anchors, spacing and every
// other value stay byte-for-byte. Aliases and merge keys are refused, never edited through.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { parseKeyPath } from '../../../src-main/core/destinations/key-path';
import { readYamlString, setYamlString } from '../../../src-main/core/destinations/yaml-edit';

const TOKEN = 'EAAJZCqVLm4uYBAGZBxyzv9nQWERTYUIOPASDFGHJKLZX0123456789';
const set = (text: string, path: string, value = TOKEN) => setYamlString(text, parseKeyPath(path), value, 'config.yml');
const codeOf = (run: () => unknown): string | undefined => {
  try {
    run();
  } catch (error) {
    return (error as { code?: string }).code;
  }
  return undefined;
};

const SETTINGS = [
  '# Bot settings',
  'defaults: &defaults',
  '  retries: 3',
  'whatsapp:',
  "  token: 'old-token'   # paste the new one here",
  '  phone_id: "1234567890"',
  '  api:',
  '    version: v21.0',
  '    base:    https://graph.facebook.com',
  'copy: *defaults',
  'bots:',
  '  - name: shop',
  '    token: "old"',
  '  - name: other',
  '    token: plain_old',
  'flow: {token: x, other: y}',
  '',
].join('\n');

describe('setYamlString keeps every other byte', () => {
  it.each([
    ['whatsapp.token', "'old-token'", `'${TOKEN}'`],
    ['bots[0].token', '"old"', `"${TOKEN}"`],
    ['bots.1.token', 'plain_old', TOKEN],
    ['flow.token', 'token: x', `token: ${TOKEN}`],
  ])('%s keeps its quoting style', (path, oldSource, newSource) => {
    const result = set(SETTINGS, path);
    expect(result.change).toBe('replaced');
    expect(result.text).toBe(SETTINGS.replace(oldSource, newSource));
    expect(readYamlString(result.text, parseKeyPath(path), 'config.yml')).toBe(TOKEN);
  });

  it('in a CRLF file, with an empty value, a null and a comment after the colon', () => {
    const before = 'a:\r\n  empty:\r\n  tilde: ~ # none yet\r\n  commented: # later\r\n';
    expect(set(before, 'a.empty').text).toBe(before.replace('empty:', `empty: ${TOKEN}`));
    expect(set(before, 'a.tilde').text).toBe(before.replace('~', TOKEN));
    expect(set(before, 'a.commented').text).toBe(before.replace('commented:', `commented: ${TOKEN}`));
  });

  it('in a block scalar, keeping its header and indentation', () => {
    const before = 'a:\n  literal: |\n      old\n  folded: >-\n    old\n  next: 1\n';
    expect(set(before, 'a.literal').text).toBe(before.replace('|\n      old', `|\n      ${TOKEN}`));
    expect(set(before, 'a.folded').text).toBe(before.replace('>-\n    old', `>-\n    ${TOKEN}`));
    expect(readYamlString(set(before, 'a.literal').text, ['a', 'literal'], 'c')).toBe(TOKEN);
  });

  it('quotes a value that plain style would misread, and reads it back', () => {
    for (const value of ['true', '123', 'a: b', 'x #y', '', "it's", '- item', '"q"', 'multi\nline']) {
      const result = set('k: plain\n', 'k', value);
      expect(parseYaml(result.text)).toEqual({ k: value });
    }
  });

  it('changes an anchored value together with its aliases, as YAML means', () => {
    const before = 'base: &tok old\nuses: *tok\n';
    expect(set(before, 'base').text).toBe(`base: &tok ${TOKEN}\nuses: *tok\n`);
  });

  it('leaves the text alone when the value is already there', () => {
    const before = `t: "${TOKEN}"\n`;
    expect(set(before, 't')).toEqual({ text: before, change: 'unchanged' });
  });

  it('for generated files: comments, indentation, quoting, line breaks', () => {
    const scenario = fc.record({
      indent: fc.constantFrom(2, 4),
      style: fc.constantFrom('plain', 'single', 'double'),
      newline: fc.constantFrom('\n', '\r\n'),
      commentAbove: fc.boolean(),
      trailingComment: fc.boolean(),
      spacesAfterColon: fc.integer({ min: 1, max: 3 }),
      siblingsBefore: fc.array(fc.stringMatching(/^[a-z]{1,6}$/), { maxLength: 3 }),
      siblingsAfter: fc.array(fc.stringMatching(/^[a-z]{1,6}$/), { maxLength: 3 }),
      finalNewline: fc.boolean(),
      oldValue: fc.stringMatching(/^[A-Za-z][A-Za-z0-9_]{0,30}$/),
      newValue: fc.stringMatching(/^EAA[A-Za-z0-9]{20,80}$/),
    });
    fc.assert(
      fc.property(scenario, (s) => {
        const spell = (value: string) => (s.style === 'single' ? `'${value}'` : s.style === 'double' ? `"${value}"` : value);
        const pad = ' '.repeat(s.indent);
        const build = (value: string) => {
          const lines = ['# settings', 'whatsapp:'];
          s.siblingsBefore.forEach((name, i) => lines.push(`${pad}before_${name}${i}: "v${i}"`));
          if (s.commentAbove) lines.push(`${pad}# the access token`);
          lines.push(`${pad}access_token:${' '.repeat(s.spacesAfterColon)}${spell(value)}${s.trailingComment ? '  # keep me' : ''}`);
          s.siblingsAfter.forEach((name, i) => lines.push(`${pad}after_${name}${i}: 'w${i}'`));
          lines.push('other: 1');
          return lines.join(s.newline) + (s.finalNewline ? s.newline : '');
        };
        expect(setYamlString(build(s.oldValue), ['whatsapp', 'access_token'], s.newValue, 'c.yml').text).toBe(build(s.newValue));
      }),
    );
  });

  it('quotes a value YAML would read as something else (found by the property below: `*!` is an alias)', () => {
    const result = setYamlString('a: 1\nb:\n  t: plain  # c\n', ['b', 't'], '*!', 'c.yml');
    expect(parseYaml(result.text)).toEqual({ a: 1, b: { t: '*!' } });
    expect(result.text.endsWith('  # c\n')).toBe(true);
  });

  it('for any new text: only that value changes when the file is read', () => {
    fc.assert(
      fc.property(fc.string(), fc.constantFrom('plain', "'q'", '"d"'), (value, old) => {
        const before = `a: 1\nb:\n  t: ${old}  # c\n  u: [1, 2]\n`;
        const result = setYamlString(before, ['b', 't'], value, 'c.yml');
        expect(parseYaml(result.text)).toEqual({ a: 1, b: { t: value, u: [1, 2] } });
        expect(result.text.endsWith('  # c\n  u: [1, 2]\n')).toBe(true);
      }),
    );
  });
});

describe('setYamlString in the less common spellings', () => {
  it.each([
    ['an empty value with several spaces before a comment', 'a:    # later\n', 'a: T    # later\n'],
    ['a single-quoted value that gets a quote', "a: 'old'\n", "a: 'it''s'\n", "it's"],
    ['a block scalar with its indentation indicator before the chomping one', 'a: |2-\n  old\n', 'a: |2-\n  T\n'],
    ['a block scalar with a dash in its header comment (not a chomping indicator)', 'a: | # a-b\n  old\n', 'a: | # a-b\n  T\n'],
    ['a multi-line value, which a block scalar cannot take as it stands: double quotes, line break kept', 'a: |\n  old\nb: 1\n', 'a: "one\\ntwo"\nb: 1\n', 'one\ntwo'],
    ['a block scalar with no content yet', 'a: |\nb: 1\n', 'a: "T"\nb: 1\n'],
    ['a multi-line value in a block scalar whose lines end in CRLF after an LF header: its own last break kept', 'a: |\n  old\r\nb: 1\n', 'a: "one\\ntwo"\r\nb: 1\n', 'one\ntwo'],
    ['a block scalar with no content at the end of the file', 'a: |', 'a: "T"'],
    ['a value in a file with more aliases than the yaml package follows by default', `base: &b x\n${Array.from({ length: 120 }, (_, index) => `k${index}: *b\n`).join('')}a: old\n`, null],
  ])('%s', (_name, before, after, value = 'T') => {
    const result = set(before, 'a', value);
    expect(result).toEqual({ text: after ?? before.replace('a: old', `a: ${value}`), change: 'replaced' });
    expect(readYamlString(result.text, ['a'], 'config.yml')).toBe(value);
  });
});

describe('readYamlString', () => {
  it.each([
    ['a: |+\n  x\n\nb: 1\n', 'x'],
    ['a: |\n  x\n  y\n', 'x\ny'],
    ['a: >-\n  x\n', 'x'],
    ['a: "x"\n', 'x'],
    ['a: ~\n', null],
    ['b: 1\n', null],
  ])('%j reads as %j, without the line break a block scalar ends with', (text, value) => {
    expect(readYamlString(text, ['a'], 'config.yml')).toBe(value);
  });
});

describe('setYamlString adds a missing last key', () => {
  it('to an empty flow map', () => {
    expect(set('a: {}\n', 'a.token')).toEqual({ text: `a: {token: ${TOKEN}}\n`, change: 'added' });
  });

  it('to a block map, indented like its keys, in the file\'s line breaks', () => {
    const before = 'a:\r\n    x: 1\r\n    y: 2\r\nb: 3\r\n';
    expect(set(before, 'a.token').text).toBe(`a:\r\n    x: 1\r\n    y: 2\r\n    token: ${TOKEN}\r\nb: 3\r\n`);
  });

  it('to a flow map, and at the top of a file without a final newline', () => {
    expect(set('a: {x: 1}\n', 'a.token').text).toBe(`a: {x: 1, token: ${TOKEN}}\n`);
    expect(set('a: 1', 'token').text).toBe(`a: 1\ntoken: ${TOKEN}`);
  });
});

describe('setYamlString refuses, with a plain reason', () => {
  it.each([
    [SETTINGS, 'copy.retries', 'dest_yaml_through_alias'],
    ['base: &b {token: x}\nuse:\n  <<: *b\n  name: y\n', 'use.token', 'dest_yaml_through_alias'],
    ['a: &x old\nb: *x\n', 'b', 'dest_yaml_through_alias'],
    [SETTINGS, 'whatsapp.api', 'dest_value_not_text'],
    [SETTINGS, 'defaults.retries', 'dest_value_not_text'],
    [SETTINGS, 'bots', 'dest_value_not_text'],
    ['a: yes_text\nb: true\n', 'b', 'dest_value_not_text'],
    [SETTINGS, 'whatsapp.token.deeper', 'dest_key_not_container'],
    [SETTINGS, 'nope.token', 'dest_key_missing'],
    [SETTINGS, 'bots[5].token', 'dest_key_missing'],
    ['a: [1, 2\nb: 3\n', 'b', 'dest_yaml_invalid'],
    ['a: 1\n---\nb: 2\n', 'a', 'dest_yaml_invalid'],
    ['a: 1\na: 2\n', 'a', 'dest_yaml_invalid'],
    ['', 'token', 'dest_key_missing'],
    ['? a\n', 'a', 'dest_key_missing'],
  ])('case %#: %s → %s', (text, path, code) => {
    expect(codeOf(() => set(text, path))).toBe(code);
  });

  it.each([
    ['base: &b {token: x}\nuse:\n  <<: *b\n  name: y\n', 'use.token', 'use.token may come from a merge key in config.yml', { path: 'config.yml', keyPath: 'use.token' }],
    ['a: &x old\nb: *x\n', 'b', 'b is an alias in config.yml', { path: 'config.yml', keyPath: 'b' }],
    ['a: text\n', 'a.b', 'a.b goes through a value in config.yml', { path: 'config.yml', keyPath: 'a.b' }],
    ['a: {}\n', 'b.c', 'b does not exist in config.yml', { path: 'config.yml', keyPath: 'b' }],
    ['a: 5\n', 'a', 'a holds a number, not text', { keyPath: 'a' }],
    ['a:\n  b: x\n', 'a', 'a holds a object, not text', { keyPath: 'a' }],
    ['a: [x]\n', 'a', 'a holds a array, not text', { keyPath: 'a' }],
    ['a: &x {t: y}\nb: *x\n', 'b.t', 'b is an alias in config.yml', { path: 'config.yml', keyPath: 'b' }],
  ])('%j at %s: "%s"', (text, path, message, params) => {
    try {
      set(text, path);
      expect.unreachable();
    } catch (error) {
      expect(error).toMatchObject({ message, userMessage: { params } });
    }
  });

  it('refuses when no spelling changes only that value (lone CR line ends, which the yaml package reads as no line break)', () => {
    expect(() => set('a: 1\r', 'token')).toThrowError(
      expect.objectContaining({
        code: 'dest_value_not_writable',
        message: 'No spelling of token changes only that value in config.yml',
        userMessage: expect.objectContaining({ params: { path: 'config.yml', keyPath: 'token' } }) as unknown,
      }) as Error,
    );
  });

  it('says where the YAML breaks', () => {
    try {
      set('a: [1, 2\nb: 3\n', 'b');
      expect.unreachable();
    } catch (error) {
      expect(error).toMatchObject({ code: 'dest_yaml_invalid', message: expect.stringMatching(/^config\.yml is not valid YAML \([A-Z_]+, line \d+\)$/) as string, userMessage: { params: { path: 'config.yml' } } });
    }
  });
});
