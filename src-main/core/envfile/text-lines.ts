// Line-ending facts about a text file, and appending one line the way the file already writes its lines.
import type { Newline } from './types';

/** The file's line break: the most common one in it (CRLF on ties), `\n` for a file with none. */
export function dominantNewline(text: string): Newline {
  const crlf = text.match(/\r\n/g)?.length ?? 0;
  const lf = text.match(/(?<!\r)\n/g)?.length ?? 0;
  const cr = text.match(/\r(?!\n)/g)?.length ?? 0;
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
export function appendLineToText(text: string, line: string): string {
  const newline = dominantNewline(text);
  const hasContent = text.replace(/^\uFEFF/, '').length > 0;
  const finalNewline = endsWithNewline(text);
  const before = hasContent && !finalNewline ? newline : '';
  const after = !hasContent || finalNewline ? newline : '';
  return `${text}${before}${line}${after}`;
}
