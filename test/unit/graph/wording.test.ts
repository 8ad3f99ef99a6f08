// Which sentence (translation key) and which values each verdict gets: the branch that picks it and the parameters
// its text needs. locale.test.ts checks that every key exists in each language; this checks the right one is chosen.
import { describe, expect, it } from 'vitest';
import type { UserMessage } from '../../../src-main/core/errors';
import type { ErrorVerdict } from '../../../src-main/core/graph/classify';
import type { GraphFault } from '../../../src-main/core/graph/client';
import { translate } from '../../../src-main/core/i18n/translate';
import type { TokenShapeProblem } from '../../../src-main/core/token/shape';
import * as say from '../../../src-main/core/graph/wording';

const key = (name: string, params?: Record<string, string | number>): UserMessage =>
  params ? { key: `diagnosis:${name}`, params } : { key: `diagnosis:${name}` };
const CREATE_PERMANENT = key('fix.create_permanent_token');

describe('a dead token: sentence and fix', () => {
  it.each<[ErrorVerdict, string | null, UserMessage, UserMessage]>([
    [{ status: 'expired', reason: 'session_expired', expiredAt: null }, '2026-01-02T03:04:05Z', key('summary.expired.on_date', { date: '2026-01-02T03:04:05Z' }), CREATE_PERMANENT],
    [{ status: 'expired', reason: 'session_expired', expiredAt: null }, null, key('summary.expired.no_date'), CREATE_PERMANENT],
    // Inactivity (subcode 493/468) has its own sentence, whether or not a date is known.
    [{ status: 'expired', reason: 'inactive', expiredAt: null }, '2026-01-02T03:04:05Z', key('summary.expired.inactive'), CREATE_PERMANENT],
    [{ status: 'revoked', reason: 'password_changed' }, null, key('summary.revoked.password_changed'), CREATE_PERMANENT],
    [{ status: 'revoked', reason: 'logged_out' }, null, key('summary.revoked.logged_out'), CREATE_PERMANENT],
    // A locked or unconfirmed Facebook account: the same token works again once its owner logs in.
    [{ status: 'revoked', reason: 'checkpoint' }, null, key('summary.revoked.checkpoint'), key('fix.log_in_to_facebook')],
    [{ status: 'revoked', reason: 'unconfirmed_user' }, null, key('summary.revoked.unconfirmed_user'), key('fix.log_in_to_facebook')],
    [{ status: 'revoked', reason: 'invalid' }, null, key('summary.revoked.invalid'), CREATE_PERMANENT],
    [{ status: 'malformed', reason: 'cannot_parse' }, null, key('summary.malformed.cannot_parse'), key('fix.copy_again')],
    [{ status: 'malformed', reason: 'bad_signature' }, null, key('summary.malformed.bad_signature'), key('fix.copy_again')],
  ])('%o (expiry %s)', (verdict, expiresAt, summary, fix) => {
    expect(say.deadTokenSummary(verdict, expiresAt)).toEqual(summary);
    expect(say.deadTokenFix(verdict)).toEqual(fix);
  });

  it('a verdict that is no dead token still gets a sentence, never a missing key', () => {
    expect(say.deadTokenSummary({ status: 'rate_limited', reason: 'app' }, null)).toEqual(key('summary.revoked.invalid'));
    expect(say.deadTokenSummary({ status: 'meta_error', reason: 'other' }, null)).toEqual(key('summary.revoked.invalid'));
  });
});

describe('a token that is not shaped like one', () => {
  it.each<[TokenShapeProblem, UserMessage]>([
    ['instagram_token', key('fix.not_instagram_token')],
    ['app_token', key('fix.not_app_token')],
    ['has_quotes', key('fix.copy_again')],
    ['truncated', key('fix.copy_again')],
    ['wrong_prefix', key('fix.copy_again')],
  ])('%s', (problem, fix) => {
    expect(say.shapeSummary(problem)).toEqual(key(`summary.malformed.${problem}`));
    expect(say.shapeFix(problem)).toEqual(fix);
  });
});

describe('permissions, accounts and limits', () => {
  it('names the missing permissions, comma-separated', () => {
    const scopes = ['whatsapp_business_messaging', 'whatsapp_business_management'];
    expect(say.missingScopesSummary(scopes)).toEqual(key('summary.missing_permissions.scopes', { scopes: 'whatsapp_business_messaging, whatsapp_business_management' }));
    expect(say.addPermissionsFix(scopes)).toEqual(key('fix.add_permissions', { scopes: 'whatsapp_business_messaging, whatsapp_business_management' }));
    expect(translate('en', say.PERMISSION_DENIED_FIX)).toBe(
      'Generate a new token with these permissions ticked: whatsapp_business_management, whatsapp_business_messaging.',
    );
  });

  it('names the account to assign', () => {
    expect(say.assignWabaFix('400000000000004')).toEqual(key('fix.assign_waba', { wabaId: '400000000000004' }));
  });

  it.each<[number | null, UserMessage]>([
    [12, key('fix.wait_minutes', { count: 12 })],
    [1, key('fix.wait_minutes', { count: 1 })],
    [0, key('fix.wait')],
    [-5, key('fix.wait')],
    [null, key('fix.wait')],
  ])('waiting %s minutes', (minutes, fix) => {
    expect(say.waitFix(minutes)).toEqual(fix);
  });
});

describe('when Meta did not answer', () => {
  it.each<[GraphFault, boolean, UserMessage, UserMessage]>([
    ['timeout', true, key('summary.network_error.timeout', { seconds: 15 }), key('fix.check_connection')],
    ['dns', true, key('summary.network_error.dns'), key('fix.check_connection')],
    ['html', true, key('summary.network_error.html'), key('fix.check_connection')],
    ['server_error', false, key('summary.meta_error.server_error'), key('fix.retry_later')],
    ['incomplete', false, key('summary.meta_error.incomplete'), key('fix.retry_later')],
  ])('%s', (fault, connection, summary, fix) => {
    expect(say.isConnectionFault(fault)).toBe(connection);
    expect(say.faultSummary(fault, 15_000)).toEqual(summary);
    expect(say.faultFix(fault)).toEqual(fix);
  });

  it('gives the waiting time in whole seconds', () => {
    expect(say.faultSummary('timeout', 7_400)).toEqual(key('summary.network_error.timeout', { seconds: 7 }));
    expect(say.faultSummary('timeout', 7_600)).toEqual(key('summary.network_error.timeout', { seconds: 8 }));
  });
});

describe('a working token', () => {
  it.each<[string | null, boolean, number | null, UserMessage]>([
    [null, true, null, key('summary.ok.never_expires')],
    ['2026-03-01T00:00:00Z', false, 20, key('summary.ok.until', { date: '2026-03-01T00:00:00Z', count: 20 })],
    ['2026-03-01T00:00:00Z', false, 0, key('summary.ok.until', { date: '2026-03-01T00:00:00Z', count: 0 })],
    // Without both the date and the days the sentence cannot be written: the expiry is called unknown.
    ['2026-03-01T00:00:00Z', false, null, key('summary.ok.expiry_unknown')],
    [null, false, 20, key('summary.ok.expiry_unknown')],
  ])('expires %s, never %s, %s days', (expiresAt, never, days, summary) => {
    expect(say.okSummary(expiresAt, never, days)).toEqual(summary);
  });

  it('counts hours below a day and days from a day on', () => {
    const at = '2026-01-02T00:00:00Z';
    const hour = 3_600_000;
    expect(say.expiringSoonSummary(at, 23 * hour + 1)).toEqual(key('summary.expiring_soon.days', { date: at, count: 1 }));
    expect(say.expiringSoonSummary(at, 24 * hour)).toEqual(key('summary.expiring_soon.days', { date: at, count: 1 }));
    expect(say.expiringSoonSummary(at, 23 * hour)).toEqual(key('summary.expiring_soon.hours', { date: at, count: 23 }));
    expect(say.expiringSoonSummary(at, -hour)).toEqual(key('summary.expiring_soon.hours', { date: at, count: 0 }));
  });

  it('a temporary token needs a long-lasting one; a long-lasting one only renewing before its date', () => {
    expect(say.expiringSoonFix('temporary', '2026-01-02T00:00:00Z')).toEqual(CREATE_PERMANENT);
    expect(say.expiringSoonFix('long_lived', '2026-01-02T00:00:00Z')).toEqual(key('fix.renew_before', { date: '2026-01-02T00:00:00Z' }));
  });

  it('a system-user token whose expiry only its app may read', () => {
    expect(say.OK_EXPIRY_NEEDS_APP_CREDENTIALS).toEqual(key('summary.ok.expiry_needs_app_credentials'));
  });
});

describe('warnings', () => {
  it('a retired version, with and without its date', () => {
    expect(say.warning.retiredVersion('v18.0', 'v25.0', '2026-01-26')).toEqual(
      key('warning.retired_version', { configured: 'v18.0', recommended: 'v25.0', date: '2026-01-26' }),
    );
    expect(say.warning.retiredVersion('v12.0', 'v25.0', null)).toEqual(key('warning.retired_version_no_date', { configured: 'v12.0', recommended: 'v25.0' }));
  });

  it('an id that is not an id shows what was written', () => {
    expect(say.warning.invalidId('phone', '+1 555 0100')).toEqual(key('warning.invalid_phone_id', { value: '+1 555 0100' }));
    expect(say.warning.invalidId('waba', 'abc')).toEqual(key('warning.invalid_waba_id', { value: 'abc' }));
  });
});
