// A second, independent reading of .env text: python-dotenv's own grammar (its parser.py, regex by regex), used
// only to check what the editor wrote. It shares no code with parse.ts on purpose: a bug in the lossless parser
// then shows up as a disagreement instead of being confirmed by itself.
//
// It reads the dialect parse.ts promises (python-dotenv's grammar, plus Node dotenv's backtick quotes, taken
// literally) and nothing more: keys may hold any character but `=`, `#` and whitespace, or be 'single-quoted', and
// a bare `KEY` line is a binding without a value, as python-dotenv has it. A leading BOM is skipped (python-dotenv,
// opening the file as plain UTF-8, would glue it to the first key; Node's dotenv skips it).

export interface ReferenceBinding {
  key: string;
  /** null for a line that names a key without `=` (python-dotenv loads nothing for it). */
  value: string | null;
  /** 1-based line on which the key starts. */
  line: number;
}

// Python's `\s` (str.isspace), which JavaScript's `\s` is not: it lacks U+001C–U+001F and U+0085, adds U+FEFF.
const SPACE = '\\t\\n\\v\\f\\r \\x1c-\\x1f\\x85\\xa0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000';
const LINE_SPACE = SPACE.replace('\\n', '').replace('\\r', ''); // python-dotenv's `[^\S\r\n]`

const sticky = (source: string) => new RegExp(source, 'y');
const GRAMMAR = {
  multilineWhitespace: sticky(`[${SPACE}]*`),
  export: sticky(`(?:export[${LINE_SPACE}]+)?`),
  singleQuotedKey: sticky(`'([^']+)'`),
  unquotedKey: sticky(`([^=#${SPACE}]+)`),
  whitespace: sticky(`[${LINE_SPACE}]*`),
  equalSign: sticky(`(=[${LINE_SPACE}]*)`),
  singleQuotedValue: sticky(`'((?:\\\\'|[^'])*)'`),
  doubleQuotedValue: sticky(`"((?:\\\\"|[^"])*)"`),
  backtickValue: sticky('`((?:\\\\`|[^`])*)`'),
  unquotedValue: sticky('([^\\r\\n]*)'),
  comment: sticky(`(?:[${LINE_SPACE}]*#[^\\r\\n]*)?`),
  endOfLine: sticky(`[${LINE_SPACE}]*(?:\\r\\n|\\n|\\r|$)`),
  restOfLine: sticky('[^\\r\\n]*(?:\\r|\\n|\\r\\n)?'),
} as const;

const INLINE_COMMENT = new RegExp(`[${SPACE}]+#[^]*`);
const TRAILING_SPACE = new RegExp(`[${SPACE}]+$`);
const DOUBLE_QUOTE_ESCAPE = /\\[\\'"abfnrtv]/g;
const SINGLE_QUOTE_ESCAPE = /\\[\\']/g;
const ESCAPED: Readonly<Record<string, string>> = { a: '\x07', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t', v: '\v' };

class NoMatch extends Error {}

/** python-dotenv's Reader: a position in the text, advanced by anchored regexes. */
class Reader {
  position = 0;

  constructor(readonly text: string) {}

  /** Reads what `pattern` matches here, and returns its first group. */
  read(pattern: RegExp): string {
    pattern.lastIndex = this.position;
    const match = pattern.exec(this.text);
    if (!match) throw new NoMatch();
    this.position = pattern.lastIndex;
    return match[1]!;
  }

  /** Reads past what `pattern` matches here (`test` builds no match array: this reader runs on every edit). */
  skip(pattern: RegExp): void {
    pattern.lastIndex = this.position;
    if (!pattern.test(this.text)) throw new NoMatch();
    this.position = pattern.lastIndex;
  }

  peek(): string {
    return this.text.charAt(this.position);
  }

  hasNext(): boolean {
    return this.position < this.text.length;
  }
}

function unescape(text: string, escapes: RegExp): string {
  return text.replace(escapes, (escape) => ESCAPED[escape.charAt(1)] ?? escape.charAt(1));
}

function readKey(reader: Reader): string | null {
  const next = reader.peek();
  // Without this the key pattern fails on `#` and drops the line all the same; it keeps comments apart from bad lines.
  // Stryker disable next-line ConditionalExpression,StringLiteral: equivalent (see above).
  if (next === '#') return null;
  return next === "'" ? reader.read(GRAMMAR.singleQuotedKey) : reader.read(GRAMMAR.unquotedKey);
}

function readValue(reader: Reader): string {
  const next = reader.peek();
  if (next === "'") return unescape(reader.read(GRAMMAR.singleQuotedValue), SINGLE_QUOTE_ESCAPE);
  if (next === '"') return unescape(reader.read(GRAMMAR.doubleQuotedValue), DOUBLE_QUOTE_ESCAPE);
  if (next === '`') return reader.read(GRAMMAR.backtickValue);
  // python-dotenv returns '' early at a line end; the unquoted pattern below reads '' there just the same.
  const part = reader.read(GRAMMAR.unquotedValue);
  return part.replace(INLINE_COMMENT, '').replace(TRAILING_SPACE, '');
}

/** Line breaks (`\r\n`, `\n` or `\r`) in `text` from `from` to `to`. */
function countNewlines(text: string, from: number, to: number): number {
  let count = 0;
  // Stryker disable next-line EqualityOperator: equivalent, `to` is where a key starts, never a line break.
  for (let index = from; index < to; index += 1) {
    const code = text.charCodeAt(index);
    if (code === 10 || (code === 13 && text.charCodeAt(index + 1) !== 10)) count += 1;
  }
  return count;
}

/** Every binding python-dotenv reads in `text`, in file order (a repeated key appears each time; the last wins). */
export function readReferenceBindings(text: string): ReferenceBinding[] {
  const reader = new Reader(text.startsWith('\uFEFF') ? text.slice(1) : text);
  const bindings: ReferenceBinding[] = [];
  let line = 1;
  let counted = 0;
  while (reader.hasNext()) {
    try {
      reader.skip(GRAMMAR.multilineWhitespace);
      // Stryker disable next-line ConditionalExpression: equivalent, at the end the key fails and the empty rest is read.
      if (!reader.hasNext()) break;
      reader.skip(GRAMMAR.export);
      line += countNewlines(reader.text, counted, reader.position);
      counted = reader.position;
      const key = readKey(reader);
      reader.skip(GRAMMAR.whitespace);
      let value: string | null = null;
      if (reader.peek() === '=') {
        reader.skip(GRAMMAR.equalSign);
        value = readValue(reader);
      }
      reader.skip(GRAMMAR.comment);
      reader.skip(GRAMMAR.endOfLine);
      if (key !== null) bindings.push({ key, value, line });
    } catch (error) {
      // Stryker disable next-line ConditionalExpression: equivalent, nothing else is thrown here (kept so a bug is not swallowed).
      if (!(error instanceof NoMatch)) throw error;
      // python-dotenv drops the rest of the line where reading failed and goes on from the next one.
      reader.skip(GRAMMAR.restOfLine);
    }
  }
  return bindings;
}
