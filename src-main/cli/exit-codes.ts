// The CLI's exit codes (DESIGN.md): a stable contract for scripts.
import { COULD_NOT_CHECK, NEEDS_RENEWAL, type TokenStatus } from '../core/graph/types';

export const EXIT = {
  ok: 0,
  expiringSoon: 1,
  usage: 2,
  needsRenewal: 3,
  couldNotCheck: 4,
} as const;

export function exitCodeForStatus(status: TokenStatus): number {
  if (status === 'ok') return EXIT.ok;
  if (status === 'expiring_soon') return EXIT.expiringSoon;
  if (NEEDS_RENEWAL.has(status)) return EXIT.needsRenewal;
  if (COULD_NOT_CHECK.has(status)) return EXIT.couldNotCheck;
  return EXIT.couldNotCheck;
}
