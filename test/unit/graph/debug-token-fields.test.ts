// debug_token's fields one by one, as Meta may send them (numbers as text, ids as numbers, odd entries), the
// token's lifetime at its edges, and the dates read from "Session has expired" messages.
import { describe, expect, it } from 'vitest';
import { parseDebugToken, scopesExcludingWaba, tokenLifetime, wabaTargets } from '../../../src-main/core/graph/debug-token';
import { expiryFromMessage } from '../../../src-main/core/graph/session-expiry';

const facts = (data: Record<string, unknown>) => parseDebugToken({ data })!;

describe('parseDebugToken field by field', () => {
  it.each([
    [1772409600, 1772409600],
    ['1772409600', 1772409600],
    [0, 0],
    ['0', 0],
    ['17724x', null],
    ['-5', null],
    ['', null],
    [Number.NaN, null],
    [null, null],
    [true, null],
  ])('expires_at %j → %j', (raw, read) => {
    expect(facts({ expires_at: raw, issued_at: raw, data_access_expires_at: raw })).toMatchObject({ expiresAt: read, issuedAt: read, dataAccessExpiresAt: read });
  });

  it.each([
    ['100000000000001', '100000000000001'],
    [100000000000001, '100000000000001'],
    ['', null],
    [false, null],
    [null, null],
  ])('app_id %j → %j', (raw, read) => {
    expect(facts({ app_id: raw, user_id: raw, application: raw })).toMatchObject({ appId: read, userId: read, application: read });
  });

  it.each([
    ['SYSTEM_USER', 'system_user'],
    ['system_user', 'system_user'],
    ['USER', 'user'],
    ['PAGE', 'page'],
    ['APP', 'app'],
    ['ROBOT', null],
    [7, null],
  ])('type %j → %j', (raw, type) => {
    expect(facts({ type: raw }).type).toBe(type);
  });

  it('keeps only text and numbers in scopes, and reads is_valid only when it is true', () => {
    expect(facts({ scopes: ['a', 2, '', null, { x: 1 }], is_valid: 'true' })).toMatchObject({ scopes: ['a', '2'], isValid: false });
    expect(facts({ scopes: 'a,b', is_valid: true })).toMatchObject({ scopes: [], isValid: true });
  });

  it('reads granular scopes: targets listed, not listed (all assets), or odd', () => {
    const read = facts({
      granular_scopes: [
        { scope: 'whatsapp_business_management', target_ids: ['200000000000002', 200000000000012, null] },
        { scope: 'whatsapp_business_messaging' },
        { scope: 'business_management', target_ids: 'all' },
        'junk',
        { target_ids: ['1'] },
      ],
    });
    expect(read.granularScopes).toEqual([
      { scope: 'whatsapp_business_management', targetIds: ['200000000000002', '200000000000012'] },
      { scope: 'whatsapp_business_messaging', targetIds: null },
      { scope: 'business_management', targetIds: null },
      { scope: '', targetIds: ['1'] },
    ]);
    expect(facts({ granular_scopes: { scope: 'x' } }).granularScopes).toEqual([]);
  });

  it('is null without a data object', () => {
    for (const body of [null, {}, { data: [] }, { data: 'x' }, []]) expect(parseDebugToken(body)).toBeNull();
  });
});

describe('WABA targets', () => {
  const scopes = [
    { scope: 'business_management', targetIds: ['900000000000009'] },
    { scope: 'whatsapp_business_messaging', targetIds: ['200000000000012', '200000000000002'] },
    { scope: 'whatsapp_business_management', targetIds: ['200000000000002'] },
    { scope: 'whatsapp_business_manage_events', targetIds: null },
  ];

  it('come from the WhatsApp permissions only, newest first, each once', () => {
    expect(wabaTargets(scopes)).toEqual(['200000000000012', '200000000000002']);
  });

  it('a WhatsApp permission that lists accounts but not this one leaves it out; one that lists none covers it', () => {
    expect(scopesExcludingWaba(scopes, '200000000000012')).toEqual(['whatsapp_business_management']);
    expect(scopesExcludingWaba(scopes, '900000000000009')).toEqual(['whatsapp_business_messaging', 'whatsapp_business_management']);
  });
});

describe('tokenLifetime at its edges (26 hours)', () => {
  const HOURS = 3600;
  it.each([
    [{ expiresAt: 0, issuedAt: 100 }, 0, 'never_expiring'],
    [{ expiresAt: null, issuedAt: 100 }, 0, 'unknown'],
    [{ expiresAt: 1000 + 26 * HOURS, issuedAt: 1000 }, 0, 'temporary'],
    [{ expiresAt: 1001 + 26 * HOURS, issuedAt: 1000 }, 0, 'long_lived'],
    [{ expiresAt: 1000 + 26 * HOURS, issuedAt: null }, 1000, 'temporary'],
    [{ expiresAt: 1001 + 26 * HOURS, issuedAt: null }, 1000, 'long_lived'],
    // issued_at 0 is no issue date: the time left decides.
    [{ expiresAt: 1000 + 60 * 24 * HOURS, issuedAt: 0 }, 1000 + 59 * 24 * HOURS, 'temporary'],
  ])('%o at %i → %s', (token, now, lifetime) => {
    expect(tokenLifetime(token, now)).toBe(lifetime);
  });
});

describe('expiryFromMessage', () => {
  it.each([
    ['Session has expired on Monday, 19-Jan-23 06:29:46 PST.', '2023-01-19T14:29:46.000Z'],
    ['Session has expired on Monday, 19-Dec-23 06:29:46 PST.', '2023-12-19T14:29:46.000Z'],
    ['Session has expired on 19-Jun-2023 06:29:46 UTC.', '2023-06-19T06:29:46.000Z'],
    ['Session has expired on 19-Jun-99 06:29:46 GMT.', '2099-06-19T06:29:46.000Z'],
    ['Session has expired on 19-Jun-100 06:29:46 GMT.', '0100-06-19T06:29:46.000Z'],
    ['Session has expired on 19-Jun-23 06:29:46', '2023-06-19T06:29:46.000Z'],
    ['Session has expired on 19-Jun-23 06:29:46 CEST.', '2023-06-19T04:29:46.000Z'],
    ['Session has expired on 19-Jun-23 06:29:46 XYZ.', null],
    ['Session has expired on 19-Foo-23 06:29:46 PDT.', null],
    ['Session has expired at unix time 1350000000.', '2012-10-12T00:00:00.000Z'],
    ['Session has expired.', null],
  ])('%s → %s', (message, iso) => {
    expect(expiryFromMessage(message)).toBe(iso);
  });
});

describe('expiryFromMessage reads every month, zone and spacing Meta may write', () => {
  // The month names come from the platform's own English calendar, not from a copy of the parser's list.
  const months = Array.from({ length: 12 }, (_, month) => month);
  it.each(months)('month %i', (month) => {
    const name = new Date(Date.UTC(2025, month, 15)).toLocaleString('en-US', { month: 'short', timeZone: 'UTC' });
    const message = `Error validating access token: Session has expired on Friday, 15-${name}-25 09:30:00 UTC.`;
    expect(expiryFromMessage(message)).toBe(new Date(Date.UTC(2025, month, 15, 9, 30, 0)).toISOString());
  });

  it.each([
    // US Eastern is behind UTC: 06:29:46 EST is 11:29:46 UTC, in summer (EDT) 10:29:46 UTC.
    ['Session has expired on Thursday, 19-Jan-23 06:29:46 EST.', '2023-01-19T11:29:46.000Z'],
    ['Session has expired on Monday, 19-Jun-23 06:29:46 EDT.', '2023-06-19T10:29:46.000Z'],
    ['Session has expired on Monday, 19-Jun-23 06:29:46 edt.', '2023-06-19T10:29:46.000Z'],
    ['Session has expired on Thursday, 19-Jan-23 06:29:46 CET.', '2023-01-19T05:29:46.000Z'],
    // Spacing that differs from Meta's usual one still reads (a proxy or a log line may fold or pad it).
    ['Session has expired on  Monday, 19-Jun-23 06:29:46 PDT.', '2023-06-19T13:29:46.000Z'],
    ['Session has expired on Monday,19-Jun-23 06:29:46 PDT.', '2023-06-19T13:29:46.000Z'],
    ['Session has expired on Monday,   19-Jun-23 06:29:46 PDT.', '2023-06-19T13:29:46.000Z'],
    ['Session has expired on 19-Jun-23  06:29:46 PDT.', '2023-06-19T13:29:46.000Z'],
    ['Session has expired on 19-Jun-23\t06:29:46PDT.', '2023-06-19T13:29:46.000Z'],
    ['Session has expired at unix time  1350000000.', '2012-10-12T00:00:00.000Z'],
    // Milliseconds are no date Meta writes: better no date than the year 2397 read from their first 11 digits.
    ['Session has expired at unix time 1350000000000.', null],
  ])('%s → %s', (message, iso) => {
    expect(expiryFromMessage(message)).toBe(iso);
  });
});
