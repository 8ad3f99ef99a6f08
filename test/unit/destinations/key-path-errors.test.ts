// Each way a key path can be wrong, with the reason it gives (the log's English) and the path in the message's
// parameters; and which segments select an array position.
import { describe, expect, it } from 'vitest';
import { parseKeyPath, segmentIndex } from '../../../src-main/core/destinations/key-path';

function refusal(text: string): { message: string; params: unknown } {
  try {
    parseKeyPath(text);
  } catch (error) {
    const { message, userMessage } = error as { message: string; userMessage: { params: unknown } };
    return { message, params: userMessage.params };
  }
  throw new Error(`${text} was accepted`);
}

describe('parseKeyPath refusals', () => {
  it.each([
    ['', 'empty'],
    ['.', 'empty key'],
    ['a.', 'ends with a dot'],
    ['.a', 'empty key'],
    ['a..b', 'empty key'],
    ['a\\', 'ends with a backslash'],
    ['a[x]', 'an index in brackets must be a number'],
    ['a[]', 'an index in brackets must be a number'],
    ['a[0', 'an index in brackets must be a number'],
    ['a[12', 'an index in brackets must be a number'],
    ['a[1x]', 'an index in brackets must be a number'],
    ['a[x1]', 'an index in brackets must be a number'],
    ['a[1234567890]', 'an index in brackets must be a number'],
    ['a.[0]', 'empty key before an index'],
    ['a[0]b', 'an index must be followed by "." or "["'],
    ['a]', 'a "]" without "["'],
  ])('%j: %s', (text, why) => {
    expect(refusal(text)).toEqual({ message: `Key path is invalid: ${why}`, params: { keyPath: text } });
  });

  it('accepts what sits at the edges of those rules', () => {
    expect(parseKeyPath('[0].a')).toEqual([0, 'a']);
    expect(parseKeyPath('a[123456789]')).toEqual(['a', 123456789]);
    expect(parseKeyPath('a\\.')).toEqual(['a.']);
    expect(parseKeyPath('a\\..b')).toEqual(['a.', 'b']);
    expect(parseKeyPath('\\.a')).toEqual(['.a']);
    expect(parseKeyPath('a[0][1].b')).toEqual(['a', 0, 1, 'b']);
  });
});

describe('segmentIndex', () => {
  it.each([
    ['0', 0],
    ['7', 7],
    ['123456789', 123456789],
    ['1234567890', null],
    ['07', null],
    ['7a', null],
    ['a7', null],
    ['', null],
    [5, 5],
    [1234567890, 1234567890],
  ])('%j → %j', (segment, index) => {
    expect(segmentIndex(segment)).toBe(index);
  });
});
