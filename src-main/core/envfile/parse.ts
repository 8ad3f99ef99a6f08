// Reads a .env file the way python-dotenv and Node's dotenv do, without losing a byte: every line becomes a
// segment that keeps its exact text, so the document re-serialises to the identical string.
//
// Where the two readers disagree, python-dotenv's grammar wins (its regexes are mirrored below), except that
// backtick quotes are honoured as Node's dotenv does. Differences that remain, all rare in real bots:
// Node cuts an unquoted value at any `#` (python only at ` #`); Node keeps `\"` and `\\` escapes literally;
// python expands `${VAR}` (this reader, like Node, returns values unexpanded); `KEY: value` (Node only) and
// a key with characters outside [A-Za-z0-9_.-] (python only) are treated as junk lines.
import { dominantNewline, endsWithNewline } from './text-lines';
import type { EnvDocument, EnvEntry, EnvSegment, QuoteStyle } from './types';

// Python's `\s` (str.isspace): JavaScript's `\s` without U+FEFF, plus the separators U+001C–U+001F and U+0085.
// The readers' regexes split lines on CR and LF only, so "horizontal" space is everything else.
const SPACE = '\\t\\v\\f \\x1c-\\x1f\\x85\\xa0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000';
const WS = `${SPACE}\\r\\n`;
const HORIZONTAL_SPACE = new RegExp(`[${SPACE}]*`, 'y');
const TRAILING_SPACE = new RegExp(`[${WS}]+$`);
const INLINE_COMMENT = new RegExp(`[${WS}]+#`);
const BLANK_LINE = new RegExp(`^[${SPACE}]*$`);
const COMMENT_LINE = new RegExp(`^[${SPACE}]*#`);
const EXPORT_PREFIX = new RegExp(`export[${SPACE}]+`, 'y');
const KEY = /[\w.-]+/y;

const QUOTES: Readonly<Record<string, QuoteStyle>> = { "'": 'single', '"': 'double', '`': 'backtick' };
const DOUBLE_QUOTE_ESCAPES: Readonly<Record<string, string>> = {
  '\\': '\\', "'": "'", '"': '"', a: '\x07', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t', v: '\v',
};

/** Parses `text` (any string: this never throws). `serializeEnv(parseEnv(text)) === text` always. */
export function parseEnv(text: string): EnvDocument {
  const bom = text.startsWith('\uFEFF');
  const quotes = new QuoteScanner(text);
  const segments: EnvSegment[] = [];
  let position = bom ? 1 : 0;
  let line = 1;
  while (position < text.length) {
    const segment = readSegment(text, position, line, quotes);
    segments.push(segment);
    line += countLineBreaks(segment.raw) + (segment.lineBreak ? 1 : 0);
    position = segment.end + segment.lineBreak.length;
  }
  return {
    text,
    bom,
    newline: dominantNewline(text),
    endsWithNewline: endsWithNewline(text),
    segments,
    entries: segments.filter((segment): segment is EnvEntry => segment.kind === 'entry'),
  };
}

/** The document's text, rebuilt from its segments. */
export function serializeEnv(doc: EnvDocument): string {
  return (doc.bom ? '\uFEFF' : '') + doc.segments.map((segment) => segment.raw + segment.lineBreak).join('');
}

/** What python-dotenv / Node dotenv would load: for a duplicated key, the last occurrence wins. */
export function envValues(doc: EnvDocument): Map<string, string> {
  return new Map(doc.entries.map((entry) => [entry.key, entry.value]));
}

/** Every active assignment of `key`, in file order (the last is the one dotenv readers use). */
export function findEntries(doc: EnvDocument, key: string): EnvEntry[] {
  return doc.entries.filter((entry) => entry.key === key);
}

function countLineBreaks(text: string): number {
  return text.match(/\r\n|\r|\n/g)?.length ?? 0;
}

function lineEndFrom(text: string, from: number): number {
  for (let index = from; index < text.length; index += 1) {
    const char = text.charCodeAt(index);
    if (char === 10 || char === 13) return index;
  }
  return text.length;
}

function lineBreakAt(text: string, index: number): string {
  if (text.startsWith('\r\n', index)) return '\r\n';
  const char = text[index];
  return char === '\n' || char === '\r' ? char : '';
}

function skip(pattern: RegExp, text: string, from: number): number {
  pattern.lastIndex = from;
  return pattern.exec(text) ? pattern.lastIndex : from;
}

function readSegment(text: string, start: number, line: number, quotes: QuoteScanner): EnvSegment {
  const lineEnd = lineEndFrom(text, start);
  const firstLine = text.slice(start, lineEnd);
  const other = (kind: 'comment' | 'blank' | 'junk', end: number): EnvSegment => ({
    kind, line, start, end, raw: text.slice(start, end), lineBreak: lineBreakAt(text, end),
  });
  if (BLANK_LINE.test(firstLine)) return other('blank', lineEnd);
  if (COMMENT_LINE.test(firstLine)) return other('comment', lineEnd);

  let index = skip(HORIZONTAL_SPACE, text, start);
  EXPORT_PREFIX.lastIndex = index;
  const exported = EXPORT_PREFIX.exec(text) !== null;
  if (exported) index = EXPORT_PREFIX.lastIndex;
  KEY.lastIndex = index;
  const key = KEY.exec(text)?.[0];
  if (key === undefined) return other('junk', lineEnd);
  index = skip(HORIZONTAL_SPACE, text, index + key.length);
  if (text[index] !== '=') return other('junk', lineEnd);
  const valueStart = skip(HORIZONTAL_SPACE, text, index + 1);

  let value: string;
  let quote: QuoteStyle = 'none';
  let valueEnd: number;
  let end = lineEnd;
  const opening = text[valueStart] ?? '';
  const quoted = QUOTES[opening];
  if (quoted) {
    const closing = quotes.closingQuote(opening, valueStart);
    if (closing < 0) return other('junk', lineEnd);
    quote = quoted;
    valueEnd = closing + 1;
    value = decodeQuoted(quote, text.slice(valueStart + 1, closing));
    const after = skip(HORIZONTAL_SPACE, text, valueEnd);
    end = lineEndFrom(text, after);
    // After the closing quote only spaces and a comment may follow; python-dotenv drops the whole binding otherwise.
    if (after < end && text[after] !== '#') return other('junk', end);
  } else {
    const rest = text.slice(valueStart, lineEnd);
    const comment = INLINE_COMMENT.exec(rest);
    value = (comment ? rest.slice(0, comment.index) : rest).replace(TRAILING_SPACE, '');
    valueEnd = valueStart + value.length;
  }
  const raw = text.slice(start, end);
  return {
    kind: 'entry', line, start, end, raw, lineBreak: lineBreakAt(text, end),
    key, value, quote, exported, lineCount: countLineBreaks(raw) + 1, valueStart, valueEnd,
  };
}

function decodeQuoted(quote: QuoteStyle, inner: string): string {
  if (quote === 'double') return inner.replace(/\\[\\'"abfnrtv]/g, (escape) => DOUBLE_QUOTE_ESCAPES[escape.charAt(1)] ?? escape);
  if (quote === 'single') return inner.replace(/\\[\\']/g, (escape) => escape.charAt(1));
  return inner; // Node's dotenv takes backtick-quoted text literally
}

/**
 * Finds closing quotes as the readers' regex `"((?:\\"|[^"])*)"` does: the first quote not preceded by a
 * backslash (it may be lines further on); when there is none, the regex backtracks to the last quote of the
 * text. Remembers where no unescaped quote is left, so a file full of stray quotes stays linear.
 */
class QuoteScanner {
  private readonly noUnescapedFrom = new Map<string, number>();

  constructor(private readonly text: string) {}

  closingQuote(quote: string, opening: number): number {
    const from = opening + 1;
    const exhausted = this.noUnescapedFrom.get(quote);
    if (exhausted === undefined || from < exhausted) {
      for (let index = this.text.indexOf(quote, from); index !== -1; index = this.text.indexOf(quote, index + 1)) {
        if (this.text[index - 1] !== '\\') return index;
      }
      this.noUnescapedFrom.set(quote, from);
    }
    const last = this.text.lastIndexOf(quote);
    return last > opening ? last : -1;
  }
}
