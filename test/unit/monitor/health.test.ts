import { describe, expect, it } from 'vitest';
import { healthOf, worstHealth, worstStatus } from '../../../src-main/core/monitor/health';
import { knownFromDiagnosis, timeLeft, type KnownToken } from '../../../src-main/core/monitor/known-token';
import { DAY, HOUR } from '../../../src-main/core/monitor/settings';
import { diagnosis, unreachable } from './diagnoses';

const T0 = Date.UTC(2026, 10, 1);

describe('worstStatus', () => {
  it('reads each diagnosis as one word', () => {
    expect(worstStatus([diagnosis({ expiresAt: T0 + 30 * DAY })], T0)).toBe('ok');
    expect(worstStatus([diagnosis({ neverExpires: true, lifetime: 'never_expiring' })], T0)).toBe('ok');
    expect(worstStatus([diagnosis({ status: 'expiring_soon', expiresAt: T0 + 3 * DAY })], T0)).toBe('expiring');
    expect(worstStatus([diagnosis({ status: 'revoked' })], T0)).toBe('dead');
    expect(worstStatus([unreachable('rate_limited')], T0)).toBe('unknown');
    expect(worstStatus([null], T0)).toBe('unknown');
  });

  it('goes by the clock since the check: a token Meta called fine may be expiring or past its time now', () => {
    const fine = diagnosis({ expiresAt: T0 + 8 * DAY });
    expect(worstStatus([fine], T0)).toBe('ok');
    expect(worstStatus([fine], T0 + 2 * DAY)).toBe('expiring');
    expect(worstStatus([fine], T0 + 9 * DAY)).toBe('dead');
  });

  it('shows the worst bot: dead over expiring over cannot-check over ok', () => {
    const ok = diagnosis({ expiresAt: T0 + 30 * DAY });
    const expiring = diagnosis({ status: 'expiring_soon', expiresAt: T0 + DAY });
    const dead = diagnosis({ status: 'expired' });
    expect(worstStatus([ok, unreachable()], T0)).toBe('unknown');
    expect(worstStatus([ok, unreachable(), expiring], T0)).toBe('expiring');
    expect(worstStatus([expiring, dead, unreachable()], T0)).toBe('dead');
    expect(worstHealth([])).toBe('ok');
  });
});

describe('healthOf', () => {
  const confirmed = knownFromDiagnosis(diagnosis({ expiresAt: T0 + 30 * DAY }), T0);

  it('does not call a token dead because Meta could not be reached', () => {
    expect(healthOf(unreachable(), confirmed, T0 + DAY)).toBe('unknown');
    expect(healthOf(null, confirmed, T0 + DAY)).toBe('unknown');
  });

  it('keeps Meta\'s last word while Meta cannot be reached', () => {
    const revoked = knownFromDiagnosis(diagnosis({ status: 'revoked' }), T0);
    expect(healthOf(unreachable(), revoked, T0 + DAY)).toBe('dead');
    const expiringNoDate = knownFromDiagnosis(diagnosis({ status: 'expiring_soon' }), T0);
    expect(healthOf(unreachable(), expiringNoDate, T0 + DAY)).toBe('expiring');
    expect(healthOf(diagnosis({ status: 'expiring_soon' }), expiringNoDate, T0 + DAY)).toBe('expiring');
  });

  it('a fresh answer that all is well, far from the expiry, is ok', () => {
    expect(healthOf(diagnosis({ expiresAt: T0 + 30 * DAY }), confirmed, T0)).toBe('ok');
  });

  it('is dead from the very expiry time on, and expiring from the very start of the window', () => {
    expect(healthOf(unreachable(), confirmed, T0 + 30 * DAY)).toBe('dead');
    expect(healthOf(unreachable(), confirmed, T0 + 30 * DAY - 1)).toBe('expiring');
    expect(healthOf(null, confirmed, T0 + 20 * DAY, 10 * DAY)).toBe('expiring');
    expect(healthOf(null, confirmed, T0 + 20 * DAY - 1, 10 * DAY)).toBe('unknown');
  });

  it('still follows the known expiry time while Meta cannot be reached', () => {
    expect(healthOf(unreachable(), confirmed, T0 + 29 * DAY)).toBe('expiring');
    expect(healthOf(unreachable(), confirmed, T0 + 30 * DAY + HOUR)).toBe('dead');
  });
});

describe('timeLeft', () => {
  const known: KnownToken = { status: 'ok', lifetime: 'long_lived', neverExpires: false, expiresAt: 5_000, checkedAt: 0 };
  it('is the time to the expiry, negative once past, and null without one', () => {
    expect(timeLeft(known, 1_000)).toBe(4_000);
    expect(timeLeft(known, 6_000)).toBe(-1_000);
    expect(timeLeft({ ...known, expiresAt: null }, 1_000)).toBeNull();
    expect(timeLeft({ ...known, neverExpires: true }, 1_000)).toBeNull();
    expect(timeLeft(null, 1_000)).toBeNull();
  });
});
