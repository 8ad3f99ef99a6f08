import { describe, expect, it } from 'vitest';
import { bareToken, checkTokenShape } from '../../../src-main/core/token/shape';
import { maskToken } from '../../../src-main/core/token/mask';
import { FAKE_TOKEN } from './fixtures';

describe('bareToken', () => {
  it.each([
    ['double quotes', `"${FAKE_TOKEN}"`],
    ['single quotes', `'${FAKE_TOKEN}'`],
    ['back quotes', `\`${FAKE_TOKEN}\``],
    ['surrounding spaces', `  ${FAKE_TOKEN}\t `],
    ['a CRLF paste', `${FAKE_TOKEN}\r\n`],
    ['spaces inside the quotes and a CRLF after them', `  " ${FAKE_TOKEN} "\r\n`],
    ['nothing around it', FAKE_TOKEN],
  ])('takes off %s', (_what, pasted) => {
    expect(bareToken(pasted)).toBe(FAKE_TOKEN);
    expect(checkTokenShape(pasted)).toMatchObject({ ok: true, token: FAKE_TOKEN });
  });

  it('takes off one pair of quotes only, and never quotes that do not match', () => {
    expect(bareToken(`"'${FAKE_TOKEN}'"`)).toBe(`'${FAKE_TOKEN}'`);
    expect(bareToken(`"${FAKE_TOKEN}'`)).toBe(`"${FAKE_TOKEN}'`);
  });
});

describe('checkTokenShape', () => {
  it('accepts a realistic token and trims a pasted .env value', () => {
    expect(checkTokenShape(FAKE_TOKEN)).toMatchObject({ ok: true, token: FAKE_TOKEN, length: 200 });
    expect(checkTokenShape(`  "${FAKE_TOKEN}"\n`)).toMatchObject({ ok: true, token: FAKE_TOKEN });
    expect(checkTokenShape(`'${FAKE_TOKEN}'`)).toMatchObject({ ok: true, token: FAKE_TOKEN });
  });

  it('gives the masked form only', () => {
    const shape = checkTokenShape(FAKE_TOKEN);
    expect(shape.ok && shape.masked).toBe(maskToken(FAKE_TOKEN));
    expect(maskToken(FAKE_TOKEN)).toMatch(/^EAAF…[A-Za-z0-9]{5}$/);
  });

  it.each([
    ['', 'empty'],
    ['   ', 'empty'],
    [`${FAKE_TOKEN.slice(0, 100)} ${FAKE_TOKEN.slice(100)}`, 'has_whitespace'],
    [`${FAKE_TOKEN.slice(0, 100)}\n${FAKE_TOKEN.slice(100)}`, 'has_whitespace'],
    [`${FAKE_TOKEN}"`, 'has_quotes'],
    [`IGAA${FAKE_TOKEN.slice(4)}`, 'instagram_token'],
    ['100000000000001|f0a1b2c3d4e5f60718293a4b5c6d7e8f', 'app_token'],
    ['100000000000001%7Cf0a1b2c3d4e5f60718293a4b5c6d7e8f', 'app_token'],
    [`XYZ${FAKE_TOKEN.slice(3)}`, 'wrong_prefix'],
    [`${FAKE_TOKEN.slice(0, 20)}…${FAKE_TOKEN.slice(-5)}`, 'truncated'],
    [`${FAKE_TOKEN.slice(0, 100)}%${FAKE_TOKEN.slice(100)}`, 'bad_characters'],
    [FAKE_TOKEN.slice(0, 60), 'too_short'],
    [`EAA${'a'.repeat(5000)}`, 'too_long'],
  ])('refuses %j as %s', (raw, problem) => {
    expect(checkTokenShape(raw)).toMatchObject({ ok: false, problem });
  });
});
