import { describe, expect, it } from 'vitest';
import { autoRenewWait, decideAutoRenew, type AutoRenewInput } from '../../../src-main/core/monitor/auto-renew';
import type { KnownToken } from '../../../src-main/core/monitor/known-token';
import { DAY, DEFAULT_WATCH_SETTINGS, HOUR } from '../../../src-main/core/monitor/settings';

const T0 = Date.UTC(2026, 10, 1);
const withCredentials = { ...DEFAULT_WATCH_SETTINGS, hasAppCredentials: true };

function token(expiresIn: number, overrides: Partial<KnownToken> = {}): KnownToken {
  return { status: 'ok', lifetime: 'long_lived', neverExpires: false, expiresAt: T0 + expiresIn, checkedAt: T0, ...overrides };
}

function input(overrides: Partial<AutoRenewInput> = {}): AutoRenewInput {
  return {
    now: T0,
    known: token(5 * DAY),
    lastCheckReachedMeta: true,
    memory: { lastAttemptAt: null, consecutiveFailures: 0 },
    ...overrides,
  };
}

describe('decideAutoRenew', () => {
  it('renews a 60-day token within the lead time when app credentials exist', () => {
    expect(decideAutoRenew(input(), withCredentials)).toEqual({ attempt: true });
  });

  it('waits until the lead time, and says when that is', () => {
    expect(decideAutoRenew(input({ known: token(20 * DAY) }), withCredentials)).toEqual({
      attempt: false,
      reason: 'not_due',
      retryAt: T0 + 13 * DAY,
    });
  });

  it('needs app credentials, and the owner not to have turned it off', () => {
    expect(decideAutoRenew(input(), DEFAULT_WATCH_SETTINGS)).toMatchObject({ attempt: false, reason: 'no_app_credentials' });
    expect(decideAutoRenew(input(), { ...withCredentials, autoRenew: false })).toMatchObject({ attempt: false, reason: 'disabled' });
  });

  it('never renews a never-expiring token, nor a temporary one', () => {
    const never = token(0, { neverExpires: true, lifetime: 'never_expiring', expiresAt: null });
    expect(decideAutoRenew(input({ known: never }), withCredentials)).toMatchObject({ attempt: false, reason: 'not_renewable' });
    const temporary = token(HOUR, { lifetime: 'temporary' });
    expect(decideAutoRenew(input({ known: temporary }), withCredentials)).toMatchObject({ attempt: false, reason: 'not_renewable' });
  });

  it('does not try while the last check could not reach Meta', () => {
    expect(decideAutoRenew(input({ lastCheckReachedMeta: false }), withCredentials)).toEqual({
      attempt: false,
      reason: 'meta_unreachable',
      retryAt: null,
    });
  });

  it('does not try a token that is already dead (Meta refuses to exchange it)', () => {
    expect(decideAutoRenew(input({ known: token(-HOUR) }), withCredentials)).toMatchObject({ reason: 'token_dead' });
    expect(decideAutoRenew(input({ known: token(0) }), withCredentials)).toMatchObject({ reason: 'token_dead' });
    expect(decideAutoRenew(input({ known: token(DAY, { status: 'revoked' }) }), withCredentials)).toMatchObject({ reason: 'token_dead' });
  });

  it('does not know what to do without confirmed facts', () => {
    expect(decideAutoRenew(input({ known: null }), withCredentials)).toMatchObject({ reason: 'expiry_unknown' });
    // A 60-day token whose expiry Meta did not give this time.
    expect(decideAutoRenew(input({ known: token(0, { expiresAt: null }) }), withCredentials)).toEqual({ attempt: false, reason: 'expiry_unknown', retryAt: null });
  });

  it('tries at most once a day', () => {
    const memory = { lastAttemptAt: T0 - 20 * HOUR, consecutiveFailures: 0 };
    expect(decideAutoRenew(input({ memory }), withCredentials)).toEqual({
      attempt: false,
      reason: 'attempted_recently',
      retryAt: T0 + 4 * HOUR,
    });
    expect(decideAutoRenew(input({ memory, now: T0 + 4 * HOUR }), withCredentials)).toEqual({ attempt: true });
  });

  it('waits longer after each failure, up to a cap', () => {
    expect([0, 1, 2, 3, 4, 9].map(autoRenewWait)).toEqual([DAY, DAY, 2 * DAY, 4 * DAY, 4 * DAY, 4 * DAY]);
    const memory = { lastAttemptAt: T0, consecutiveFailures: 2 };
    const known = token(7 * DAY);
    expect(decideAutoRenew(input({ memory, known, now: T0 + DAY + HOUR }), withCredentials)).toMatchObject({
      attempt: false,
      retryAt: T0 + 2 * DAY,
    });
    expect(decideAutoRenew(input({ memory, known, now: T0 + 2 * DAY }), withCredentials)).toEqual({ attempt: true });
  });
});
