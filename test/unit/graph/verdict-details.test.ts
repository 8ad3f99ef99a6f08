// What a diagnosis says besides its status: the warnings that go with a usable token (and only with one), the
// facts copied from debug_token, the accounts reached, and the answer when nothing came back at all.
import { describe, expect, it } from 'vitest';
import { buildDiagnosis } from '../../../src-main/core/graph/verdict';
import { ctx, DAY, errorFixture, healthyCalls, invalidDebug, keys, NOW, NOW_S, ok, okFixture, topLevel, validDebug } from './verdict-evidence';

const inDays = (days: number) => new Date((NOW_S + days * DAY) * 1000).toISOString();

describe('facts copied from debug_token', () => {
  it('a valid answer gives the type, app, dates and scopes', () => {
    const d = buildDiagnosis({ debugCaller: 'app', debug: validDebug(40, (data) => (data.data_access_expires_at = NOW_S + 80 * DAY)) }, ctx());
    expect(d).toMatchObject({
      tokenType: 'user',
      tokenLifetime: 'long_lived',
      expiresAt: inDays(40),
      neverExpires: false,
      dataAccessExpiresAt: inDays(80),
      issuedAt: inDays(-20),
      appId: '100000000000001',
      application: 'Example Token Doctor Test App',
      scopes: ['whatsapp_business_management', 'whatsapp_business_messaging', 'public_profile'],
      missingScopes: [],
      wabaIds: ['200000000000002'],
    });
  });

  it('without an answer, every fact is empty', () => {
    const d = buildDiagnosis({ debugCaller: 'self', debug: topLevel(2, 'Service temporarily unavailable', 500), ...healthyCalls }, ctx());
    expect(d).toMatchObject({ tokenType: null, tokenLifetime: 'unknown', expiresAt: null, dataAccessExpiresAt: null, issuedAt: null, appId: null, application: null, scopes: [], missingScopes: [] });
  });

  it('an invalid token lists no missing scopes, however few it had', () => {
    const d = buildDiagnosis({ debugCaller: 'app', debug: okFixture('debug_token_expired') }, ctx());
    expect(d.scopes).toEqual(['whatsapp_business_management', 'whatsapp_business_messaging']);
    expect(d.missingScopes).toEqual([]);
  });

  it('a token whose answer has no issue date is judged by the time left: 30 days is long-lived, hours temporary', () => {
    const long = buildDiagnosis({ debugCaller: 'app', debug: validDebug(30, (data) => delete data.issued_at) }, ctx());
    expect(long).toMatchObject({ tokenLifetime: 'long_lived', status: 'ok' });
    const short = buildDiagnosis({ debugCaller: 'app', debug: validDebug(0.2, (data) => delete data.issued_at) }, ctx());
    expect(short).toMatchObject({ tokenLifetime: 'temporary', status: 'expiring_soon' });
  });

  it('a body that is no debug_token answer is an unreadable reply, not a verdict', () => {
    const d = buildDiagnosis({ debugCaller: 'app', debug: ok({ unexpected: true }) }, ctx({ phoneNumberId: null, wabaId: null }));
    expect(d).toMatchObject({ status: 'network_error', summary: { key: 'diagnosis:summary.network_error.invalid_json' }, tokenType: null });
  });
});

describe('when the token expires', () => {
  it.each([
    [6.99, 'expiring_soon'],
    [7, 'ok'],
    [7.01, 'ok'],
  ])('%s days left → %s', (days, status) => {
    expect(buildDiagnosis({ debugCaller: 'app', debug: validDebug(days), ...healthyCalls }, ctx()).status).toBe(status);
  });

  it('a finding without a date of its own keeps the expiry debug_token gave', () => {
    const d = buildDiagnosis({ debugCaller: 'app', debug: validDebug(40), phone: errorFixture('error_4_app_rate_limit', 429) }, ctx());
    expect(d).toMatchObject({ status: 'rate_limited', expiresAt: inDays(40) });
  });
});

describe('warnings about a usable token', () => {
  it.each([
    [3, true],
    [6.99, true],
    [7, false],
    [30, false],
  ])('data access ending in %s days: warned %s', (days, warned) => {
    const d = buildDiagnosis({ debugCaller: 'app', debug: validDebug(40, (data) => (data.data_access_expires_at = NOW_S + days * DAY)), ...healthyCalls }, ctx());
    const warning = { key: 'diagnosis:warning.data_access_expiring', params: { date: inDays(days) } };
    if (warned) expect(d.warnings).toContainEqual(warning);
    else expect(keys(d)).not.toContain('diagnosis:warning.data_access_expiring');
  });

  it('data access never ending (0), not said, or nonsense (negative) is no warning', () => {
    for (const dataAccess of [0, null, -1]) {
      const d = buildDiagnosis({ debugCaller: 'app', debug: validDebug(40, (data) => (data.data_access_expires_at = dataAccess)), ...healthyCalls }, ctx());
      expect(keys(d)).not.toContain('diagnosis:warning.data_access_expiring');
    }
  });

  it('a system user without business_management is warned; with it, or another type, or no scopes at all, not', () => {
    const systemUser = (scopes: string[], type = 'SYSTEM_USER') =>
      buildDiagnosis({ debugCaller: 'app', debug: validDebug(40, (data) => Object.assign(data, { type, scopes })), ...healthyCalls }, ctx());
    const required = ['whatsapp_business_management', 'whatsapp_business_messaging'];
    expect(keys(systemUser(required))).toContain('diagnosis:warning.business_management_missing');
    expect(keys(systemUser([...required, 'business_management']))).not.toContain('diagnosis:warning.business_management_missing');
    expect(keys(systemUser(required, 'USER'))).not.toContain('diagnosis:warning.business_management_missing');
    expect(keys(systemUser([]))).not.toContain('diagnosis:warning.business_management_missing');
  });

  it('a valid token with no expiry in the answer is ok, with the expiry-unknown warning', () => {
    const d = buildDiagnosis({ debugCaller: 'app', debug: validDebug(40, (data) => delete data.expires_at), ...healthyCalls }, ctx());
    expect(d).toMatchObject({ status: 'ok', tokenLifetime: 'unknown', summary: { key: 'diagnosis:summary.ok.expiry_unknown' } });
    expect(keys(d)).toContain('diagnosis:warning.expiry_unknown');
  });

  it.each([
    ['missing permissions', { phone: errorFixture('error_200_permission_missing', 403) }, 'missing_permissions'],
    ['the wrong account', { phone: errorFixture('error_100_unknown_phone_number_id') }, 'wrong_account'],
    ['a rate limit', { phone: errorFixture('error_80007_waba_rate_limit') }, 'rate_limited'],
  ] as const)('a temporary token is warned about also with %s', (_name, calls, status) => {
    const d = buildDiagnosis({ debugCaller: 'app', debug: validDebug(0.2, (data) => delete data.issued_at), ...calls }, ctx());
    expect(d.status).toBe(status);
    expect(keys(d)).toContain('diagnosis:warning.temporary_token');
  });

  it('a dead token gets none of them: the token is what needs fixing', () => {
    const d = buildDiagnosis({ debugCaller: 'app', debug: invalidDebug(NOW_S - DAY, null), phone: { kind: 'fault', fault: 'timeout', status: null, transient: true } }, ctx());
    expect(d.status).toBe('expired');
    expect(d.warnings).toEqual([]);
  });

  it('parts that could not be checked are said for a rate-limited token, not for a dead one', () => {
    const timeout = { kind: 'fault', fault: 'timeout', status: null, transient: true } as const;
    const limited = buildDiagnosis({ debugCaller: 'app', debug: errorFixture('error_4_app_rate_limit', 429), wabaPhones: timeout }, ctx());
    expect(limited.status).toBe('rate_limited');
    expect(keys(limited)).toContain('diagnosis:warning.waba_not_checked');
    const dead = buildDiagnosis({ debugCaller: 'app', debug: okFixture('debug_token_expired'), wabaPhones: timeout }, ctx());
    expect(keys(dead)).not.toContain('diagnosis:warning.waba_not_checked');
  });

  it('keeps the warnings found before asking, once each', () => {
    const early = [{ key: 'diagnosis:warning.invalid_phone_id', params: { value: '12ab' } }];
    const d = buildDiagnosis({ debugCaller: 'app', debug: topLevel(2, 'Service temporarily unavailable', 500), ...healthyCalls }, ctx({ warnings: [...early, { key: 'diagnosis:warning.expiry_unknown' }] }));
    expect(d.warnings).toEqual([...early, { key: 'diagnosis:warning.expiry_unknown' }]);
  });
});

describe('accounts reached', () => {
  it('without debug_token facts, a WABA that answered is the one reached', () => {
    const d = buildDiagnosis({ debugCaller: 'app', debug: topLevel(2, 'Service temporarily unavailable', 500), ...healthyCalls }, ctx());
    expect(d.wabaIds).toEqual(['200000000000002']);
  });

  it('a WABA that did not answer, or no WABA configured, reaches none', () => {
    const unreachable = buildDiagnosis({ debugCaller: 'app', debug: topLevel(2, 'x', 500), phone: healthyCalls.phone, wabaPhones: errorFixture('error_80007_waba_rate_limit') }, ctx());
    expect(unreachable.wabaIds).toEqual([]);
    const unconfigured = buildDiagnosis({ debugCaller: 'app', debug: topLevel(2, 'x', 500), ...healthyCalls }, ctx({ wabaId: null }));
    expect(unconfigured.wabaIds).toEqual([]);
  });

  it('a token whose permissions list no accounts (a system user) reaches the configured WABA when it answered', () => {
    const d = buildDiagnosis({ debugCaller: 'app', debug: okFixture('debug_token_system_user_never_expires'), ...healthyCalls }, ctx());
    expect(d.wabaIds).toEqual(['200000000000002']);
  });
});

describe('when nothing was asked at all', () => {
  it('no debug_token question: the calls decide alone', () => {
    const d = buildDiagnosis({ debugCaller: 'self', ...healthyCalls }, ctx());
    expect(d).toMatchObject({ status: 'ok', summary: { key: 'diagnosis:summary.ok.expiry_unknown' } });
  });

  it('no question and no answer is a Meta error with an empty error, never a verdict on the token', () => {
    const d = buildDiagnosis({ debugCaller: 'self' }, ctx({ phoneNumberId: null, wabaId: null }));
    expect(d).toMatchObject({
      status: 'meta_error',
      summary: { key: 'diagnosis:summary.meta_error.other', params: { code: -1 } },
      fix: { key: 'diagnosis:fix.retry_later' },
      graphError: { code: -1, subcode: null, message: '', fbtraceId: null },
      checkedAt: NOW.toISOString(),
      token: 'EAAF…abcde',
    });
  });
});

describe('a system-user token that may not read its own expiry (only the app may ask)', () => {
  const needsApp = errorFixture('debug_token_missing_access_token_error');

  it.each([
    ['the calls worked', healthyCalls, 'ok', 'needs_app_credentials'],
    ['a call was rate-limited', { phone: errorFixture('error_4_app_rate_limit', 429) }, 'rate_limited', 'needs_app_credentials'],
    ['a call lacked a permission', { phone: errorFixture('error_200_permission_missing', 403) }, 'missing_permissions', 'needs_app_credentials'],
    ['a call named an unknown number', { phone: errorFixture('error_100_unknown_phone_number_id') }, 'wrong_account', 'needs_app_credentials'],
    ['a call says the token is dead', { phone: errorFixture('error_190_467_logged_out', 401) }, 'revoked', null],
  ] as const)('when %s: %s, expiry unknown because %s', (_name, calls, status, reason) => {
    const d = buildDiagnosis({ debugCaller: 'self', debug: needsApp, ...calls }, ctx());
    expect(d).toMatchObject({ status, expiryUnknownReason: reason });
  });
});
