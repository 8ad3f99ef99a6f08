import { describe, expect, it } from 'vitest';
import { healthOf, worstHealth, worstStatus } from '../../../src-main/core/monitor/health';
import { knownFromDiagnosis } from '../../../src-main/core/monitor/known-token';
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

  it('still follows the known expiry time while Meta cannot be reached', () => {
    expect(healthOf(unreachable(), confirmed, T0 + 29 * DAY)).toBe('expiring');
    expect(healthOf(unreachable(), confirmed, T0 + 30 * DAY + HOUR)).toBe('dead');
  });
});
