// A file's line break, as the editors append lines with it: the most common one, CRLF on ties, LF when none.
import { describe, expect, it } from 'vitest';
import { appendLineToText, dominantNewline } from '../../../src-main/core/envfile/text-lines';

describe('dominantNewline', () => {
  it.each([
    ['no line break', 'A=1', '\n'],
    ['LF only', 'A=1\nB=2\n', '\n'],
    ['CRLF only', 'A=1\r\nB=2\r\n', '\r\n'],
    ['CR only', 'A=1\rB=2\r', '\r'],
    ['CRLF on a tie with LF', 'A=1\r\nB=2\n', '\r\n'],
    ['CRLF on a tie with CR', 'A=1\r\nB=2\r', '\r\n'],
    ['LF on a tie with CR', 'A=1\nB=2\r', '\n'],
    ['LF above CRLF', 'A=1\r\nB=2\nC=3\n', '\n'],
    ['CR above CRLF', 'A=1\r\nB=2\rC=3\r', '\r'],
    ['a CRLF is not also a CR', 'A=1\r\nB=2\r\nC=3\r', '\r\n'],
  ])('%s', (_name, text, newline) => {
    expect(dominantNewline(text)).toBe(newline);
  });
});

describe('appendLineToText', () => {
  it.each([
    ['', 'K=v\n'],
    ['\uFEFF', '\uFEFFK=v\n'],
    ['A=1', 'A=1\nK=v'],
    ['A=1\r', 'A=1\rK=v\r'],
    ['A=1\r\nB=2', 'A=1\r\nB=2\r\nK=v'],
  ])('%j → %j', (text, appended) => {
    expect(appendLineToText(text, 'K=v')).toBe(appended);
  });
});
