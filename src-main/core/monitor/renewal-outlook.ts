// What happens to a working token next, in the owner's terms: it renews itself on a date (a 60-day token, with the
// app's ID and secret saved and hands-off renewal on), it needs its owner by a date (or "within 60 days of when you
// made it" when Meta shows the date only to the app), or it never expires. Pure: the dashboard, the wizard's
// verdict and the tray all say the same thing.
import type { Diagnosis } from '../graph/types';
import type { WatchSettings } from './settings';

/** Why a token will need its owner rather than renew itself. */
export type NeedsYouReason =
  /** No app ID and secret saved (for a system-user token also the reason its expiry is unknown). */
  | 'no_app_credentials'
  /** The owner switched hands-off renewal off in Settings. */
  | 'auto_renew_off'
  /** A short-lived token: it can only be replaced (or traded for a 60-day one from the dashboard). */
  | 'temporary';

export type RenewalOutlook =
  /** `renewsAt`: when the watch trades it for a fresh one (never before now); `expiresAt`: its own end. */
  | { kind: 'renews_itself'; renewsAt: string; expiresAt: string }
  /** `expiresAt` null: Meta shows a system-user token's expiry only to its app — it dies within 60 days of its making. */
  | { kind: 'needs_you'; reason: NeedsYouReason; expiresAt: string | null }
  | { kind: 'never_expires' };

export type OutlookSettings = Pick<WatchSettings, 'autoRenew' | 'autoRenewLeadMs' | 'hasAppCredentials'>;

/** The outlook of the token a diagnosis describes; null when it does not work (its status says what to do) or nothing is known. */
export function renewalOutlook(diagnosis: Diagnosis | null, settings: OutlookSettings, now: number): RenewalOutlook | null {
  if (!diagnosis || (diagnosis.status !== 'ok' && diagnosis.status !== 'expiring_soon')) return null;
  if (diagnosis.neverExpires) return { kind: 'never_expires' };
  if (diagnosis.expiryUnknownReason === 'needs_app_credentials') return { kind: 'needs_you', reason: 'no_app_credentials', expiresAt: null };
  const expiresAt = diagnosis.expiresAt;
  const end = expiresAt === null ? Number.NaN : Date.parse(expiresAt);
  if (expiresAt === null || !Number.isFinite(end)) return null;
  if (diagnosis.tokenLifetime === 'temporary') return { kind: 'needs_you', reason: 'temporary', expiresAt };
  // Only a 60-day token is refreshed (decideAutoRenew). A known expiry always comes with a known kind.
  if (diagnosis.tokenLifetime !== 'long_lived') return null;
  if (!settings.hasAppCredentials) return { kind: 'needs_you', reason: 'no_app_credentials', expiresAt };
  if (!settings.autoRenew) return { kind: 'needs_you', reason: 'auto_renew_off', expiresAt };
  const renewsAt = Math.max(now, end - settings.autoRenewLeadMs);
  return { kind: 'renews_itself', renewsAt: new Date(renewsAt).toISOString(), expiresAt };
}
