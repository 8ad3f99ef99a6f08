// Reads a .env file the way python-dotenv and Node's dotenv do, without losing a byte: every line becomes a
// segment that keeps its exact text, so the document re-serialises to the identical string.
//
// Characters are classified as python's `\s` does (JavaScript's `\s` differs on U+FEFF, U+001C–U+001F, U+0085).
// Where the two readers disagree, python-dotenv's grammar wins (mirrored below), except that
// backtick quotes are honoured as Node's dotenv does. Differences that remain, all rare in real bots:
// Node cuts an unquoted value at any `#` (python only at ` #`); Node keeps `\"` and `\\` escapes literally;
// python expands `${VAR}` (this reader, like Node, returns values unexpanded); `KEY: value` (Node only) and
// a key with characters outside [A-Za-z0-9_.-] (python only) are treated as junk lines.
import { endsWithNewline, newlineFromCounts } from './text-lines';
import type { EnvDocument, EnvEntry, EnvSegment, QuoteStyle } from './types';

const CR = 13;
const LF = 10;
const QUOTES: Readonly<Record<string, QuoteStyle>> = { "'": 'single', '"': 'double', '`': 'backtick' };
const DOUBLE_QUOTE_ESCAPES: Readonly<Record<string, string>> = {
  '\\': '\\', "'": "'", '"': '"', a: '\x07', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t', v: '\v',
};

/** Parses `text` (any string: this never throws). `serializeEnv(parseEnv(text)) === text` always. */
export function parseEnv(text: string): EnvDocument {
  const bom = text.startsWith('\uFEFF');
  const quotes = new QuoteScanner(text);
  const segments: EnvSegment[] = [];
  let crlf = 0;
  let lf = 0;
  let cr = 0;
  let position = bom ? 1 : 0;
  let line = 1;
  while (position < text.length) {
    const segment = readSegment(text, position, line, quotes);
    segments.push(segment);
    if (segment.lineBreak === '\n') lf += 1;
    else if (segment.lineBreak === '\r\n') crlf += 1;
    else if (segment.lineBreak === '\r') cr += 1;
    // Only a quoted value (in an entry, or in junk after it) can span lines.
    // Stryker disable next-line ConditionalExpression,StringLiteral: equivalent, an entry's raw has lineCount - 1 line breaks too (not counted twice)
    const inner = segment.kind === 'entry' ? segment.lineCount - 1 : countLineBreaks(segment.raw);
    line += inner + (segment.lineBreak ? 1 : 0);
    position = segment.end + segment.lineBreak.length;
  }
  return {
    text,
    bom,
    newline: newlineFromCounts(crlf, lf, cr),
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
  let count = 0;
  // Stryker disable next-line EqualityOperator: equivalent, past the end charCodeAt gives NaN, which is no line break
  for (let index = 0; index < text.length; index += 1) {
    const code = text.charCodeAt(index);
    if (code === LF || (code === CR && text.charCodeAt(index + 1) !== LF)) count += 1;
  }
  return count;
}

/** Python's str.isspace for one UTF-16 unit, CR and LF left out (the readers' regexes end lines at those). */
function isHorizontalSpace(code: number): boolean {
  if (code <= 32) return code === 9 || code === 11 || code === 12 || code >= 0x1c; // U+001C–U+001F and the space
  return (
    code === 0x85 || code === 0xa0 || code === 0x1680 || (code >= 0x2000 && code <= 0x200a) ||
    code === 0x2028 || code === 0x2029 || code === 0x202f || code === 0x205f || code === 0x3000
  );
}

/** `[A-Za-z0-9_.-]`: the key characters both readers accept. */
function isKeyCharacter(code: number): boolean {
  return (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || (code >= 48 && code <= 57) || code === 95 || code === 46 || code === 45;
}

function skipWhile(text: string, from: number, accepts: (code: number) => boolean): number {
  let index = from;
  // Past the end charCodeAt gives NaN, which no character class here accepts: that ends the loop.
  while (accepts(text.charCodeAt(index))) index += 1;
  return index;
}

function lineEndFrom(text: string, from: number): number {
  // Stryker disable next-line EqualityOperator: equivalent, past the end charCodeAt gives NaN, which is no line break
  for (let index = from; index < text.length; index += 1) {
    const code = text.charCodeAt(index);
    if (code === LF || code === CR) return index;
  }
  return text.length;
}

function lineBreakAt(text: string, index: number): string {
  const code = text.charCodeAt(index);
  if (code === CR) return text.charCodeAt(index + 1) === LF ? '\r\n' : '\r';
  return code === LF ? '\n' : '';
}

function otherSegment(kind: 'comment' | 'blank' | 'junk', text: string, start: number, end: number, line: number): EnvSegment {
  return { kind, line, start, end, raw: text.slice(start, end), lineBreak: lineBreakAt(text, end) };
}

/**
 * Where an unquoted value ends: before python-dotenv's `\s+#` comment, then without trailing whitespace. The
 * search stays inside the line (an `indexOf` would run on to the next `#` in the file: quadratic in its size).
 */
function unquotedValueEnd(text: string, valueStart: number, lineEnd: number): number {
  let end = lineEnd;
  // Stryker disable next-line EqualityOperator: equivalent, at lineEnd is a line break or the end of the text, never a #
  for (let hash = valueStart + 1; hash < lineEnd; hash += 1) {
    if (text.charCodeAt(hash) === 35 /* # */ && isHorizontalSpace(text.charCodeAt(hash - 1))) {
      end = hash;
      break;
    }
  }
  while (end > valueStart && isHorizontalSpace(text.charCodeAt(end - 1))) end -= 1;
  return end;
}

function readSegment(text: string, start: number, line: number, quotes: QuoteScanner): EnvSegment {
  const lineEnd = lineEndFrom(text, start);
  let index = skipWhile(text, start, isHorizontalSpace);
  if (index === lineEnd) return otherSegment('blank', text, start, lineEnd, line);
  if (text.charCodeAt(index) === 35 /* # */) return otherSegment('comment', text, start, lineEnd, line);

  const exported = text.startsWith('export', index) && isHorizontalSpace(text.charCodeAt(index + 6));
  if (exported) index = skipWhile(text, index + 6, isHorizontalSpace);
  const keyEnd = skipWhile(text, index, isKeyCharacter);
  if (keyEnd === index) return otherSegment('junk', text, start, lineEnd, line);
  const key = text.slice(index, keyEnd);
  index = skipWhile(text, keyEnd, isHorizontalSpace);
  if (text.charCodeAt(index) !== 61 /* = */) return otherSegment('junk', text, start, lineEnd, line);
  const valueStart = skipWhile(text, index + 1, isHorizontalSpace);

  let value: string;
  let quote: QuoteStyle = 'none';
  let valueEnd: number;
  let end = lineEnd;
  const opening = text.charAt(valueStart);
  const quoted = QUOTES[opening];
  if (quoted) {
    const closing = quotes.closingQuote(opening, valueStart);
    // Stryker disable next-line EqualityOperator: equivalent, a closing quote comes after its opening one, never at 0
    if (closing < 0) return otherSegment('junk', text, start, lineEnd, line);
    quote = quoted;
    valueEnd = closing + 1;
    value = decodeQuoted(quote, text.slice(valueStart + 1, closing));
    const after = skipWhile(text, valueEnd, isHorizontalSpace);
    end = lineEndFrom(text, after);
    // After the closing quote only spaces and a comment may follow; python-dotenv drops the whole binding otherwise.
    if (after < end && text.charCodeAt(after) !== 35) return otherSegment('junk', text, start, end, line);
  } else {
    valueEnd = unquotedValueEnd(text, valueStart, lineEnd);
    value = text.slice(valueStart, valueEnd);
  }
  const raw = text.slice(start, end);
  return {
    kind: 'entry', line, start, end, raw, lineBreak: lineBreakAt(text, end),
    // Stryker disable next-line ConditionalExpression,EqualityOperator: equivalent, an entry within its line has no line break to count
    key, value, quote, exported, lineCount: end > lineEnd ? countLineBreaks(raw) + 1 : 1, valueStart, valueEnd,
  };
}

function decodeQuoted(quote: QuoteStyle, inner: string): string {
  // Stryker disable next-line ConditionalExpression,StringLiteral: equivalent, without a backslash there is nothing to decode (only faster)
  if (!inner.includes('\\')) return inner;
  if (quote === 'double') return inner.replace(/\\[\\'"abfnrtv]/g, (escape) => DOUBLE_QUOTE_ESCAPES[escape.charAt(1)] ?? escape);
  if (quote === 'single') return inner.replace(/\\[\\']/g, (escape) => escape.charAt(1));
  return inner; // Node's dotenv takes backtick-quoted text literally
}

/**
 * Finds closing quotes as the readers' regex `"((?:\\"|[^"])*)"` does: the first quote not preceded by a
 * backslash (it may be lines further on); when there is none, the regex backtracks to the last quote of the
 * text. Remembers which quotes have no unescaped one left, so a file full of stray quotes stays linear (the
 * parser asks about openings in file order, so what is true after one opening is true after the next).
 */
class QuoteScanner {
  private readonly exhausted = new Set<string>();

  constructor(private readonly text: string) {}

  closingQuote(quote: string, opening: number): number {
    // Stryker disable next-line ConditionalExpression: equivalent, searching again finds nothing again (only slower)
    if (!this.exhausted.has(quote)) {
      for (let index = this.text.indexOf(quote, opening + 1); index !== -1; index = this.text.indexOf(quote, index + 1)) {
        if (this.text[index - 1] !== '\\') return index;
      }
      this.exhausted.add(quote);
    }
    const last = this.text.lastIndexOf(quote);
    return last > opening ? last : -1;
  }
}
