// Ways to write a value on a .env line, best first: the quoting the line already uses, then forms that every
// dotenv reader reads the same way, then python-dotenv's escapes as the last resort. The editor re-reads each
// candidate and keeps the first one that reads back as exactly the value.
import type { QuoteStyle } from './types';

const QUOTE_CHARACTER: Readonly<Record<Exclude<QuoteStyle, 'none'>, string>> = {
  single: "'",
  double: '"',
  backtick: '`',
};

/** `value` written with no escapes in `style`, or null when that style cannot hold it as is. */
function plainForm(value: string, style: QuoteStyle): string | null {
  if (/[\r\n]/.test(value)) return null;
  if (style === 'none') {
    // Node's dotenv cuts an unquoted value at any `#`, python at ` #`; leading/trailing spaces are trimmed.
    return /#|^[\s'"`]|\s$/.test(value) ? null : value;
  }
  const quote = QUOTE_CHARACTER[style];
  return value.includes(quote) || value.includes('\\') ? null : `${quote}${value}${quote}`;
}

/** Double quotes with the escapes python-dotenv and Node's dotenv both decode for newlines. */
function escapedDoubleQuoted(value: string): string {
  const escaped = value.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n').replace(/\r/g, '\\r');
  return `"${escaped}"`;
}

/** The candidate spellings of `value`, best first, without duplicates. */
export function valueSpellings(value: string, preferred: QuoteStyle): string[] {
  const plain = [preferred, 'double', 'single', 'none'] as const;
  const spellings = plain.map((style) => plainForm(value, style)).filter((form): form is string => form !== null);
  spellings.push(escapedDoubleQuoted(value));
  return [...new Set(spellings)];
}
