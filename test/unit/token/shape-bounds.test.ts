// The token checks at their edges: the lengths accepted, each prefix and character refused, the quotes taken off a
// paste, and how much of a token its masked form shows.
import { describe, expect, it } from 'vitest';
import { maskToken } from '../../../src-main/core/token/mask';
import { bareToken, checkTokenShape, MAX_TOKEN_LENGTH, MIN_TOKEN_LENGTH } from '../../../src-main/core/token/shape';

const token = (length: number, fill = 'x') => `EAA${fill.repeat(length - 3)}`;

describe('checkTokenShape at its edges', () => {
  it.each([
    [MIN_TOKEN_LENGTH - 1, 'too_short'],
    [MIN_TOKEN_LENGTH, null],
    [MAX_TOKEN_LENGTH, null],
    [MAX_TOKEN_LENGTH + 1, 'too_long'],
  ])('%i characters → %s', (length, problem) => {
    const shape = checkTokenShape(token(length));
    expect(shape).toEqual(problem ? { ok: false, problem, length } : { ok: true, token: token(length), masked: maskToken(token(length)), length });
  });

  it('the limits are 100 and 4096 characters', () => {
    expect([MIN_TOKEN_LENGTH, MAX_TOKEN_LENGTH]).toEqual([100, 4096]);
  });

  it.each([
    ['.', null],
    ['_', null],
    ['-', null],
    ['+', 'bad_characters'],
    ['/', 'bad_characters'],
    ['=', 'bad_characters'],
    ['é', 'bad_characters'],
    ['\u00a0', 'has_whitespace'],
    ['\t', 'has_whitespace'],
    ["'", 'has_quotes'],
    ['`', 'has_quotes'],
    ['...', 'truncated'],
    ['…', 'truncated'],
  ])('a token with %j inside → %s', (inside, problem) => {
    const raw = `${token(120)}${inside}${'y'.repeat(80)}`;
    const shape = checkTokenShape(raw);
    if (problem) expect(shape).toEqual({ ok: false, problem, length: raw.length });
    else expect(shape).toMatchObject({ ok: true, token: raw });
  });

  it.each([
    ['IGAA', 'instagram_token'],
    ['IGQ', 'instagram_token'],
    ['IGB', 'wrong_prefix'],
    ['EAB', 'wrong_prefix'],
    ['eaa', 'wrong_prefix'],
  ])('a token starting %s → %s', (prefix, problem) => {
    expect(checkTokenShape(`${prefix}${'x'.repeat(200)}`)).toMatchObject({ ok: false, problem });
  });

  it.each([
    ['1|secret', 'app_token'],
    ['100000000000001%7csecret', 'app_token'],
    ['100000000000001', 'wrong_prefix'],
    ['100000000000001-secret', 'wrong_prefix'],
    [`${token(150)}1|x`, 'bad_characters'],
  ])('%s → %s', (raw, problem) => {
    expect(checkTokenShape(raw)).toMatchObject({ ok: false, problem });
  });
});

describe('bareToken', () => {
  it('takes a line break inside the quotes off with the quotes', () => {
    const pasted = `"${token(200)}\n"`;
    expect(bareToken(pasted)).toBe(token(200));
    expect(checkTokenShape(pasted)).toMatchObject({ ok: true, length: 200 });
  });

  it('leaves empty quotes empty', () => {
    expect(bareToken('""')).toBe('');
    expect(checkTokenShape("' '")).toEqual({ ok: false, problem: 'empty', length: 0 });
  });

  it('takes quotes off only when they open and close the paste', () => {
    expect(checkTokenShape(`x"${token(200)}"`)).toMatchObject({ ok: false, problem: 'has_quotes' });
    expect(checkTokenShape(`"${token(200)}"x`)).toMatchObject({ ok: false, problem: 'has_quotes' });
  });

  it('leaves a lone quote on one side in place', () => {
    expect(bareToken(`"${token(200)}`)).toBe(`"${token(200)}`);
    expect(checkTokenShape(`${token(200)}'`)).toMatchObject({ ok: false, problem: 'has_quotes' });
  });
});

describe('maskToken', () => {
  it.each([
    ['', '…'],
    ['EAAF0123456789a', '…'],
    ['EAAF0123456789ab', 'EAAF…789ab'],
    [token(200, 'k'), 'EAAk…kkkkk'],
  ])('%j → %s', (raw, masked) => {
    expect(maskToken(raw)).toBe(masked);
  });
});
