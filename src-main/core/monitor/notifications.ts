// Which notifications to show after a round of checks: each warning once per token, the most urgent one per
// bot, and never a storm (an hourly cap across all bots, the overflow folded into one summary).
import { NEEDS_RENEWAL, type Diagnosis } from '../graph/types';
import { reachedMeta, timeLeft } from './known-token';
import { botMemoryFor, withBot, type BotMemory, type WatchMemory } from './memory';
import {
  autoRenewFailedNotification,
  deadNotification,
  expiredByClockNotification,
  expiringNotification,
  renewedNotification,
  severalBotsNotification,
  type BotNotification,
  type BotNotificationKind,
  type WatchNotification,
} from './notification-messages';
import { HOUR, type WatchSettings } from './settings';

/** What happened to one bot in this round. Its memory must already hold the facts this check confirmed. */
export interface BotRoundOutcome {
  botId: string;
  botName: string;
  tokenFingerprint: string;
  /** This round's diagnosis; null when the check itself failed (counted as "could not reach Meta"). */
  latest: Diagnosis | null;
  /** An automatic renewal made in this round, if any. */
  autoRenew: 'renewed' | 'failed' | null;
}

export interface NotificationDecision {
  notifications: WatchNotification[];
  memory: WatchMemory;
}

const URGENCY: Record<BotNotificationKind, number> = {
  dead: 5,
  expired: 4,
  auto_renew_failed: 3,
  expiring: 2,
  renewed: 1,
};

/** A notification this bot could get, and what to remember once the owner has been told. */
interface Candidate {
  notification: BotNotification;
  remember: (bot: BotMemory) => BotMemory;
}

/**
 * Everything worth telling about one bot now. A check that could not reach Meta never makes a token dead;
 * only the token's own expiry time, which Meta told us earlier, can say it expired (worded as such).
 */
function candidatesFor(outcome: BotRoundOutcome, bot: BotMemory, now: number, thresholdsMs: readonly number[]): Candidate[] {
  const { botId, botName, latest } = outcome;
  const candidates: Candidate[] = [];
  if (outcome.autoRenew === 'renewed') {
    candidates.push({ notification: renewedNotification(botId, botName), remember: (memory) => memory });
  }
  if (outcome.autoRenew === 'failed' && !bot.autoRenewFailureTold) {
    candidates.push({
      notification: autoRenewFailedNotification(botId, botName),
      remember: (memory) => ({ ...memory, autoRenewFailureTold: true }),
    });
  }
  if (bot.deadTold) return candidates;
  const toldDead = (memory: BotMemory): BotMemory => ({ ...memory, deadTold: true });
  const answered = latest !== null && reachedMeta(latest);
  if (answered && NEEDS_RENEWAL.has(latest.status)) {
    candidates.push({ notification: deadNotification(botId, botName, latest.status), remember: toldDead });
    return candidates;
  }
  const left = timeLeft(bot.known, now);
  // Stryker disable next-line ConditionalExpression,LogicalOperator,OptionalChaining: equivalent, timeLeft is null without an expiry; the second test narrows the type.
  if (left === null || bot.known?.expiresAt == null) return candidates;
  if (left <= 0) {
    // When Meta did answer and still accepts the token, our clock is ahead of Meta's: the next check decides.
    if (!answered) {
      candidates.push({ notification: expiredByClockNotification(botId, botName, bot.known.expiresAt), remember: toldDead });
    }
    return candidates;
  }
  const crossed = thresholdsMs.filter((threshold) => left <= threshold);
  if (crossed.some((threshold) => !bot.thresholdsTold.includes(threshold))) {
    // Several thresholds crossed at once (the computer slept for days): only the most urgent is worth saying.
    candidates.push({
      notification: expiringNotification(botId, botName, left),
      remember: (memory) => ({ ...memory, thresholdsTold: [...new Set([...memory.thresholdsTold, ...crossed])] }),
    });
  }
  return candidates;
}

interface BotPick {
  botId: string;
  fingerprint: string;
  notification: BotNotification;
  /** Everything the owner learns from the one shown (a more urgent one covers the rest). */
  remember: (bot: BotMemory) => BotMemory;
}

function pickForBot(outcome: BotRoundOutcome, memory: WatchMemory, now: number, thresholdsMs: readonly number[]): BotPick | null {
  const bot = botMemoryFor(memory, outcome.botId, outcome.tokenFingerprint);
  const candidates = candidatesFor(outcome, bot, now, thresholdsMs);
  const mostUrgent = candidates.reduce<Candidate | null>(
    (best, candidate) => (!best || URGENCY[candidate.notification.kind] > URGENCY[best.notification.kind] ? candidate : best),
    null,
  );
  if (!mostUrgent) return null;
  return {
    botId: outcome.botId,
    fingerprint: outcome.tokenFingerprint,
    notification: mostUrgent.notification,
    remember: (memory) => candidates.reduce((updated, candidate) => candidate.remember(updated), memory),
  };
}

/**
 * Decides the notifications for a round of checks (one entry per bot checked) and returns the memory that
 * records them. At most one notification per bot; at most `maxNotificationsPerHour` across all bots. When
 * more are due than the cap allows, the most urgent are shown and the rest become one "N bots need
 * attention" summary; when the hour's cap is already spent, nothing is shown or recorded, so the same
 * notifications are decided again at the bots' next check.
 */
export function decideNotifications(
  outcomes: readonly BotRoundOutcome[],
  memory: WatchMemory,
  now: number,
  settings: Pick<WatchSettings, 'thresholdsMs' | 'maxNotificationsPerHour'>,
): NotificationDecision {
  const recent = memory.shownAt.filter((shownAt) => shownAt > now - HOUR && shownAt <= now);
  const picks = outcomes
    .map((outcome) => pickForBot(outcome, memory, now, settings.thresholdsMs))
    .filter((pick): pick is BotPick => pick !== null)
    .sort((a, b) => URGENCY[b.notification.kind] - URGENCY[a.notification.kind]);
  const allowance = settings.maxNotificationsPerHour - recent.length;
  // Stryker disable next-line EqualityOperator,ConditionalExpression: equivalent, with no allowance or no picks the code below shows and records nothing either.
  if (allowance <= 0 || picks.length === 0) return { notifications: [], memory: { ...memory, shownAt: recent } };

  // "Renewed" is good news, not a call to act (it sorts last): in a storm it is left to the dashboard.
  const needAttentionBeyond = picks.slice(allowance - 1).filter((pick) => pick.notification.kind !== 'renewed');
  // Two or more beyond the last free place: one summary stands for them (one alone takes that place itself).
  const summarised = needAttentionBeyond.length > 1 ? needAttentionBeyond : [];
  const shownOneByOne = picks.slice(0, summarised.length > 0 ? allowance - 1 : allowance);
  const notifications: WatchNotification[] = shownOneByOne.map((pick) => pick.notification);
  if (summarised.length > 0) notifications.push(severalBotsNotification(summarised.length));

  let updated: WatchMemory = { ...memory, shownAt: [...recent, ...notifications.map(() => now)] };
  for (const pick of [...shownOneByOne, ...summarised]) {
    updated = withBot(updated, pick.botId, pick.remember(botMemoryFor(updated, pick.botId, pick.fingerprint)));
  }
  return { notifications, memory: updated };
}
