// fast-check generators of .env files in all the shapes real ones have, each with the values dotenv would
// load worked out while generating (not by the parser under test).
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

const plainCharacter = fc.constantFrom(...'abcXYZ0129_-./:@+=,!?%é'.split(''), 'ş', 'ع', '€');
const plainText = (maxLength: number) => fc.string({ unit: plainCharacter, maxLength });
/** Pieces of a double-quoted value: the raw spelling and what dotenv reads. */
const doubleQuotedPiece = fc.oneof(
  plainCharacter.map((character) => [character, character] as const),
  fc.constantFrom(['\\n', '\n'], ['\\"', '"'], ["'", "'"], ['#', '#'], [' ', ' '], ['`', '`'], ['\n', '\n'], ['\\t', '\t']),
);

const quotedEntryValue = fc.oneof(
  fc.array(doubleQuotedPiece, { maxLength: 12 }).map((pieces) => ({
    raw: `"${pieces.map(([raw]) => raw).join('')}"`,
    value: pieces.map(([, value]) => value).join(''),
  })),
  fc.string({ unit: fc.oneof(plainCharacter, fc.constantFrom('"', '#', ' ', '`')), maxLength: 12 }).map((value) => ({ raw: `'${value}'`, value })),
  fc.string({ unit: fc.oneof(plainCharacter, fc.constantFrom('"', "'", '#', ' ')), maxLength: 12 }).map((value) => ({ raw: `\`${value}\``, value })),
);

const entryLine: fc.Arbitrary<Line> = fc
  .record({
    key: fc.constantFrom(...GENERATED_KEYS),
    exported: fc.boolean(),
    indent: fc.constantFrom('', ' ', '\t'),
    beforeEquals: fc.constantFrom('', ' ', '  '),
    afterEquals: fc.constantFrom('', ' ', '\t'),
    quoted: fc.option(quotedEntryValue, { nil: undefined }),
    plain: fc.tuple(plainText(8), fc.constantFrom('', ' ', '  '), plainText(8)),
    comment: fc.constantFrom('', ' # a note', '   #note', '#tight'),
    trailing: fc.constantFrom('', ' ', '\t'),
  })
  .map((line) => {
    const start = `${line.indent}${line.exported ? 'export ' : ''}${line.key}${line.beforeEquals}=${line.afterEquals}`;
    if (line.quoted) {
      return { text: `${start}${line.quoted.raw}${line.trailing}${line.comment}`, entry: { key: line.key, value: line.quoted.value } };
    }
    const value = line.plain.join('').trim();
    // An empty unquoted value with a comment right after `=` would read as the comment; a tight `#` is no comment.
    const comment = value === '' || line.comment === '#tight' ? '' : line.comment;
    return { text: `${start}${value}${line.trailing}${comment}`, entry: { key: line.key, value } };
  });

const otherLine: fc.Arbitrary<Line> = fc
  .constantFrom(
    '# a comment',
    '#WHATSAPP_TOKEN=EAAcommentedOutOldToken',
    '  # indented comment = with equals',
    '',
    ' ',
    '\t ',
    'npx neonctl@latest init',
    'postgresql://user:pw@host/db?sslmode=require',
    'just some words',
    'KEY: yaml style',
  )
  .map((text) => ({ text }));

export function envFileArbitrary(): fc.Arbitrary<GeneratedEnvFile> {
  return fc
    .record({
      lines: fc.array(fc.oneof({ weight: 3, arbitrary: entryLine }, { weight: 2, arbitrary: otherLine }), { maxLength: 14 }),
      newline: fc.constantFrom('\n', '\r\n'),
      finalNewline: fc.boolean(),
      bom: fc.boolean(),
    })
    .map(({ lines, newline, finalNewline, bom }) => {
      const body = lines.map((line) => line.text).join(newline);
      const text = `${bom ? '\uFEFF' : ''}${body}${finalNewline && lines.length > 0 ? newline : ''}`;
      const values = new Map<string, string>();
      for (const line of lines) if (line.entry) values.set(line.entry.key, line.entry.value);
      return { text, values };
    });
}

/** Any value someone might set, including quotes, `#`, spaces at the ends, newlines and other scripts. */
export const anyValue = fc.oneof(
  fc.string({ maxLength: 30 }),
  fc.string({ unit: fc.constantFrom('a', ' ', '"', "'", '`', '#', '\\', '\n', '\r', '\t', '=', 'é', '\u00a0', '\x1c'), maxLength: 12 }),
  fc.stringMatching(/^EAA[A-Za-z0-9]{200,240}$/),
);
