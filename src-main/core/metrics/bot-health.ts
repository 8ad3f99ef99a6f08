// A connected bot's profile, read as what the metrics report: its last check, Meta's last word on its token, and
// whether that token renews itself.
import type { Diagnosis } from '../graph/types';
import { decideAutoRenew } from '../monitor/auto-renew';
import { knownFromDiagnosis } from '../monitor/known-token';
import { lastMetaAnswer } from '../profiles/check-record';
import type { BotProfile } from '../profiles/schema';
import type { BotHealth } from './fleet-metrics';

export interface RenewalSettings {
  /** The owner allows automatic renewal (settings.json; on by default). */
  autoRenew: boolean;
  /** App ID and secret are available to whatever renews (the keychain, or the environment of a cron `renew`). */
  hasAppCredentials: boolean;
}

/**
 * The watch's own rule (decideAutoRenew), asked as if the renewal were due now: would it ever try? So "renews itself"
 * means here what it means to the app. Seam: issue 12 gives the dashboard a "renews itself on DATE" state of its
 * own; when it lands, this should ask that instead.
 */
export function renewsItself(answer: Diagnosis | null, settings: RenewalSettings): boolean {
  if (!answer) return false;
  const checkedAt = Date.parse(answer.checkedAt);
  const decision = decideAutoRenew(
    { now: checkedAt, known: knownFromDiagnosis(answer, checkedAt), lastCheckReachedMeta: true, memory: { lastAttemptAt: null, consecutiveFailures: 0 } },
    { ...settings, autoRenewLeadMs: Infinity },
  );
  return decision.attempt;
}

export function botHealth(bot: BotProfile, settings: RenewalSettings): BotHealth {
  const metaAnswer = lastMetaAnswer(bot);
  return {
    id: bot.id,
    name: bot.name,
    phoneNumberId: bot.phoneNumberId,
    wabaId: bot.wabaId,
    connectedAt: bot.createdAt,
    lastCheck: bot.lastDiagnosis,
    metaAnswer,
    renewsItself: renewsItself(metaAnswer, settings),
  };
}
