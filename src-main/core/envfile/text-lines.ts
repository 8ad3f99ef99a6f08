// Line-ending facts about a text file, and appending one line the way the file already writes its lines.
import type { Newline } from './types';

/** The file's line break: the most common one in it (CRLF on ties), `\n` for a file with none. */
export function dominantNewline(text: string): Newline {
  let lf = 0;
  let crlf = 0;
  for (let index = text.indexOf('\n'); index !== -1; index = text.indexOf('\n', index + 1)) {
    if (text.charCodeAt(index - 1) === 13) crlf += 1;
    else lf += 1;
  }
  let cr = -crlf;
  for (let index = text.indexOf('\r'); index !== -1; index = text.indexOf('\r', index + 1)) cr += 1;
  return newlineFromCounts(crlf, lf, cr);
}

/** The most common line break (CRLF on ties), `\n` when there is none. */
export function newlineFromCounts(crlf: number, lf: number, cr: number): Newline {
  if (crlf > 0 && crlf >= lf && crlf >= cr) return '\r\n';
  if (cr > lf) return '\r';
  return '\n';
}

export function endsWithNewline(text: string): boolean {
  return text.endsWith('\n') || text.endsWith('\r');
}

/**
 * `text` with `line` added at the end, in the file's newline style. A line break goes before it only when the
 * text lacks a final one, and after it only when the text had one (or was empty), so nothing else changes.
 */
export function appendLineToText(text: string, line: string, newline: Newline = dominantNewline(text)): string {
  // Stryker disable next-line Regex: equivalent, taking one U+FEFF away leaves nothing only when it was all the text
  const hasContent = text.replace(/^\uFEFF/, '').length > 0;
  const finalNewline = endsWithNewline(text);
  const before = hasContent && !finalNewline ? newline : '';
  const after = !hasContent || finalNewline ? newline : '';
  return `${text}${before}${line}${after}`;
}
