import { describe, expect, it } from 'vitest';
import { parseDebugToken, scopesExcludingWaba, tokenLifetime, wabaTargets } from '../../../src-main/core/graph/debug-token';
import { expiryFromMessage, isSessionExpiredMessage } from '../../../src-main/core/graph/session-expiry';
import { fixtures } from './fixtures';

describe('parseDebugToken on the shared fixtures', () => {
  it('reads a never-expiring system-user token', () => {
    const facts = parseDebugToken(fixtures.get('debug_token_system_user_never_expires'));
    expect(facts).toMatchObject({ isValid: true, type: 'system_user', expiresAt: 0, dataAccessExpiresAt: 0, appId: '100000000000001' });
    expect(facts?.granularScopes.every((entry) => entry.targetIds === null)).toBe(true);
    expect(tokenLifetime(facts!, 1_800_000_000)).toBe('never_expiring');
    expect(wabaTargets(facts!.granularScopes)).toEqual([]);
  });

  it('reads a 60-day user token and its WABA targets', () => {
    const facts = parseDebugToken(fixtures.get('debug_token_valid_60_day'))!;
    expect(facts.type).toBe('user');
    expect(tokenLifetime(facts, facts.issuedAt!)).toBe('long_lived');
    expect(wabaTargets(facts.granularScopes)).toEqual(['200000000000002']);
    expect(scopesExcludingWaba(facts.granularScopes, '200000000000002')).toEqual([]);
    expect(scopesExcludingWaba(facts.granularScopes, '299999999999999')).toEqual(['whatsapp_business_management', 'whatsapp_business_messaging']);
  });

  it('reads an embedded-signup business token (targets newest first)', () => {
    const facts = parseDebugToken(fixtures.get('debug_token_business_token_embedded_signup'))!;
    expect(wabaTargets(facts.granularScopes)).toEqual(['200000000000002', '200000000000012']);
    expect(tokenLifetime(facts, 0)).toBe('never_expiring');
  });

  it('reads an expired token with its inner error', () => {
    const facts = parseDebugToken(fixtures.get('debug_token_expired'))!;
    expect(facts.isValid).toBe(false);
    expect(facts.error).toMatchObject({ code: 190, subcode: 463 });
  });

  it('reads a garbage token answer (no app, no type)', () => {
    const facts = parseDebugToken(fixtures.get('debug_token_invalid_cannot_parse'))!;
    expect(facts).toMatchObject({ isValid: false, appId: null, type: null, expiresAt: null, scopes: [] });
  });

  it('returns null for bodies without data', () => {
    expect(parseDebugToken(fixtures.get('debug_token_missing_access_token_error'))).toBeNull();
    expect(parseDebugToken(null)).toBeNull();
    expect(parseDebugToken({ data: [] })).toBeNull();
  });
});

describe('tokenLifetime', () => {
  const now = 1_800_000_000;
  it('a token issued less than a day before it ends is temporary', () => {
    expect(tokenLifetime({ issuedAt: now - 3600, expiresAt: now + 20 * 3600 }, now)).toBe('temporary');
  });
  it('without issued_at (short-lived tokens lack it), ending within a day means temporary', () => {
    expect(tokenLifetime({ issuedAt: null, expiresAt: now + 3 * 3600 }, now)).toBe('temporary');
    expect(tokenLifetime({ issuedAt: null, expiresAt: now + 30 * 86400 }, now)).toBe('long_lived');
  });
  it('no expiry at all is unknown', () => {
    expect(tokenLifetime({ issuedAt: null, expiresAt: null }, now)).toBe('unknown');
  });
});

describe('expiry messages', () => {
  it('reads PST and PDT, with and without the weekday', () => {
    expect(expiryFromMessage('Session has expired on Wednesday, 16-Nov-22 07:45:51 PST. The current time is …')).toBe('2022-11-16T15:45:51.000Z');
    expect(expiryFromMessage('Error validating access token: Session has expired on Monday, 19-Jun-23 06:29:46 PDT.')).toBe('2023-06-19T13:29:46.000Z');
    expect(expiryFromMessage('Session has expired on 08-Nov-25 23:00:00 PST')).toBe('2025-11-09T07:00:00.000Z');
  });
  it('reads the unix form and gives null for anything else', () => {
    expect(expiryFromMessage('Session has expired at unix time 1700000000. The current unix time is 1700000100.')).toBe('2023-11-14T22:13:20.000Z');
    expect(expiryFromMessage('Session has expired on someday')).toBeNull();
    expect(isSessionExpiredMessage('Error validating access token: Session has expired on someday')).toBe(true);
    expect(isSessionExpiredMessage('The session is invalid because the user logged out.')).toBe(false);
  });
});
