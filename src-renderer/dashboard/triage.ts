// What the dashboard needs to triage: one state per bot (the one message its card shows), the order of the
// cards (most urgent first), the counts of the summary line, and when the watch checks next.
import type { BotView, Diagnosis } from '../../src-main/contract';

/**
 * A bot's one state. `temporary`: a token from API Setup that works now but only for hours. `dead`: Meta says
 * the token no longer works for this bot. `unknown`: the last check could not reach Meta (never a dead token).
 */
export type BotState = 'dead' | 'temporary' | 'expiring' | 'unknown' | 'unchecked' | 'ok';

// The statuses main counts as "get a new token" (core/graph/types.ts NEEDS_RENEWAL): the renderer may import
// only types from main, so the set is repeated here.
const DEAD: ReadonlySet<Diagnosis['status']> = new Set(['expired', 'revoked', 'malformed', 'missing_permissions', 'wrong_account']);
const COULD_NOT_CHECK: ReadonlySet<Diagnosis['status']> = new Set(['rate_limited', 'network_error', 'meta_error']);

export function botState(diagnosis: Diagnosis | null): BotState {
  if (!diagnosis) return 'unchecked';
  if (DEAD.has(diagnosis.status)) return 'dead';
  if (COULD_NOT_CHECK.has(diagnosis.status)) return 'unknown';
  if (diagnosis.tokenLifetime === 'temporary') return 'temporary';
  if (diagnosis.status === 'expiring_soon') return 'expiring';
  return 'ok';
}

/** Most urgent first: a dead bot, then whatever runs out first, then what could not be told, then the rest. */
const RANK: Record<BotState, number> = { dead: 0, temporary: 1, expiring: 1, unknown: 2, unchecked: 3, ok: 4 };

function expiryOf(bot: BotView): number {
  const expiresAt = bot.lastDiagnosis?.expiresAt;
  const time = expiresAt ? Date.parse(expiresAt) : Number.NaN;
  return Number.isNaN(time) ? Number.POSITIVE_INFINITY : time;
}

export function byUrgency(a: BotView, b: BotView): number {
  return RANK[botState(a.lastDiagnosis)] - RANK[botState(b.lastDiagnosis)] || expiryOf(a) - expiryOf(b);
}

export function sortByUrgency(bots: readonly BotView[]): BotView[] {
  // Array.prototype.sort is stable: equally urgent bots keep the order the owner connected them in.
  return [...bots].sort(byUrgency);
}

export interface DashboardSummary {
  down: number;
  /** Temporary or soon-expiring tokens, with the soonest expiry among them (ISO), if known. */
  expiring: { count: number; first: string | null };
  unknown: number;
  unchecked: number;
  fine: number;
}

export function summarize(bots: readonly BotView[]): DashboardSummary {
  const summary: DashboardSummary = { down: 0, expiring: { count: 0, first: null }, unknown: 0, unchecked: 0, fine: 0 };
  for (const bot of sortByUrgency(bots)) {
    switch (botState(bot.lastDiagnosis)) {
      case 'dead':
        summary.down += 1;
        break;
      case 'temporary':
      case 'expiring':
        summary.expiring.count += 1;
        summary.expiring.first ??= bot.lastDiagnosis?.expiresAt ?? null;
        break;
      case 'unknown':
        summary.unknown += 1;
        break;
      case 'unchecked':
        summary.unchecked += 1;
        break;
      case 'ok':
        summary.fine += 1;
        break;
    }
  }
  return summary;
}

/**
 * About when the watch checks next: each bot is checked again one interval after its last check (sooner near
 * an expiry), so the earliest of those; `now` when a bot was never checked. Null without bots.
 */
export function nextCheckAt(bots: readonly BotView[], intervalHours: number, now: number): number | null {
  if (bots.length === 0) return null;
  const due = bots.map((bot) => (bot.lastCheckedAt ? Date.parse(bot.lastCheckedAt) + intervalHours * 3_600_000 : now));
  return Math.max(now, Math.min(...due.map((time) => (Number.isNaN(time) ? now : time))));
}
