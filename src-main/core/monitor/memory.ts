// What the watch remembers across restarts, per bot and per token: what it already told the owner and when it
// last tried to renew, so a restart never repeats a notification or an automatic attempt.
import * as v from 'valibot';
import { NEEDS_RENEWAL, TOKEN_STATUSES } from '../graph/types';
import type { KnownToken } from './known-token';

export interface AutoRenewMemory {
  lastAttemptAt: number | null;
  /** Failed attempts in a row for this token; drives the backoff. */
  consecutiveFailures: number;
}

export interface BotMemory {
  /** The token these memories are about (`tokenFingerprint`); another token starts from scratch. */
  fingerprint: string;
  /** The last facts Meta confirmed about this token. */
  known: KnownToken | null;
  /** Thresholds (ms before expiry) already told for this token and this expiry time. */
  thresholdsTold: number[];
  /** "This token no longer works" already told, from Meta's answer or from the token's own clock. */
  deadTold: boolean;
  autoRenewFailureTold: boolean;
  autoRenew: AutoRenewMemory;
}

export interface WatchMemory {
  version: 1;
  bots: Record<string, BotMemory>;
  /** When recent notifications were shown (epoch ms), for the hourly cap across all bots. */
  shownAt: number[];
}

const Time = v.pipe(v.number(), v.finite());

const KnownTokenSchema = v.object({
  status: v.picklist(TOKEN_STATUSES),
  lifetime: v.picklist(['temporary', 'long_lived', 'never_expiring', 'unknown']),
  neverExpires: v.boolean(),
  expiresAt: v.nullable(Time),
  checkedAt: Time,
});

const BotMemorySchema = v.object({
  fingerprint: v.string(),
  known: v.nullable(KnownTokenSchema),
  thresholdsTold: v.array(Time),
  deadTold: v.boolean(),
  autoRenewFailureTold: v.boolean(),
  autoRenew: v.object({ lastAttemptAt: v.nullable(Time), consecutiveFailures: v.pipe(v.number(), v.integer(), v.minValue(0)) }),
});

const WatchMemorySchema = v.object({
  version: v.literal(1),
  bots: v.record(v.string(), BotMemorySchema),
  shownAt: v.array(Time),
});

export function emptyWatchMemory(): WatchMemory {
  return { version: 1, bots: {}, shownAt: [] };
}

/**
 * Reads what `save` stored. Anything unreadable (first run, a damaged or older file) starts empty: at worst
 * one notification is repeated, which beats a watch that stops watching.
 */
export function parseWatchMemory(raw: unknown): WatchMemory {
  const parsed = v.safeParse(WatchMemorySchema, raw);
  return parsed.success ? parsed.output : emptyWatchMemory();
}

export function freshBotMemory(fingerprint: string): BotMemory {
  return {
    fingerprint,
    known: null,
    thresholdsTold: [],
    deadTold: false,
    autoRenewFailureTold: false,
    autoRenew: { lastAttemptAt: null, consecutiveFailures: 0 },
  };
}

/**
 * The bot's memory if it is about this token; a clean slate for a new token, except the time of the last
 * automatic attempt: the daily limit holds per bot, so no back-and-forth of tokens can make renewal loop.
 */
export function botMemoryFor(memory: WatchMemory, botId: string, fingerprint: string): BotMemory {
  const existing = memory.bots[botId];
  if (existing?.fingerprint === fingerprint) return existing;
  const fresh = freshBotMemory(fingerprint);
  return existing ? { ...fresh, autoRenew: { ...fresh.autoRenew, lastAttemptAt: existing.autoRenew.lastAttemptAt } } : fresh;
}

/**
 * Takes in what Meta just confirmed. An expiry that moved later (the same token extended) opens a new
 * round of warnings; a token Meta accepts again (a permission fixed) may be announced dead again later.
 */
export function rememberConfirmedFacts(bot: BotMemory, known: KnownToken): BotMemory {
  const previousExpiry = bot.known?.expiresAt ?? null;
  const extended =
    previousExpiry !== null && (known.neverExpires || (known.expiresAt !== null && known.expiresAt > previousExpiry));
  return {
    ...bot,
    known,
    thresholdsTold: extended ? [] : bot.thresholdsTold,
    autoRenewFailureTold: extended ? false : bot.autoRenewFailureTold,
    deadTold: NEEDS_RENEWAL.has(known.status) ? bot.deadTold : false,
  };
}

export function withBot(memory: WatchMemory, botId: string, bot: BotMemory): WatchMemory {
  return { ...memory, bots: { ...memory.bots, [botId]: bot } };
}

/** Drops the memories of bots that are no longer connected. */
export function keepOnlyBots(memory: WatchMemory, botIds: readonly string[]): WatchMemory {
  const keep = new Set(botIds);
  return { ...memory, bots: Object.fromEntries(Object.entries(memory.bots).filter(([id]) => keep.has(id))) };
}
