// The hourly cap across bots, as a table: at, below and above the limit, with notifications already shown this
// hour, carried over from round to round; the urgency order when the cap decides; renewals never summarised.
import { describe, expect, it } from 'vitest';
import { knownFromDiagnosis, reachedMeta } from '../../../src-main/core/monitor/known-token';
import { botMemoryFor, emptyWatchMemory, rememberConfirmedFacts, withBot, type WatchMemory } from '../../../src-main/core/monitor/memory';
import { decideNotifications, type BotRoundOutcome } from '../../../src-main/core/monitor/notifications';
import { DAY, DEFAULT_WATCH_SETTINGS, HOUR, MINUTE } from '../../../src-main/core/monitor/settings';
import { diagnosis, unreachable } from './diagnoses';

const T0 = Date.UTC(2026, 10, 1);
const dead = diagnosis({ status: 'revoked', expiresAt: T0 + 30 * DAY });

function deadBots(count: number, first = 0): BotRoundOutcome[] {
  return Array.from({ length: count }, (_, index) => ({
    botId: `bot-${first + index}`,
    botName: `Bot ${first + index}`,
    tokenFingerprint: `fp-${first + index}`,
    latest: dead,
    autoRenew: null,
  }));
}

const withShown = (shownAt: number[]): WatchMemory => ({ ...emptyWatchMemory(), shownAt });
const capped = (maxNotificationsPerHour: number) => ({ ...DEFAULT_WATCH_SETTINGS, maxNotificationsPerHour });

/** What was shown, one word each: the bot's id, or `several:N` for the summary. */
function shown(notifications: ReturnType<typeof decideNotifications>['notifications']): string[] {
  return notifications.map((notification) => (notification.botId ?? `several:${String(notification.title.params?.count)}`));
}

describe('the hourly cap (4), with some already shown this hour', () => {
  it.each([
    // [bots due, shown in the last hour, what is shown now]
    [3, 0, ['bot-0', 'bot-1', 'bot-2']],
    [4, 0, ['bot-0', 'bot-1', 'bot-2', 'bot-3']],
    [5, 0, ['bot-0', 'bot-1', 'bot-2', 'several:2']],
    [6, 0, ['bot-0', 'bot-1', 'bot-2', 'several:3']],
    [3, 1, ['bot-0', 'bot-1', 'bot-2']],
    [4, 1, ['bot-0', 'bot-1', 'several:2']],
    [1, 3, ['bot-0']],
    [2, 3, ['several:2']],
    [1, 4, []],
    [3, 5, []],
  ] as const)('%i due, %i shown → %o', (due, alreadyShown, expected) => {
    const before = Array.from({ length: alreadyShown }, (_, index) => T0 - (index + 1) * MINUTE);
    const decision = decideNotifications(deadBots(due), withShown(before), T0, DEFAULT_WATCH_SETTINGS);
    expect(shown(decision.notifications)).toEqual(expected);
    // Every notification shown is remembered with its time; the earlier ones stay.
    expect(decision.memory.shownAt).toEqual([...before, ...expected.map(() => T0)]);
  });

  it('only the last hour counts: older entries are dropped, and one exactly an hour old is out', () => {
    const old = [T0 - 3 * HOUR, T0 - 2 * HOUR, T0 - HOUR, T0 - HOUR + 1];
    const decision = decideNotifications(deadBots(3), withShown(old), T0, DEFAULT_WATCH_SETTINGS);
    expect(shown(decision.notifications)).toEqual(['bot-0', 'bot-1', 'bot-2']);
    expect(decision.memory.shownAt).toEqual([T0 - HOUR + 1, T0, T0, T0]);
  });

  it('a time in the future (the clock went back) does not count, and is dropped', () => {
    const decision = decideNotifications(deadBots(4), withShown([T0 + HOUR, T0 + 2 * HOUR, T0]), T0, DEFAULT_WATCH_SETTINGS);
    expect(shown(decision.notifications)).toEqual(['bot-0', 'bot-1', 'several:2']);
    expect(decision.memory.shownAt).toEqual([T0, T0, T0, T0]);
  });

  it('when the cap is spent, nothing is remembered as told: the same bots are decided again next time', () => {
    const full = withShown([T0 - 40 * MINUTE, T0 - 30 * MINUTE, T0 - 20 * MINUTE, T0 - 10 * MINUTE]);
    const spent = decideNotifications(deadBots(2), full, T0, DEFAULT_WATCH_SETTINGS);
    expect(spent.notifications).toEqual([]);
    expect(spent.memory.shownAt).toEqual(full.shownAt);
    expect(Object.keys(spent.memory.bots)).toEqual([]);
    const later = decideNotifications(deadBots(2), spent.memory, T0 + 35 * MINUTE, DEFAULT_WATCH_SETTINGS);
    expect(shown(later.notifications)).toEqual(['bot-0', 'bot-1']);
  });
});

describe('the cap carried over from round to round', () => {
  it('three rounds ten minutes apart share one hour\'s four notifications', () => {
    let memory = emptyWatchMemory();
    const rounds: string[][] = [];
    for (const [index, bots] of [deadBots(3, 0), deadBots(3, 3), deadBots(2, 6)].entries()) {
      const decision = decideNotifications(bots, memory, T0 + index * 10 * MINUTE, DEFAULT_WATCH_SETTINGS);
      rounds.push(shown(decision.notifications));
      memory = decision.memory;
    }
    // 3 shown, then 1 left for three bots (one summary), then none left: the last two wait.
    expect(rounds).toEqual([['bot-0', 'bot-1', 'bot-2'], ['several:3'], []]);
    expect(memory.shownAt).toEqual([T0, T0, T0, T0 + 10 * MINUTE]);
    const nextHour = decideNotifications(deadBots(2, 6), memory, T0 + HOUR + MINUTE, DEFAULT_WATCH_SETTINGS);
    expect(shown(nextHour.notifications)).toEqual(['bot-6', 'bot-7']);
  });

  it.each([1, 2, 7])('a cap of %i is kept to, exactly', (cap) => {
    const decision = decideNotifications(deadBots(cap + 3), emptyWatchMemory(), T0, capped(cap));
    expect(decision.notifications).toHaveLength(cap);
    expect(decision.notifications.at(-1)).toMatchObject({ kind: 'several', botId: null });
    expect(decideNotifications(deadBots(cap), emptyWatchMemory(), T0, capped(cap)).notifications.every((n) => n.kind === 'dead')).toBe(true);
  });
});

describe('urgency when the cap decides', () => {
  const EXPIRES_AT = T0 + 30 * DAY;
  const fine = diagnosis({ expiresAt: EXPIRES_AT });

  /** One bot of every kind, in scrambled order, its memory holding what its earlier checks confirmed. */
  function oneOfEach(now: number): { outcomes: BotRoundOutcome[]; memory: WatchMemory } {
    const outcomes: BotRoundOutcome[] = [
      { botId: 'renewed', botName: 'R', tokenFingerprint: 'r', latest: fine, autoRenew: 'renewed' },
      { botId: 'expiring', botName: 'E', tokenFingerprint: 'e', latest: diagnosis({ expiresAt: now + 2 * DAY }), autoRenew: null },
      { botId: 'expired', botName: 'X', tokenFingerprint: 'x', latest: unreachable(), autoRenew: null },
      { botId: 'failed', botName: 'F', tokenFingerprint: 'f', latest: fine, autoRenew: 'failed' },
      { botId: 'dead', botName: 'D', tokenFingerprint: 'd', latest: dead, autoRenew: null },
    ];
    let memory = emptyWatchMemory();
    for (const outcome of outcomes) {
      let bot = botMemoryFor(memory, outcome.botId, outcome.tokenFingerprint);
      // The "expired" bot's last answer from Meta gave an expiry that has passed since.
      const confirmed = outcome.botId === 'expired' ? diagnosis({ expiresAt: now - HOUR }) : outcome.latest!;
      if (reachedMeta(confirmed)) bot = rememberConfirmedFacts(bot, knownFromDiagnosis(confirmed, now - 2 * HOUR));
      memory = withBot(memory, outcome.botId, bot);
    }
    return { outcomes, memory };
  }

  it('with room for all, every kind is shown, most urgent first', () => {
    const { outcomes, memory } = oneOfEach(T0);
    const decision = decideNotifications(outcomes, memory, T0, capped(10));
    expect(decision.notifications.map((n) => n.kind)).toEqual(['dead', 'expired', 'auto_renew_failed', 'expiring', 'renewed']);
  });

  it.each([
    [4, ['dead', 'expired', 'failed', 'expiring']],
    [3, ['dead', 'expired', 'several:2']],
    [2, ['dead', 'several:3']],
    [1, ['several:4']],
  ] as const)('a cap of %i shows %o: a renewal is good news, never counted in the summary', (cap, expected) => {
    const { outcomes, memory } = oneOfEach(T0);
    expect(shown(decideNotifications(outcomes, memory, T0, capped(cap)).notifications)).toEqual(expected);
  });

  it('many renewals beside one dead token: the dead one first, renewals only while there is room', () => {
    const renewals: BotRoundOutcome[] = Array.from({ length: 5 }, (_, index) => ({
      botId: `renewed-${index}`,
      botName: `R${index}`,
      tokenFingerprint: `r${index}`,
      latest: fine,
      autoRenew: 'renewed',
    }));
    const decision = decideNotifications([...renewals, ...deadBots(1)], emptyWatchMemory(), T0, DEFAULT_WATCH_SETTINGS);
    expect(shown(decision.notifications)).toEqual(['bot-0', 'renewed-0', 'renewed-1', 'renewed-2']);
  });

  it.each(['failed', 'renewed'] as const)('an automatic renewal that %s beside a dead token: the dead token is told', (autoRenew) => {
    const decision = decideNotifications([{ ...deadBots(1)[0]!, autoRenew }], emptyWatchMemory(), T0, DEFAULT_WATCH_SETTINGS);
    expect(decision.notifications.map((n) => n.kind)).toEqual(['dead']);
    expect(decision.memory.bots['bot-0']).toMatchObject({ deadTold: true, autoRenewFailureTold: autoRenew === 'failed' });
  });

  it('a renewal told changes nothing else the bot remembers', () => {
    const { outcomes, memory } = oneOfEach(T0);
    const decision = decideNotifications([outcomes[0]!], memory, T0, DEFAULT_WATCH_SETTINGS);
    expect(decision.notifications.map((n) => n.kind)).toEqual(['renewed']);
    expect(decision.memory.bots.renewed).toEqual(memory.bots.renewed);
  });

  it('one bot with several things to say says the most urgent, and remembers all of them', () => {
    const { outcomes, memory } = oneOfEach(T0);
    const failing = { ...outcomes[1]!, autoRenew: 'failed' as const };
    const decision = decideNotifications([failing], memory, T0, DEFAULT_WATCH_SETTINGS);
    expect(decision.notifications.map((n) => n.kind)).toEqual(['auto_renew_failed']);
    const bot = decision.memory.bots.expiring!;
    expect(bot.autoRenewFailureTold).toBe(true);
    expect(bot.thresholdsTold).toEqual([7 * DAY]);
  });
});
