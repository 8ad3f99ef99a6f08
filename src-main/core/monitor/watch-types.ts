// What the watch needs from its host (the desktop shell, or a test) and what it reports back.
import type { Diagnosis } from '../graph/types';
import type { Clock } from './clock';
import type { Health } from './health';
import type { WatchMemory } from './memory';
import type { WatchNotification } from './notification-messages';
import type { RenewalOutlook } from './renewal-outlook';

export interface WatchedBot {
  id: string;
  name: string;
  /** `tokenFingerprint(token)` of the token the bot uses now; a different one means a new token. */
  tokenFingerprint: string;
}

/** What an automatic renewal reports: the new token's fingerprint, or that it did not work. */
export type AutoRenewResult = { ok: true; tokenFingerprint: string } | { ok: false };

export interface WatchDependencies {
  clock: Clock;
  check(botId: string): Promise<Diagnosis>;
  notify(notification: WatchNotification): void | Promise<void>;
  /** exchange → apply → restart → verify; resolves with the outcome. */
  autoRenew(botId: string): Promise<AutoRenewResult>;
  /** The memory `save` stored last (anything unreadable starts afresh). */
  load(): unknown;
  save(memory: WatchMemory): void | Promise<void>;
  onStatus?(status: WatchStatus): void;
  /** Failures of the injected functions; the watch itself carries on. */
  onError?(error: unknown): void;
}

export interface BotWatchStatus {
  botId: string;
  name: string;
  health: Health;
  /** The last check's diagnosis; null before the first one or when the check itself failed. */
  diagnosis: Diagnosis | null;
  lastCheckedAt: number | null;
  /** null while a check is under way. */
  nextCheckAt: number | null;
  /** The expiry Meta last confirmed (epoch ms). */
  expiresAt: number | null;
  /** What happens next to the token of the last check: renews itself, needs the owner, never expires. */
  renewal: RenewalOutlook | null;
}

export interface WatchStatus {
  worst: Health;
  bots: BotWatchStatus[];
}
