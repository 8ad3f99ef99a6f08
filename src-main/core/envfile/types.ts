// The shape of a parsed .env file: every byte kept in order, so the file can be written back unchanged
// and one value can be edited in place.

/** How a value is written in the file. */
export type QuoteStyle = 'none' | 'single' | 'double' | 'backtick';

/** The line break a file uses (the most common one in it; `\n` for a file without any). */
export type Newline = '\n' | '\r\n' | '\r';

interface SegmentBase {
  /** 1-based line on which the segment starts. */
  line: number;
  /** Offsets in `EnvDocument.text` of the segment's own text, without its line break. */
  start: number;
  end: number;
  /** Exactly `text.slice(start, end)`. */
  raw: string;
  /** The line break that follows (`''` for the last line of a file without a final newline). */
  lineBreak: string;
}

/** An assignment dotenv readers load (`KEY=value`, `export KEY="value"`, `KEY = 'value' # note`…). */
export interface EnvEntry extends SegmentBase {
  kind: 'entry';
  key: string;
  /** The value as python-dotenv / Node dotenv see it: quotes removed, escapes decoded, inline comment cut. */
  value: string;
  quote: QuoteStyle;
  exported: boolean;
  /** How many lines the entry spans (more than 1 for a multi-line quoted value). */
  lineCount: number;
  /** Offsets in `EnvDocument.text` of the value as written, quotes included (equal for an empty unquoted value). */
  valueStart: number;
  valueEnd: number;
}

/**
 * A line dotenv readers skip: a comment (also a commented-out assignment), a blank or whitespace-only line,
 * or junk (a bare URL, a shell command, an unterminated quote…).
 */
export interface EnvOtherSegment extends SegmentBase {
  kind: 'comment' | 'blank' | 'junk';
}

export type EnvSegment = EnvEntry | EnvOtherSegment;

export interface EnvDocument {
  /** The text that was parsed, byte-for-byte (a UTF-8 BOM is kept as U+FEFF at offset 0). */
  text: string;
  bom: boolean;
  newline: Newline;
  endsWithNewline: boolean;
  /** Every line of the file in order; concatenating BOM + raw + lineBreak gives `text` back. */
  segments: readonly EnvSegment[];
  /** The assignments, in file order (a duplicated key appears more than once; the last one wins). */
  entries: readonly EnvEntry[];
}
