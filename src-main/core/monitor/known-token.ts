// The facts about a token that the watch keeps between checks (and across restarts): small, JSON-safe, no secret.
import { COULD_NOT_CHECK, type Diagnosis, type TokenLifetime, type TokenStatus } from '../graph/types';

export interface KnownToken {
  status: TokenStatus;
  lifetime: TokenLifetime;
  neverExpires: boolean;
  /** Epoch ms; null when Meta gave no expiry (never-expiring, or not known). */
  expiresAt: number | null;
  /** Epoch ms of the check that established these facts. */
  checkedAt: number;
}

/** True when Meta answered: the status says something about the token rather than about the network. */
export function reachedMeta(diagnosis: Diagnosis): boolean {
  return !COULD_NOT_CHECK.has(diagnosis.status);
}

export function knownFromDiagnosis(diagnosis: Diagnosis, checkedAt: number): KnownToken {
  const expiresAt = diagnosis.expiresAt === null ? Number.NaN : Date.parse(diagnosis.expiresAt);
  return {
    status: diagnosis.status,
    lifetime: diagnosis.tokenLifetime,
    neverExpires: diagnosis.neverExpires,
    expiresAt: Number.isFinite(expiresAt) ? expiresAt : null,
    checkedAt,
  };
}

/** Time left before the token's own expiry (negative once past); null when it has none. */
export function timeLeft(known: KnownToken | null, now: number): number | null {
  if (!known || known.neverExpires || known.expiresAt === null) return null;
  return known.expiresAt - now;
}
