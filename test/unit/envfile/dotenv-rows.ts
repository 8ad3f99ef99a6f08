// How dotenv reads single lines, as rows both readers are held to (parse.ts and reference-read.ts). Each row was
// checked against python-dotenv 1.2, except the backtick rows, which follow Node's dotenv.

/** [what the row shows, the text, the value of `A` in it]. */
export const VALUE_ROWS: ReadonlyArray<readonly [string, string, string]> = [
  ['unquoted, trimmed', 'A=  x y  ', 'x y'],
  ['`#` inside an unquoted value', 'A=abc#x', 'abc#x'],
  ['` #` starts a comment', 'A=abc #x', 'abc'],
  ['a tab before `#` starts a comment', 'A=abc\t#x', 'abc'],
  ['a no-break space before `#` starts a comment', 'A=abc\u00a0#x', 'abc'],
  ['only the first ` #` counts', 'A=a#b #c #d', 'a#b'],
  ['a value that starts with `#`', 'A=#x', '#x'],
  ['`= #x` reads the comment as the value', 'A= #x', '#x'],
  ['empty', 'A=', ''],
  ['only blanks after `=`', 'A=  \t', ''],
  ['empty before a comment line', 'A=\n# c', ''],
  ['double quotes keep `#` and spaces', 'A=" x #y "', ' x #y '],
  ['double quotes then a comment', 'A="x" # note', 'x'],
  ['double quotes then a tight comment', 'A="x"#note', 'x'],
  ['single quotes keep `#`', "A='x #y'", 'x #y'],
  ['single quotes then a comment', "A='x'\t# note", 'x'],
  ['backticks are read literally', 'A=`x #y \\n`', 'x #y \\n'],
  ['an escaped backtick does not close', 'A=`a\\`b`', 'a\\`b'],
  ['backticks then a comment', 'A=`x` #note', 'x'],
  ['a multi-line double-quoted value', 'A="one\ntwo"', 'one\ntwo'],
  ['a multi-line single-quoted value', "A='one\r\ntwo'", 'one\r\ntwo'],
  ['a multi-line value across a lone CR', 'A="one\rtwo"', 'one\rtwo'],
  ['an escaped quote does not close', 'A="a\\"b" # c', 'a"b'],
  ['an escaped last quote closes all the same (the regex backtracks to it)', 'A="x\\"', 'x\\'],
  ['an export prefix', 'export A=1', '1'],
  ['an export prefix with a tab and more spaces', 'export\t  A=1', '1'],
  ['spaces and tabs around `=`', 'A \t= \t1 \t', '1'],
  ['indented', ' \t A=1', '1'],
  ['an unquoted value keeps its backslashes', 'A=a\\nb\\"c', 'a\\nb\\"c'],
  ['an unquoted value keeps its quotes inside', `A=a"b'c\`d`, `a"b'c\`d`],
];

/** [escape as written, what double quotes read]. */
export const DOUBLE_QUOTE_ESCAPES: ReadonlyArray<readonly [string, string]> = [
  ['\\\\', '\\'],
  ["\\'", "'"],
  ['\\"', '"'],
  ['\\a', '\x07'],
  ['\\b', '\b'],
  ['\\f', '\f'],
  ['\\n', '\n'],
  ['\\r', '\r'],
  ['\\t', '\t'],
  ['\\v', '\v'],
  ['\\x', '\\x'],
  ['\\u0041', '\\u0041'],
  ['\\$', '\\$'],
  ['\\\\n', '\\n'],
];

/** [escape as written, what single quotes read]. */
export const SINGLE_QUOTE_ESCAPES: ReadonlyArray<readonly [string, string]> = [
  ['\\\\', '\\'],
  ["\\'", "'"],
  ['\\n', '\\n'],
  ['\\"', '\\"'],
  ['\\t', '\\t'],
];

/** [line endings, a text that reads as A=1, B=2, C=3]. */
export const LINE_ENDING_ROWS: ReadonlyArray<readonly [string, string]> = [
  ['LF', 'A=1\nB=2\nC=3'],
  ['CRLF', 'A=1\r\nB=2\r\nC=3\r\n'],
  ['CR only', 'A=1\rB=2\rC=3\r'],
  ['mixed', 'A=1\r\nB=2\rC=3\n'],
  ['blank lines of every kind', '\n\r\n\rA=1\n \t\nB=2\r\r\nC=3'],
];

/** Characters python reads as whitespace (str.isspace), other than CR and LF: at the edges of each range. */
export const UNICODE_SPACES: ReadonlyArray<readonly [string, string]> = [
  ['\t', 'tab'],
  ['\v', 'vertical tab'],
  ['\f', 'form feed'],
  ['\x1c', 'file separator'],
  ['\x1f', 'unit separator'],
  ['\x85', 'next line'],
  ['\u00a0', 'no-break space'],
  ['\u1680', 'ogham space mark'],
  ['\u2000', 'en quad'],
  ['\u200a', 'hair space'],
  ['\u2028', 'line separator'],
  ['\u2029', 'paragraph separator'],
  ['\u202f', 'narrow no-break space'],
  ['\u205f', 'medium mathematical space'],
  ['\u3000', 'ideographic space'],
];

/** Characters that look like whitespace but are not, to python: they stay in a value. */
export const NOT_SPACES: ReadonlyArray<readonly [string, string]> = [
  ['\uFEFF', 'zero-width no-break space inside a line'],
  ['\u200b', 'zero-width space'],
  ['\x1b', 'escape'],
  ['\x84', 'the control before next line'],
  ['\u1fff', 'the code point before en quad'],
  ['\u200c', 'zero-width non-joiner'],
];

/** Key characters both readers accept, at the edges of each range, and the characters just outside them. */
export const KEY_CHARACTERS = ['a', 'z', 'A', 'Z', '0', '9', '_', '.', '-'] as const;
export const NEAR_KEY_CHARACTERS = ['`', '{', '@', '[', '/', ':', ',', '^', 'ş'] as const;
