// Key paths into JSON and YAML settings, as owners write them: `whatsapp.accessToken`, `bots[0].token`,
// `bots.0.token`. A dot inside a key is written `\.` (and a backslash `\\`, a bracket `\[`).
import { destinationError } from './errors';

/** A key of an object, or `[n]`: an array position. A bare `0` is a key that also selects an array's item 0. */
export type KeyPathSegment = string | number;

export function parseKeyPath(text: string): KeyPathSegment[] {
  const invalid = (why: string) => destinationError('key_path_invalid', `Key path is invalid: ${why}`, { keyPath: text });
  const segments: KeyPathSegment[] = [];
  let current = '';
  let expectingKey = true; // after a dot, or at the start
  for (let index = 0; index < text.length; index += 1) {
    const char = text[index]!;
    if (char === '\\') {
      const next = text[index + 1];
      if (next === undefined) throw invalid('ends with a backslash');
      current += next;
      index += 1;
      expectingKey = false;
    } else if (char === '.') {
      if (expectingKey) throw invalid('empty key'); // nothing read since the start or the last dot
      if (current !== '') segments.push(current);
      current = '';
      expectingKey = true;
    } else if (char === '[') {
      const close = text.indexOf(']', index);
      // Stryker disable next-line EqualityOperator,StringLiteral: equivalent, `close` is past the `[` (never 0), and any non-digits are refused alike
      const digits = close < 0 ? '' : text.slice(index + 1, close);
      if (!/^\d{1,9}$/.test(digits)) throw invalid('an index in brackets must be a number');
      if (current !== '') segments.push(current);
      else if (expectingKey && index > 0) throw invalid('empty key before an index');
      segments.push(Number(digits));
      current = '';
      expectingKey = false;
      index = close;
      const after = text[index + 1];
      if (after !== undefined && after !== '.' && after !== '[') throw invalid('an index must be followed by "." or "["');
    } else if (char === ']') {
      throw invalid('a "]" without "["');
    } else {
      current += char;
      expectingKey = false;
    }
  }
  if (current !== '') segments.push(current);
  else if (expectingKey) throw invalid(text === '' ? 'empty' : 'ends with a dot');
  return segments;
}

/** The inverse of parseKeyPath: `formatKeyPath(parseKeyPath(x))` reads back as the same segments. */
export function formatKeyPath(segments: readonly KeyPathSegment[]): string {
  return segments
    .map((segment, index) => {
      if (typeof segment === 'number') return `[${segment}]`;
      const escaped = segment.replace(/[\\.[\]]/g, (char) => `\\${char}`);
      return index === 0 ? escaped : `.${escaped}`;
    })
    .join('');
}

/** An array position the segment selects, or null when it names a key only. */
export function segmentIndex(segment: KeyPathSegment): number | null {
  if (typeof segment === 'number') return segment;
  return /^(?:0|[1-9]\d{0,8})$/.test(segment) ? Number(segment) : null;
}
