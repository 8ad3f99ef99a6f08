// Key paths as owners type them: dots, [n] positions, escapes; and back to text without losing anything.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatKeyPath, parseKeyPath, segmentIndex } from '../../../src-main/core/destinations/key-path';

describe('parseKeyPath', () => {
  it.each([
    ['whatsapp.accessToken', ['whatsapp', 'accessToken']],
    ['token', ['token']],
    ['bots[0].token', ['bots', 0, 'token']],
    ['bots.0.token', ['bots', '0', 'token']],
    ['[2]', [2]],
    ['a[1][2]', ['a', 1, 2]],
    ['meta\\.whatsapp.token', ['meta.whatsapp', 'token']],
    ['a\\\\b', ['a\\b']],
    ['a\\[0\\]', ['a[0]']],
  ])('reads %s', (text, segments) => {
    expect(parseKeyPath(text)).toEqual(segments);
  });

  it.each(['', '.', 'a.', '.a', 'a..b', 'a[x]', 'a[]', 'a[0', 'a]', 'a[0]b', 'a.[0]', 'a\\'])('refuses %j with a key_path_invalid error', (text) => {
    expect(() => parseKeyPath(text)).toThrowError(expect.objectContaining({ code: 'dest_key_path_invalid' }));
  });

  it('formats what it parsed back to the same segments', () => {
    const segment = fc.oneof(fc.string({ minLength: 1, maxLength: 8 }), fc.nat({ max: 99 }));
    fc.assert(
      fc.property(fc.array(segment, { minLength: 1, maxLength: 5 }), (segments) => {
        expect(parseKeyPath(formatKeyPath(segments))).toEqual(segments);
      }),
    );
  });

  it('lets a bare number select an array position, but not a word', () => {
    expect(segmentIndex('3')).toBe(3);
    expect(segmentIndex(3)).toBe(3);
    expect(segmentIndex('03')).toBeNull();
    expect(segmentIndex('token')).toBeNull();
  });
});
