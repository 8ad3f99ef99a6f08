// How each token status looks and reads: words, icon and colour together (colour is never the only signal),
// and the few facts about a token the dashboard turns into words.
import type { Diagnosis } from '../../src-main/contract';
import type { IconName } from '../ui/Icon';
import type { Tone } from '../ui/Banner';
import { botState } from './triage';

type TokenStatus = Diagnosis['status'];

interface StatusLook {
  tone: Tone;
  icon: IconName;
  label: string;
}

const UNCHECKED_LOOK: StatusLook = { tone: 'neutral', icon: 'question', label: 'dashboard:status.unchecked' };

const STATUS_LOOK: Record<TokenStatus, StatusLook> = {
  ok: { tone: 'success', icon: 'check', label: 'dashboard:status.ok' },
  expiring_soon: { tone: 'warning', icon: 'clock', label: 'dashboard:status.expiringSoon' },
  expired: { tone: 'danger', icon: 'cross', label: 'dashboard:status.expired' },
  revoked: { tone: 'danger', icon: 'cross', label: 'dashboard:status.revoked' },
  malformed: { tone: 'danger', icon: 'warning', label: 'dashboard:status.malformed' },
  missing_permissions: { tone: 'danger', icon: 'warning', label: 'dashboard:status.missingPermissions' },
  wrong_account: { tone: 'danger', icon: 'warning', label: 'dashboard:status.wrongAccount' },
  rate_limited: { tone: 'neutral', icon: 'question', label: 'dashboard:status.rateLimited' },
  network_error: { tone: 'neutral', icon: 'question', label: 'dashboard:status.networkError' },
  meta_error: { tone: 'neutral', icon: 'question', label: 'dashboard:status.metaError' },
};

const TEMPORARY_LOOK: StatusLook = { tone: 'warning', icon: 'clock', label: 'dashboard:status.temporary' };

/** The badge of a bot's one state: a temporary token is amber whatever Meta's status says ("works for now"). */
export function lookOf(diagnosis: Diagnosis | null): StatusLook {
  if (!diagnosis) return UNCHECKED_LOOK;
  return botState(diagnosis) === 'temporary' ? TEMPORARY_LOOK : STATUS_LOOK[diagnosis.status];
}

/** A live short-lived token Meta lets the app trade for a 60-day one (needs the app's credentials). */
export function canExtend(diagnosis: Diagnosis | null): boolean {
  if (!diagnosis) return false;
  const renewable = diagnosis.tokenLifetime === 'temporary' || diagnosis.tokenLifetime === 'long_lived';
  return renewable && (diagnosis.status === 'ok' || diagnosis.status === 'expiring_soon');
}

export const LIFETIME_LABEL: Record<Diagnosis['tokenLifetime'], string> = {
  temporary: 'dashboard:tokenType.temporary',
  long_lived: 'dashboard:tokenType.longLived',
  never_expiring: 'dashboard:tokenType.permanent',
  unknown: 'dashboard:tokenType.unknown',
};

export function qualityLabel(rating: string | null): string {
  // Meta's enum value, not text for people: no locale casing rules apply.
  switch (rating?.toUpperCase()) {
    case 'GREEN':
      return 'dashboard:quality.high';
    case 'YELLOW':
      return 'dashboard:quality.medium';
    case 'RED':
      return 'dashboard:quality.low';
    default:
      return 'dashboard:quality.unknown';
  }
}
