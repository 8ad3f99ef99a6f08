// The spellings the editor tries for a new value, best first: the line's own quoting, then forms every dotenv
// reader reads alike, then python-dotenv's escapes. A style that would need an escape is never offered plain.
import { describe, expect, it } from 'vitest';
import { valueSpellings } from '../../../src-main/core/envfile/value-format';
import type { QuoteStyle } from '../../../src-main/core/envfile/types';

describe('valueSpellings', () => {
  it.each<[string, QuoteStyle, string[]]>([
    ['EAAGab12', 'none', ['EAAGab12', '"EAAGab12"', "'EAAGab12'"]],
    ['EAAGab12', 'backtick', ['`EAAGab12`', '"EAAGab12"', "'EAAGab12'", 'EAAGab12']],
    ['', 'none', ['', '""', "''"]],
    ['a#b', 'none', ['"a#b"', "'a#b'"]],
    [' lead', 'none', ['" lead"', "' lead'"]],
    ['trail ', 'none', ['"trail "', "'trail '"]],
    ['"quoted"', 'none', ["'\"quoted\"'", '"\\"quoted\\""']],
    ["it's", 'single', ['"it\'s"', "it's"]],
    ['say "hi"', 'double', ["'say \"hi\"'", 'say "hi"', '"say \\"hi\\""']],
    ['`tick`', 'backtick', ['"`tick`"', "'`tick`'"]],
    ['back\\slash', 'backtick', ['back\\slash', '"back\\\\slash"']],
    ['line1\nline2', 'double', ['"line1\\nline2"']],
    ['ends in CR\r', 'none', ['"ends in CR\\r"']],
    ['both \' and "', 'none', ['both \' and "', '"both \' and \\""']],
  ])('offers %j (line quoted %s) as %j', (value, preferred, expected) => {
    expect(valueSpellings(value, preferred)).toEqual(expected);
  });
});
