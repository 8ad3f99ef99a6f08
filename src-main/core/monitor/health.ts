// One word per bot for the tray icon and its menu, and the worst of them for the icon itself.
import { NEEDS_RENEWAL, type Diagnosis } from '../graph/types';
import { knownFromDiagnosis, reachedMeta, timeLeft, type KnownToken } from './known-token';
import { DEFAULT_WATCH_SETTINGS } from './settings';

export type Health = 'ok' | 'expiring' | 'dead' | 'unknown';

/** A known problem outranks an unknown one; "cannot check" outranks "all is well". */
const SEVERITY: Record<Health, number> = { ok: 0, unknown: 1, expiring: 2, dead: 3 };

const DEFAULT_EXPIRING_WINDOW_MS = Math.max(...DEFAULT_WATCH_SETTINGS.thresholdsMs);

/**
 * A bot's health now. `latest` is the last check's result (null: not checked yet, or the check itself
 * failed); `known` the last facts Meta confirmed for this token. Without a fresh answer from Meta, Meta's
 * last word and the token's own clock still count: an expiry time that has passed is "dead", a close one
 * "expiring"; otherwise we honestly do not know.
 */
export function healthOf(
  latest: Diagnosis | null,
  known: KnownToken | null,
  now: number,
  expiringWindowMs: number = DEFAULT_EXPIRING_WINDOW_MS,
): Health {
  const answered = latest !== null && reachedMeta(latest);
  const lastWordFromMeta = answered ? latest.status : (known?.status ?? null);
  if (lastWordFromMeta !== null && NEEDS_RENEWAL.has(lastWordFromMeta)) return 'dead';
  const left = timeLeft(known, now);
  if (left !== null && left <= 0) return 'dead';
  if ((left !== null && left <= expiringWindowMs) || lastWordFromMeta === 'expiring_soon') return 'expiring';
  return answered ? 'ok' : 'unknown';
}

export function worstHealth(healths: readonly Health[]): Health {
  return healths.reduce<Health>((worst, health) => (SEVERITY[health] > SEVERITY[worst] ? health : worst), 'ok');
}

/** The tray icon's state from each bot's last diagnosis (null: not checked yet). */
export function worstStatus(diagnoses: readonly (Diagnosis | null)[], now: number = Date.now()): Health {
  return worstHealth(
    diagnoses.map((diagnosis) => {
      const known = diagnosis && reachedMeta(diagnosis) ? knownFromDiagnosis(diagnosis, now) : null;
      return healthOf(diagnosis, known, now);
    }),
  );
}
