// What the dashboard, the wizard's verdict and the tray say happens next to a working token (issue 12).
import { describe, expect, it } from 'vitest';
import type { Diagnosis } from '../../../src-main/core/graph/types';
import { renewalOutlook, type OutlookSettings } from '../../../src-main/core/monitor/renewal-outlook';
import { DAY } from '../../../src-main/core/monitor/settings';
import { healthyDiagnosis } from '../../support/diagnosis';

const NOW = Date.parse('2026-12-06T12:00:00Z');
const iso = (ms: number) => new Date(ms).toISOString();
const sixtyDay = (extra: Partial<Diagnosis> = {}) => healthyDiagnosis({ tokenLifetime: 'long_lived', expiresAt: iso(NOW + 40 * DAY), ...extra });
const settings = (extra: Partial<OutlookSettings> = {}): OutlookSettings => ({ autoRenew: true, autoRenewLeadMs: 7 * DAY, hasAppCredentials: true, ...extra });

describe('renewalOutlook', () => {
  it('a 60-day token with the app ID and secret saved renews itself the lead time before it expires', () => {
    expect(renewalOutlook(sixtyDay(), settings(), NOW)).toEqual({ kind: 'renews_itself', renewsAt: iso(NOW + 33 * DAY), expiresAt: iso(NOW + 40 * DAY) });
    expect(renewalOutlook(sixtyDay(), settings({ autoRenewLeadMs: 14 * DAY }), NOW)).toMatchObject({ renewsAt: iso(NOW + 26 * DAY) });
  });

  it('one already inside the lead time renews now, never in the past', () => {
    const soon = sixtyDay({ status: 'expiring_soon', expiresAt: iso(NOW + 3 * DAY) });
    expect(renewalOutlook(soon, settings(), NOW)).toMatchObject({ kind: 'renews_itself', renewsAt: iso(NOW) });
  });

  it('needs its owner, by its date, without the app credentials or with hands-off renewal off', () => {
    expect(renewalOutlook(sixtyDay(), settings({ hasAppCredentials: false }), NOW)).toEqual({ kind: 'needs_you', reason: 'no_app_credentials', expiresAt: iso(NOW + 40 * DAY) });
    expect(renewalOutlook(sixtyDay(), settings({ autoRenew: false }), NOW)).toEqual({ kind: 'needs_you', reason: 'auto_renew_off', expiresAt: iso(NOW + 40 * DAY) });
  });

  it('a system-user token whose expiry Meta shows only to its app: needs its owner, date unknown (within 60 days of its making)', () => {
    const hidden = healthyDiagnosis({ tokenLifetime: 'unknown', expiresAt: null, expiryUnknownReason: 'needs_app_credentials' });
    expect(renewalOutlook(hidden, settings({ hasAppCredentials: false }), NOW)).toEqual({ kind: 'needs_you', reason: 'no_app_credentials', expiresAt: null });
  });

  it('a temporary token needs its owner even with the app credentials (it is traded once, by the owner)', () => {
    const temporary = sixtyDay({ tokenLifetime: 'temporary', expiresAt: iso(NOW + 3 * 3_600_000) });
    expect(renewalOutlook(temporary, settings(), NOW)).toEqual({ kind: 'needs_you', reason: 'temporary', expiresAt: iso(NOW + 3 * 3_600_000) });
  });

  it('a never-expiring token never expires; a dead, unchecked or unknown one has no outlook', () => {
    expect(renewalOutlook(healthyDiagnosis({ neverExpires: true, tokenLifetime: 'never_expiring' }), settings(), NOW)).toEqual({ kind: 'never_expires' });
    expect(renewalOutlook(sixtyDay({ status: 'expired' }), settings(), NOW)).toBeNull();
    expect(renewalOutlook(sixtyDay({ status: 'network_error' }), settings(), NOW)).toBeNull();
    expect(renewalOutlook(null, settings(), NOW)).toBeNull();
    expect(renewalOutlook(healthyDiagnosis({ expiresAt: null, tokenLifetime: 'unknown' }), settings(), NOW)).toBeNull();
    expect(renewalOutlook(sixtyDay({ expiresAt: null }), settings(), NOW)).toBeNull();
    expect(renewalOutlook(sixtyDay({ expiresAt: 'soon' }), settings(), NOW)).toBeNull();
    // An expiry without a known kind of token: what renews it cannot be said.
    expect(renewalOutlook(sixtyDay({ tokenLifetime: 'unknown' }), settings(), NOW)).toBeNull();
  });
});
