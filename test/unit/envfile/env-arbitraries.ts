// fast-check generators of .env files in all the shapes real ones have (test/fixtures/real-world/env: inline
// comments after runs of spaces, `#` inside values, trailing tabs, CRLF, missing final newlines, multi-line quoted
// values, junk lines), and the rarer ones a file meets once edited on several systems (mixed and CR-only line
// endings, Unicode spaces). Each file comes with the values dotenv would load, worked out while generating (not
// by the parser under test).
import fc from 'fast-check';

export interface GeneratedEnvFile {
  text: string;
  /** What dotenv loads: the last value of each key. */
  values: Map<string, string>;
}

interface Line {
  text: string;
  entry?: { key: string; value: string };
}

export const GENERATED_KEYS = ['A', 'TOKEN', 'WHATSAPP_TOKEN', 'db.url', 'x-y', '_K'] as const;

/** Whitespace to python-dotenv (and to JavaScript's trim, so the expected values below can use it). */
const SPACES = [' ', '\t', '\v', '\f', '\u00a0', '\u2003', '\u3000', '\u2028'] as const;
const space = fc.constantFrom(...SPACES);
const spaces = (maxLength: number) => fc.string({ unit: space, maxLength });

const plainCharacter = fc.constantFrom(...'abcXYZ0129_-./:@+=,!?%é'.split(''), 'ş', 'ع', '€');
/** Characters an unquoted value may hold anywhere but at its start: `#` (a comment only after whitespace), quotes, `\`. */
const innerCharacter = fc.oneof({ weight: 4, arbitrary: plainCharacter }, { weight: 1, arbitrary: fc.constantFrom('#', '"', "'", '`', '\\') });
const plainText = (maxLength: number) => fc.string({ unit: plainCharacter, maxLength });

/** An unquoted value as written: words with `#`, quotes and backslashes inside, separated by runs of spaces. */
const unquotedValue = fc
  .array(fc.tuple(plainText(1), fc.string({ unit: innerCharacter, maxLength: 6 })), { maxLength: 3 })
  .chain((words) => fc.tuple(fc.constant(words), fc.array(spaces(2).filter((run) => run.length > 0), { minLength: words.length, maxLength: words.length })))
  .map(([words, gaps]) =>
    words
      // A word after a gap must not start with `#` (it would start a comment) and the value not with a quote.
      .map(([first, rest], index) => (index === 0 && first === '' ? `v${rest}` : `${first || 'w'}${rest}`))
      .map((word, index) => (index === 0 ? word : `${gaps[index - 1]}${word}`))
      .join(''),
  );

/** Pieces of a double-quoted value: the raw spelling and what dotenv reads (python-dotenv's escapes). */
const doubleQuotedPiece = fc.oneof(
  plainCharacter.map((character) => [character, character] as const),
  fc.constantFrom(
    ['\\n', '\n'],
    ['\\"', '"'],
    ["\\'", "'"],
    ['\\\\', '\\'],
    ['\\t', '\t'],
    ['\\r', '\r'],
    ['\\a', '\x07'],
    ['\\b', '\b'],
    ['\\f', '\f'],
    ['\\v', '\v'],
    ['\\x', '\\x'],
    ['\\$', '\\$'],
    ["'", "'"],
    ['#', '#'],
    [' #', ' #'],
    [' ', ' '],
    ['\u00a0', '\u00a0'],
    ['`', '`'],
    ['\n', '\n'],
    ['\r\n', '\r\n'],
  ),
);

/** Pieces of a single-quoted value: only `\\` and `\'` are escapes there. */
const singleQuotedPiece = fc.oneof(
  fc.oneof(plainCharacter, fc.constantFrom('"', '#', ' #', ' ', '`', '\n')).map((character) => [character, character] as const),
  fc.constantFrom(["\\'", "'"], ['\\\\', '\\'], ['\\n', '\\n'], ['\\"', '\\"']),
);

function quotedWith(quote: string, pieces: fc.Arbitrary<readonly [string, string]>) {
  return fc.array(pieces, { maxLength: 12 }).map((parts) => {
    // An escaped backslash right before the closing quote makes both readers take that quote for an escaped one.
    const safe = parts.at(-1)?.[0] === '\\\\' ? [...parts, ['z', 'z'] as const] : parts;
    return { raw: `${quote}${safe.map(([raw]) => raw).join('')}${quote}`, value: safe.map(([, value]) => value).join('') };
  });
}

const quotedEntryValue = fc.oneof(
  quotedWith('"', doubleQuotedPiece),
  quotedWith("'", singleQuotedPiece),
  fc.string({ unit: fc.oneof(plainCharacter, fc.constantFrom('"', "'", '#', ' ', '\\n')), maxLength: 12 }).map((value) => ({ raw: `\`${value}\``, value })),
);

const entryLine: fc.Arbitrary<Line> = fc
  .record({
    key: fc.constantFrom(...GENERATED_KEYS),
    exported: fc.boolean(),
    exportSpace: fc.constantFrom(' ', '\t', '  ', '\u00a0'),
    indent: spaces(2),
    beforeEquals: spaces(2),
    afterEquals: spaces(2),
    quoted: fc.option(quotedEntryValue, { nil: undefined }),
    plain: unquotedValue,
    comment: fc.constantFrom('', ' # a note', '   #note', '\t# tab before', '\u00a0# no-break space before', '#tight'),
    trailing: spaces(2),
  })
  .map((line) => {
    const start = `${line.indent}${line.exported ? `export${line.exportSpace}` : ''}${line.key}${line.beforeEquals}=${line.afterEquals}`;
    if (line.quoted) {
      return { text: `${start}${line.quoted.raw}${line.trailing}${line.comment}`, entry: { key: line.key, value: line.quoted.value } };
    }
    const value = line.plain;
    if (line.comment === '#tight' && line.trailing === '') {
      // Right after the value, with no space before it, `#` is part of the value.
      return { text: `${start}${value}#tight`, entry: { key: line.key, value: `${value}#tight` } };
    }
    // An empty unquoted value with a comment right after `=` would read as the comment.
    const comment = value === '' || line.comment === '#tight' ? '' : line.comment;
    return { text: `${start}${value}${line.trailing}${comment}`, entry: { key: line.key, value } };
  });

const otherLine: fc.Arbitrary<Line> = fc
  .constantFrom(
    '# a comment',
    '#WHATSAPP_TOKEN=EAAcommentedOutOldToken',
    '  # indented comment = with equals',
    '\u00a0# a comment after a no-break space',
    '',
    ' ',
    '\t ',
    '\u3000\f',
    'npx neonctl@latest init',
    'postgresql://user:pw@host/db?sslmode=require',
    'just some words',
    'KEY: yaml style',
  )
  .map((text) => ({ text }));

const newline = fc.constantFrom('\n', '\r\n', '\r');

export function envFileArbitrary(): fc.Arbitrary<GeneratedEnvFile> {
  return fc
    .record({
      lines: fc.array(fc.tuple(fc.oneof({ weight: 3, arbitrary: entryLine }, { weight: 2, arbitrary: otherLine }), newline), { maxLength: 14 }),
      /** Most files keep one line ending; some mix them. */
      fileNewline: fc.option(newline, { nil: undefined, freq: 2 }),
      finalNewline: fc.boolean(),
      bom: fc.boolean(),
    })
    .map(({ lines, fileNewline, finalNewline, bom }) => {
      const ends = lines.map(([, own]) => fileNewline ?? own);
      const body = lines.map(([line], index) => `${line.text}${index < lines.length - 1 || finalNewline ? ends[index] : ''}`).join('');
      const text = `${bom ? '\uFEFF' : ''}${body}`;
      const values = new Map<string, string>();
      for (const [line] of lines) if (line.entry) values.set(line.entry.key, line.entry.value);
      return { text, values };
    });
}

/** Any value someone might set, including quotes, `#`, spaces at the ends, newlines and other scripts. */
export const anyValue = fc.oneof(
  fc.string({ maxLength: 30 }),
  fc.string({ unit: fc.constantFrom('a', ' ', '"', "'", '`', '#', '\\', '\n', '\r', '\t', '=', 'é', '\u00a0', '\x1c', '\u2028'), maxLength: 12 }),
  fc.stringMatching(/^EAA[A-Za-z0-9]{200,240}$/),
);
