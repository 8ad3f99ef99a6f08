import { describe, expect, it } from 'vitest';
import type { KnownToken } from '../../../src-main/core/monitor/known-token';
import { MAX_TIMER_DELAY_MS, nextThresholdCrossing, planNextCheck, timerDelay } from '../../../src-main/core/monitor/schedule';
import {
  DAY,
  DEFAULT_WATCH_SETTINGS,
  EXPIRY_GRACE_MS,
  HOUR,
  MIN_CHECK_GAP_MS,
  MINUTE,
  RETRY_MAX_MS,
  resolveSettings,
} from '../../../src-main/core/monitor/settings';

const T0 = Date.UTC(2026, 10, 1);
const settings = DEFAULT_WATCH_SETTINGS;

function known(expiresIn: number | null, overrides: Partial<KnownToken> = {}): KnownToken {
  return {
    status: 'ok',
    lifetime: 'long_lived',
    neverExpires: expiresIn === null,
    expiresAt: expiresIn === null ? null : T0 + expiresIn,
    checkedAt: T0,
    ...overrides,
  };
}

describe('planNextCheck', () => {
  it('checks a bot never checked in this session at once', () => {
    expect(planNextCheck({ now: T0, lastCheckedAt: null, consecutiveFailures: 0, known: known(30 * DAY) }, settings)).toBe(T0);
  });

  it('uses the periodic interval when no threshold comes sooner', () => {
    const next = planNextCheck({ now: T0, lastCheckedAt: T0, consecutiveFailures: 0, known: known(30 * DAY) }, settings);
    expect(next).toBe(T0 + 6 * HOUR);
  });

  it('checks a never-expiring token on the periodic interval only', () => {
    const next = planNextCheck({ now: T0, lastCheckedAt: T0, consecutiveFailures: 0, known: known(null) }, settings);
    expect(next).toBe(T0 + 6 * HOUR);
  });

  it.each([
    ['7 days before expiry', 7 * DAY + 2 * HOUR, 2 * HOUR],
    ['1 day before expiry', DAY + 3 * HOUR, 3 * HOUR],
    ['1 hour before expiry', HOUR + 20 * MINUTE, 20 * MINUTE],
    ['expiry itself (a minute late, for clock skew)', 40 * MINUTE, 40 * MINUTE + EXPIRY_GRACE_MS],
  ])('wakes at the threshold crossing when it comes before the interval: %s', (_name, expiresIn, expectedWait) => {
    const next = planNextCheck({ now: T0, lastCheckedAt: T0, consecutiveFailures: 0, known: known(expiresIn) }, settings);
    expect(next).toBe(T0 + expectedWait);
  });

  it('checks at once when a crossing passed while the computer slept', () => {
    const lastCheckedAt = T0 - 3 * DAY;
    const next = planNextCheck({ now: T0, lastCheckedAt, consecutiveFailures: 0, known: known(5 * DAY) }, settings);
    expect(next).toBe(T0);
  });

  it('does not plan a crossing that was already checked after', () => {
    // Checked 10 minutes after the 1-day crossing: the next one is the 1-hour crossing, 23 h later.
    const lastCheckedAt = T0;
    const k = known(DAY - 10 * MINUTE);
    const next = planNextCheck({ now: T0, lastCheckedAt, consecutiveFailures: 0, known: k }, resolveSettings({ checkIntervalMs: 30 * DAY }));
    expect(next).toBe(T0 + DAY - 10 * MINUTE - HOUR);
  });

  it('ignores thresholds for a token Meta already called dead', () => {
    const next = planNextCheck(
      { now: T0, lastCheckedAt: T0, consecutiveFailures: 0, known: known(2 * HOUR, { status: 'revoked' }) },
      settings,
    );
    expect(next).toBe(T0 + 6 * HOUR);
  });

  it('retries a failed check sooner, backing off up to a cap', () => {
    const waits = [1, 2, 3, 4, 5, 6, 7, 12].map(
      (failures) => planNextCheck({ now: T0, lastCheckedAt: T0, consecutiveFailures: failures, known: known(30 * DAY) }, settings) - T0,
    );
    expect(waits.slice(0, 5)).toEqual([MINUTE, 2 * MINUTE, 4 * MINUTE, 8 * MINUTE, 16 * MINUTE]);
    expect(waits.slice(5)).toEqual([RETRY_MAX_MS, RETRY_MAX_MS, RETRY_MAX_MS]);
    expect(RETRY_MAX_MS).toBeLessThan(settings.checkIntervalMs);
  });

  it('never checks sooner than the minimum gap, even for a crossing seconds away', () => {
    const next = planNextCheck({ now: T0, lastCheckedAt: T0, consecutiveFailures: 0, known: known(HOUR + 5000) }, settings);
    expect(next).toBe(T0 + MIN_CHECK_GAP_MS);
  });

  it('also wakes for another moment that matters (automatic renewal allowed again)', () => {
    const next = planNextCheck(
      { now: T0, lastCheckedAt: T0, consecutiveFailures: 0, known: known(30 * DAY), alsoAt: T0 + 2 * HOUR },
      settings,
    );
    expect(next).toBe(T0 + 2 * HOUR);
  });
});

describe('nextThresholdCrossing', () => {
  it('is null without an expiry', () => {
    expect(nextThresholdCrossing(null, T0, settings.thresholdsMs)).toBeNull();
    expect(nextThresholdCrossing(known(null), T0, settings.thresholdsMs)).toBeNull();
  });

  it('is null once every crossing is behind', () => {
    expect(nextThresholdCrossing(known(-DAY), T0, settings.thresholdsMs)).toBeNull();
  });

  it('is null for a token marked never-expiring, or already dead, whatever expiry it carries', () => {
    expect(nextThresholdCrossing(known(3 * DAY, { neverExpires: true }), T0, settings.thresholdsMs)).toBeNull();
    expect(nextThresholdCrossing(known(3 * DAY, { status: 'revoked' }), T0, settings.thresholdsMs)).toBeNull();
    expect(nextThresholdCrossing(known(3 * DAY), T0, settings.thresholdsMs)).toBe(T0 + 2 * DAY);
  });
});

describe('timerDelay', () => {
  it('never exceeds what a Node timer can wait, and never goes negative', () => {
    expect(timerDelay(T0 + 60 * DAY, T0)).toBe(MAX_TIMER_DELAY_MS);
    expect(timerDelay(T0 + HOUR, T0)).toBe(HOUR);
    expect(timerDelay(T0 - HOUR, T0)).toBe(0);
  });
});

describe('resolveSettings', () => {
  it('orders thresholds from the most distant, drops duplicates and nonsense', () => {
    expect(resolveSettings({ thresholdsMs: [HOUR, 0, 7 * DAY, HOUR, -5, Number.NaN] }).thresholdsMs).toEqual([7 * DAY, HOUR, 0]);
  });
});
