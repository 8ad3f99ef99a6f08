// What a check leaves in a bot's profile: its verdict (what the dashboard shows), and Meta's last word on the token,
// which outlives checks that could not reach Meta. A check that hit a network fault says nothing about the token
// (DESIGN.md), so the expiry and the status Meta gave stay known until Meta answers again or the token changes.
import type { Diagnosis } from '../graph/types';
import { tokenFingerprint } from '../monitor/fingerprint';
import { reachedMeta } from '../monitor/known-token';
import type { BotProfile } from './schema';

type CheckFields = Pick<BotProfile, 'lastDiagnosis' | 'lastCheckedAt' | 'tokenFingerprint' | 'lastMetaAnswer'>;

/** Meta's last word on the token the bot held at its last check; null when Meta never answered about that token. */
export function lastMetaAnswer(bot: CheckFields): Diagnosis | null {
  if (bot.lastDiagnosis && reachedMeta(bot.lastDiagnosis)) return bot.lastDiagnosis;
  const kept = bot.lastMetaAnswer;
  return kept && kept.tokenFingerprint === bot.tokenFingerprint ? kept.diagnosis : null;
}

/** The profile fields after checking `token` (null: the .env held none) with this outcome. */
export function checkRecord(bot: CheckFields, diagnosis: Diagnosis, token: string | null): CheckFields {
  const fingerprint = token ? tokenFingerprint(token) : null;
  const previous = fingerprint !== null && fingerprint === bot.tokenFingerprint ? lastMetaAnswer(bot) : null;
  return {
    lastDiagnosis: diagnosis,
    lastCheckedAt: diagnosis.checkedAt,
    tokenFingerprint: fingerprint,
    // Kept only when this check could not reach Meta; when it did, the verdict itself is Meta's last word.
    lastMetaAnswer: !reachedMeta(diagnosis) && previous && fingerprint ? { tokenFingerprint: fingerprint, diagnosis: previous } : null,
  };
}
