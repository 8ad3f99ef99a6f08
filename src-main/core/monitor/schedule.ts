// When to check each bot next, and how long a single timer may wait.
import { NEEDS_RENEWAL } from '../graph/types';
import type { KnownToken } from './known-token';
import {
  EXPIRY_GRACE_MS,
  MIN_CHECK_GAP_MS,
  RETRY_BASE_MS,
  RETRY_MAX_MS,
  type WatchSettings,
} from './settings';

/** Node's largest timer; a longer delay does not wait longer, it fires at once (with only a warning). */
export const MAX_TIMER_DELAY_MS = 2 ** 31 - 1;

export interface CheckPlanInput {
  now: number;
  /** The last check of this bot, whatever its outcome; null when it was never checked in this session. */
  lastCheckedAt: number | null;
  /** Checks in a row that could not reach Meta (network, rate limit, Meta's own error). */
  consecutiveFailures: number;
  /** The last facts Meta confirmed about the current token. */
  known: KnownToken | null;
  /** Another moment the outcome may change by time alone (automatic renewal allowed again), if any. */
  alsoAt?: number | null;
}

/**
 * The moment (epoch ms) to check a bot next: the earliest of the periodic check (or, after a failed one, a
 * retry with capped backoff), the next expiry threshold not yet checked past, and `alsoAt`. Never sooner than
 * MIN_CHECK_GAP_MS after the last check, never in the past.
 */
export function planNextCheck(input: CheckPlanInput, settings: Pick<WatchSettings, 'checkIntervalMs' | 'thresholdsMs'>): number {
  const { now, lastCheckedAt, consecutiveFailures, known } = input;
  // Stryker disable next-line ConditionalExpression: equivalent, without it null + n is n, far below any real now.
  if (lastCheckedAt === null) return now;
  const routine =
    consecutiveFailures > 0
      ? Math.min(RETRY_BASE_MS * 2 ** (consecutiveFailures - 1), RETRY_MAX_MS, settings.checkIntervalMs)
      : settings.checkIntervalMs;
  const crossing = nextThresholdCrossing(known, lastCheckedAt, settings.thresholdsMs);
  const due = Math.min(lastCheckedAt + routine, crossing ?? Infinity, input.alsoAt ?? Infinity);
  return Math.max(due, lastCheckedAt + MIN_CHECK_GAP_MS, now);
}

/**
 * The first threshold crossing (7 days before expiry, 1 day, 1 hour, the expiry itself) after `after`; null
 * when the token has no expiry or is already dead.
 */
export function nextThresholdCrossing(known: KnownToken | null, after: number, thresholdsMs: readonly number[]): number | null {
  if (!known || known.neverExpires || known.expiresAt === null || NEEDS_RENEWAL.has(known.status)) return null;
  const expiresAt = known.expiresAt;
  const crossings = thresholdsMs
    .map((threshold) => expiresAt - threshold + (threshold === 0 ? EXPIRY_GRACE_MS : 0))
    .filter((at) => at > after);
  return crossings.length > 0 ? Math.min(...crossings) : null;
}

/** How long to set a timer for to wake at `wakeAt`: a far wake-up takes several timers, each re-planned. */
export function timerDelay(wakeAt: number, now: number): number {
  return Math.min(Math.max(0, wakeAt - now), MAX_TIMER_DELAY_MS);
}
