// Graph API versions: which one we call, which one we recommend, and whether the bot pins a retired one.
// Dates from FACTS.md §0 and §8 (Meta's changelog): a version stops working two years after its successor ships.
import type { UserMessage } from '../errors';
import type { ApiVersionInfo } from './types';
import * as say from './wording';

/**
 * A current version (FACTS.md §0 #1: v24.0 or newer) with the longest support Meta has published: v25.0 is served
 * until 2028-07-29; v26.0 and v27.0 are newer but their end dates are still "TBD".
 */
export const DEFAULT_API_VERSION = 'v25.0';
export const RECOMMENDED_API_VERSION = 'v25.0';
/** A pinned version that stops within this many days gets a warning with its date. */
export const RETIRING_SOON_DAYS = 90;

interface VersionDates {
  released: string;
  /** Last day Meta serves it; null while Meta says "TBD". */
  availableUntil: string | null;
}

export const GRAPH_API_VERSIONS: Readonly<Record<string, VersionDates>> = {
  'v27.0': { released: '2026-11-04', availableUntil: null },
  'v26.0': { released: '2026-07-29', availableUntil: null },
  'v25.0': { released: '2026-02-18', availableUntil: '2028-07-29' },
  'v24.0': { released: '2025-10-08', availableUntil: '2028-02-18' },
  'v23.0': { released: '2025-05-29', availableUntil: '2027-10-08' },
  'v22.0': { released: '2025-01-21', availableUntil: '2027-05-20' },
  'v21.0': { released: '2024-10-02', availableUntil: '2027-01-21' },
  'v20.0': { released: '2024-05-21', availableUntil: '2026-09-24' },
  'v19.0': { released: '2024-01-23', availableUntil: '2026-05-21' },
  'v18.0': { released: '2023-09-12', availableUntil: '2026-01-26' },
  'v17.0': { released: '2023-05-23', availableUntil: '2025-09-12' },
};

/** The oldest version in the table; anything older was retired before it. */
const OLDEST_LISTED = 17;

/**
 * `v18.0`, `18.0`, `"v18.0"`, `V18`, `18` → `v18.0`; anything else → null.
 * Bots write the version in all these ways (token-var-names.json, value_shape_notes).
 */
export function normalizeApiVersion(raw: string | null | undefined): string | null {
  if (!raw) return null;
  const match = /^["'`]?\s*v?(\d{1,2})(?:\.(\d))?\s*["'`]?$/i.exec(raw.trim());
  if (!match) return null;
  return `v${match[1]}.${match[2] ?? '0'}`;
}

function majorOf(version: string): number {
  return Number.parseInt(version.slice(1), 10);
}

/** The day Meta stopped (or will stop) serving `version`; null when unknown or not announced. */
export function retirementDate(version: string): string | null {
  return GRAPH_API_VERSIONS[version]?.availableUntil ?? null;
}

/** True when Meta no longer serves `version` on `now` (unlisted versions older than the table count as retired). */
export function isRetired(version: string, now: Date): boolean {
  const until = retirementDate(version);
  if (until) return now.getTime() > Date.parse(`${until}T23:59:59Z`);
  return !GRAPH_API_VERSIONS[version] && majorOf(version) < OLDEST_LISTED;
}

const DAY_MS = 86_400_000;

/** True when `version` is still served on `now` but stops within RETIRING_SOON_DAYS. */
export function isRetiringSoon(version: string, now: Date): boolean {
  const until = retirementDate(version);
  if (!until || isRetired(version, now)) return false;
  return Date.parse(`${until}T23:59:59Z`) - now.getTime() <= RETIRING_SOON_DAYS * DAY_MS;
}

/** What the diagnosis reports about versions: the bot's own, the one used, and whether (and by when) to move. */
export function describeApiVersion(configuredRaw: string | null | undefined, used: string, now: Date): ApiVersionInfo {
  const configured = normalizeApiVersion(configuredRaw);
  const retired = configured ? isRetired(configured, now) : false;
  const retiringSoon = configured ? isRetiringSoon(configured, now) : false;
  return {
    configured,
    used,
    retired,
    retiredOn: retired && configured ? retirementDate(configured) : null,
    retiringSoon,
    retiresOn: retiringSoon && configured ? retirementDate(configured) : null,
    recommended: RECOMMENDED_API_VERSION,
  };
}

/** The warning for a pinned version that Meta retired or retires within 90 days; null when there is none. */
export function versionWarning(info: ApiVersionInfo): UserMessage | null {
  // describeApiVersion sets `retired` and `retiringSoon` only for a configured version, and `retiresOn` exactly when
  // `retiringSoon`: the two guards below cannot change an answer for the infos it makes.
  // Stryker disable next-line ConditionalExpression: equivalent, see above.
  if (!info.configured) return null;
  if (info.retired) return say.warning.retiredVersion(info.configured, info.recommended, info.retiredOn);
  // Stryker disable next-line LogicalOperator: equivalent, see above.
  if (info.retiringSoon && info.retiresOn) return say.warning.retiringVersion(info.configured, info.recommended, info.retiresOn);
  return null;
}
