// What the owner can tune about the watch, its defaults, and the fixed limits that keep it polite to Meta.

export const SECOND = 1000;
export const MINUTE = 60 * SECOND;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;

export interface WatchSettings {
  /** How often every bot is checked even when nothing is due (settings: 1–24 h). */
  checkIntervalMs: number;
  /** How long before expiry the owner is warned; 0 is the expiry itself. */
  thresholdsMs: readonly number[];
  /** Whether the owner allowed automatic renewal at all. */
  autoRenew: boolean;
  /** How long before expiry a renewable token is renewed automatically. */
  autoRenewLeadMs: number;
  /** App ID + App Secret are in the keychain (automatic renewal needs them). */
  hasAppCredentials: boolean;
  /** Across all bots: an OS notification centre flooded by one app is an app people uninstall. */
  maxNotificationsPerHour: number;
}

export const DEFAULT_WATCH_SETTINGS: WatchSettings = {
  checkIntervalMs: 6 * HOUR,
  thresholdsMs: [7 * DAY, DAY, HOUR, 0],
  autoRenew: true,
  autoRenewLeadMs: 7 * DAY,
  hasAppCredentials: false,
  maxNotificationsPerHour: 4,
};

/** Never check one bot more often than this, whatever asks for it (resume, network, thresholds). */
export const MIN_CHECK_GAP_MS = 30 * SECOND;
/** After a check that could not reach Meta: retry after 1 min, doubling up to 30 min. */
export const RETRY_BASE_MS = MINUTE;
export const RETRY_MAX_MS = 30 * MINUTE;
/**
 * The expiry itself is checked a minute late: our clock and Meta's differ by seconds, and a check one
 * second early would hear "valid" and then wait hours for the next one.
 */
export const EXPIRY_GRACE_MS = MINUTE;
/** Resume and network-regained events come in bursts (and the network is often not up yet at resume). */
export const RECHECK_DEBOUNCE_MS = 5 * SECOND;

/** Fills in defaults and puts thresholds in order, most distant first, without duplicates. */
export function resolveSettings(overrides: Partial<WatchSettings> = {}): WatchSettings {
  const settings = { ...DEFAULT_WATCH_SETTINGS, ...overrides };
  const thresholds = [...new Set(settings.thresholdsMs.filter((ms) => Number.isFinite(ms) && ms >= 0))];
  return {
    ...settings,
    checkIntervalMs: Math.max(settings.checkIntervalMs, MIN_CHECK_GAP_MS),
    thresholdsMs: thresholds.sort((a, b) => b - a),
    maxNotificationsPerHour: Math.max(1, Math.floor(settings.maxNotificationsPerHour)),
  };
}
