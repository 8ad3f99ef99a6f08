// Whether to renew a token automatically right now (issue 6), with the loop guard: one attempt per token per
// day at most, longer waits after failures, and never while Meta cannot be reached.
import { NEEDS_RENEWAL } from '../graph/types';
import { timeLeft, type KnownToken } from './known-token';
import type { AutoRenewMemory } from './memory';
import { DAY, type WatchSettings } from './settings';

export const AUTO_RENEW_MAX_BACKOFF_MS = 4 * DAY;

export interface AutoRenewInput {
  now: number;
  /** The last facts Meta confirmed about the current token. */
  known: KnownToken | null;
  /** Whether the check just made reached Meta; an exchange while it cannot is bound to fail. */
  lastCheckReachedMeta: boolean;
  memory: AutoRenewMemory;
}

export type AutoRenewSkipReason =
  | 'disabled'
  | 'no_app_credentials'
  | 'not_renewable'
  | 'expiry_unknown'
  | 'token_dead'
  | 'not_due'
  | 'meta_unreachable'
  | 'attempted_recently';

export type AutoRenewDecision =
  | { attempt: true }
  /** `retryAt`: when the answer may change by time alone (null: only a new check can change it). */
  | { attempt: false; reason: AutoRenewSkipReason; retryAt: number | null };

/** The wait after an attempt: a day, then 1, 2, 4 days after failures in a row. */
export function autoRenewWait(consecutiveFailures: number): number {
  return Math.min(DAY * 2 ** Math.max(0, consecutiveFailures - 1), AUTO_RENEW_MAX_BACKOFF_MS);
}

export function decideAutoRenew(
  input: AutoRenewInput,
  settings: Pick<WatchSettings, 'autoRenew' | 'autoRenewLeadMs' | 'hasAppCredentials'>,
): AutoRenewDecision {
  const skip = (reason: AutoRenewSkipReason, retryAt: number | null = null): AutoRenewDecision => ({
    attempt: false,
    reason,
    retryAt,
  });
  const { now, known, memory } = input;
  if (!settings.autoRenew) return skip('disabled');
  if (!settings.hasAppCredentials) return skip('no_app_credentials');
  if (!known) return skip('expiry_unknown');
  // Only a 60-day token can be exchanged for a fresh one; a never-expiring one has nothing to renew, and a
  // short-lived one is offered to the owner on the dashboard instead (it needs their consent once).
  if (known.neverExpires || known.lifetime !== 'long_lived') return skip('not_renewable');
  const left = timeLeft(known, now);
  if (left === null) return skip('expiry_unknown');
  // Meta refuses to exchange an expired token: only a new one from the wizard helps.
  if (left <= 0 || NEEDS_RENEWAL.has(known.status)) return skip('token_dead');
  if (left > settings.autoRenewLeadMs) return skip('not_due', now + left - settings.autoRenewLeadMs);
  if (!input.lastCheckReachedMeta) return skip('meta_unreachable');
  if (memory.lastAttemptAt !== null) {
    const nextAllowed = memory.lastAttemptAt + autoRenewWait(memory.consecutiveFailures);
    if (now < nextAllowed) return skip('attempted_recently', nextAllowed);
  }
  return { attempt: true };
}
