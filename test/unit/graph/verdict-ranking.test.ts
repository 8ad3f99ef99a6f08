// The verdict's hardest rules, as tables of real answers: a refused *app* token never condemns the owner's token;
// when answers disagree the most severe one decides, whatever order they came in; and only a past expiry with no
// reason from Meta reads as "expired".
import { describe, expect, it } from 'vitest';
import type { GraphOutcome } from '../../../src-main/core/graph/client';
import { buildDiagnosis, type DiagnosisEvidence } from '../../../src-main/core/graph/verdict';
import { fixtures } from './fixtures';
import { ctx, DAY, errorFixture, healthyCalls, invalidDebug, keys, NOW_S, okFixture, topLevel, validDebug } from './verdict-evidence';

describe('debug_token asked by the app: a refused app token is about the app, never the owner\'s token', () => {
  const refusals: Array<[string, GraphOutcome]> = [
    ['a wrong app secret (top-level 190, bad signature)', topLevel(190, 'Invalid OAuth access token signature.', 400)],
    ['an app token of another app', topLevel(100, '(#100) The App_id in the input_token did not match the Viewing App')],
    ['a refused client secret (code 1)', topLevel(1, 'Error validating client secret.')],
    ['an app id Meta does not know (code 101)', topLevel(101, 'Error validating application. Invalid application ID.')],
    ['an app token Meta does not take as one', errorFixture('debug_token_missing_access_token_error')],
    ['an expired caller (top-level 190/463)', errorFixture('error_190_463_expired')],
  ];

  it.each(refusals)('%s, nothing else asked: could not tell, check the app credentials', (_name, debug) => {
    const d = buildDiagnosis({ debugCaller: 'app', debug }, ctx({ phoneNumberId: null, wabaId: null }));
    expect(d).toMatchObject({
      status: 'meta_error',
      summary: { key: 'diagnosis:summary.meta_error.app_credentials' },
      fix: { key: 'diagnosis:fix.check_app_credentials' },
      graphError: { code: debug.kind === 'graph_error' ? debug.error.code : null },
      expiresAt: null,
    });
    expect(keys(d)).toEqual(['diagnosis:warning.app_credentials_rejected']);
  });

  it.each(refusals)('%s, the calls worked: the token is fine and the app credentials get a warning', (_name, debug) => {
    const d = buildDiagnosis({ debugCaller: 'app', debug, ...healthyCalls }, ctx());
    expect(d).toMatchObject({ status: 'ok', summary: { key: 'diagnosis:summary.ok.expiry_unknown' }, graphError: null });
    expect(keys(d)).toContain('diagnosis:warning.app_credentials_rejected');
  });

  it.each(refusals)('%s, and a call says the token is dead: the call decides', (_name, debug) => {
    const d = buildDiagnosis({ debugCaller: 'app', debug, phone: errorFixture('error_190_467_logged_out', 401) }, ctx());
    expect(d).toMatchObject({ status: 'revoked', summary: { key: 'diagnosis:summary.revoked.logged_out' }, graphError: { subcode: 467 } });
  });

  it('the same 190 asked by the token about itself is about the token', () => {
    const d = buildDiagnosis({ debugCaller: 'self', debug: topLevel(190, 'Invalid OAuth access token signature.') }, ctx({ phoneNumberId: null, wabaId: null }));
    expect(d).toMatchObject({ status: 'malformed', summary: { key: 'diagnosis:summary.malformed.bad_signature' }, fix: { key: 'diagnosis:fix.copy_again' } });
    expect(keys(d)).not.toContain('diagnosis:warning.app_credentials_rejected');
  });

  it('a rate limit or a Meta fault on the app\'s question is not blamed on the credentials', () => {
    const limited = buildDiagnosis({ debugCaller: 'app', debug: errorFixture('error_4_app_rate_limit', 429) }, ctx({ phoneNumberId: null, wabaId: null }));
    expect(limited).toMatchObject({ status: 'rate_limited', summary: { key: 'diagnosis:summary.rate_limited.app' } });
    const transient = topLevel(2, 'An unexpected error has occurred. Please retry your request later.', 500);
    const fault = buildDiagnosis({ debugCaller: 'app', debug: transient }, ctx({ phoneNumberId: null, wabaId: null }));
    expect(fault).toMatchObject({ status: 'meta_error', summary: { key: 'diagnosis:summary.meta_error.transient' } });
    for (const d of [limited, fault]) expect(keys(d)).not.toContain('diagnosis:warning.app_credentials_rejected');
  });
});

describe('answers that disagree: the most severe decides, in whatever order they arrive', () => {
  const rows: Array<[string, DiagnosisEvidence, string, string]> = [
    [
      'rate-limited debug_token, expired token on the phone call',
      { debugCaller: 'app', debug: errorFixture('error_4_app_rate_limit', 429), phone: errorFixture('error_190_463_expired') },
      'expired',
      'diagnosis:summary.expired.on_date',
    ],
    [
      'missing scopes in debug_token, logged out on the phone call',
      { debugCaller: 'self', debug: validDebug(30, (data) => (data.scopes = ['whatsapp_business_management'])), phone: errorFixture('error_190_467_logged_out') },
      'revoked',
      'diagnosis:summary.revoked.logged_out',
    ],
    [
      'another WABA in debug_token, password changed on the templates call',
      { debugCaller: 'self', debug: okFixture('debug_token_business_token_embedded_signup'), templates: errorFixture('error_190_460_password_changed') },
      'revoked',
      'diagnosis:summary.revoked.password_changed',
    ],
    [
      'rate-limited phone call, permission denied on the WABA call',
      { debugCaller: 'self', debug: validDebug(30), phone: errorFixture('error_80007_waba_rate_limit'), wabaPhones: errorFixture('error_200_permission_missing', 403) },
      'missing_permissions',
      'diagnosis:summary.missing_permissions.denied',
    ],
    [
      'permission denied on the WABA call, unknown phone id on the phone call',
      { debugCaller: 'self', debug: validDebug(30), wabaPhones: errorFixture('error_200_permission_missing', 403), phone: errorFixture('error_100_unknown_phone_number_id') },
      'wrong_account',
      'diagnosis:summary.wrong_account.phone_unknown',
    ],
    [
      'rate-limited debug_token, missing scope found nowhere else: the limit',
      { debugCaller: 'self', debug: errorFixture('error_4_app_rate_limit', 429), ...healthyCalls },
      'rate_limited',
      'diagnosis:summary.rate_limited.app',
    ],
    [
      'debug_token says expired, a call says logged out: debug_token, asked about the token, decides',
      { debugCaller: 'app', debug: okFixture('debug_token_expired'), phone: errorFixture('error_190_467_logged_out') },
      'expired',
      'diagnosis:summary.expired.on_date',
    ],
  ];

  it.each(rows)('%s', (_name, evidence, status, summaryKey) => {
    expect(buildDiagnosis(evidence, ctx())).toMatchObject({ status, summary: { key: summaryKey } });
  });

  it('the decision does not depend on which call came back first', () => {
    const limited = errorFixture('error_80007_waba_rate_limit');
    const dead = errorFixture('error_190_463_expired');
    const one = buildDiagnosis({ debugCaller: 'self', debug: validDebug(30), phone: limited, templates: dead }, ctx());
    const other = buildDiagnosis({ debugCaller: 'self', debug: validDebug(30), phone: dead, templates: limited }, ctx());
    expect(one.status).toBe('expired');
    expect(other.status).toBe('expired');
    expect(one.summary).toEqual(other.summary);
  });
});

describe('debug_token saying is_valid: false', () => {
  const passwordChanged = {
    code: 190,
    message: 'Error validating access token: The session has been invalidated because the user changed their password or Facebook has changed the session for security reasons.',
    subcode: 460,
  };

  it('a password change with an expiry still ahead is a revocation, never "expired on" that future date', () => {
    const future = NOW_S + 20 * DAY;
    const d = buildDiagnosis({ debugCaller: 'app', debug: invalidDebug(future, passwordChanged) }, ctx());
    expect(d).toMatchObject({ status: 'revoked', summary: { key: 'diagnosis:summary.revoked.password_changed' }, graphError: { code: 190, subcode: 460 } });
  });

  it('a password change whose token had also run out is still the password change', () => {
    const d = buildDiagnosis({ debugCaller: 'app', debug: invalidDebug(NOW_S - DAY, passwordChanged) }, ctx());
    expect(d).toMatchObject({ status: 'revoked', summary: { key: 'diagnosis:summary.revoked.password_changed' } });
  });

  it.each([
    ['an expiry a day ago', NOW_S - DAY, 'expired', 'diagnosis:summary.expired.on_date'],
    ['an expiry this very second', NOW_S, 'expired', 'diagnosis:summary.expired.on_date'],
    ['an expiry one second ahead', NOW_S + 1, 'revoked', 'diagnosis:summary.revoked.invalid'],
    ['an expiry twenty days ahead', NOW_S + 20 * DAY, 'revoked', 'diagnosis:summary.revoked.invalid'],
    ['no expiry (0)', 0, 'revoked', 'diagnosis:summary.revoked.invalid'],
  ] as const)('no reason given and %s → %s', (_name, expiresAt, status, summaryKey) => {
    const d = buildDiagnosis({ debugCaller: 'app', debug: invalidDebug(expiresAt, null) }, ctx());
    expect(d).toMatchObject({ status, summary: { key: summaryKey }, graphError: null });
    if (status === 'expired') expect(d.summary.params).toEqual({ date: new Date(expiresAt * 1000).toISOString() });
  });

  it('an error inside that is not about the token still means the token is not valid', () => {
    const d = buildDiagnosis({ debugCaller: 'app', debug: invalidDebug(NOW_S + 20 * DAY, { code: 2, message: 'Service temporarily unavailable' }) }, ctx());
    expect(d).toMatchObject({ status: 'revoked', summary: { key: 'diagnosis:summary.revoked.invalid' }, graphError: { code: 2 } });
  });

  it('the 463 inside gives its own date, not the expires_at field', () => {
    const sessionExpired = fixtures.get('debug_token_expired').data.error;
    const d = buildDiagnosis({ debugCaller: 'app', debug: invalidDebug(NOW_S - 5 * DAY, sessionExpired) }, ctx());
    expect(d).toMatchObject({ status: 'expired', expiresAt: '2025-10-22T00:00:00.000Z', summary: { params: { date: '2025-10-22T00:00:00.000Z' } } });
  });
});
