import { describe, expect, it } from 'vitest';
import { knownFromDiagnosis } from '../../../src-main/core/monitor/known-token';
import {
  botMemoryFor,
  emptyWatchMemory,
  rememberConfirmedFacts,
  withBot,
  type WatchMemory,
} from '../../../src-main/core/monitor/memory';
import { decideNotifications, type BotRoundOutcome } from '../../../src-main/core/monitor/notifications';
import { DAY, DEFAULT_WATCH_SETTINGS, HOUR, MINUTE } from '../../../src-main/core/monitor/settings';
import type { Diagnosis } from '../../../src-main/core/graph/types';
import { diagnosis, unreachable } from './diagnoses';

const T0 = Date.UTC(2026, 10, 1);
const EXPIRES_AT = T0 + 30 * DAY;
const settings = DEFAULT_WATCH_SETTINGS;

/**
 * Runs the round as the watch does: a check's answer (if Meta answered) goes into memory first, then the
 * decision. Returns the notifications and the memory after.
 */
function round(memory: WatchMemory, now: number, latest: Diagnosis | null, extra: Partial<BotRoundOutcome> = {}) {
  const outcome: BotRoundOutcome = { botId: 'shop', botName: 'Shop bot', tokenFingerprint: 'aaaa', latest, autoRenew: null, ...extra };
  let bot = botMemoryFor(memory, outcome.botId, outcome.tokenFingerprint);
  if (latest && !['network_error', 'rate_limited', 'meta_error'].includes(latest.status)) {
    bot = rememberConfirmedFacts(bot, knownFromDiagnosis(latest, now));
  }
  return decideNotifications([outcome], withBot(memory, outcome.botId, bot), now, settings);
}

/** Drives one bot through a sequence of checks (time, diagnosis) and collects what was shown. */
function timeline(steps: [number, Diagnosis | null][], extra: Partial<BotRoundOutcome> = {}) {
  let memory = emptyWatchMemory();
  const shown: { at: number; kind: string; body: string; count: unknown }[] = [];
  for (const [at, latest] of steps) {
    const decision = round(memory, at, latest, extra);
    memory = decision.memory;
    for (const n of decision.notifications) shown.push({ at, kind: n.kind, body: n.body.key, count: n.body.params?.count });
  }
  return { shown, memory };
}

const ok = diagnosis({ expiresAt: EXPIRES_AT });

describe('expiry warnings', () => {
  it('warns once at each threshold: 7 days, 1 day, 1 hour', () => {
    const checks: [number, Diagnosis][] = [];
    // A check every 6 hours for 30 days, plus the crossings themselves.
    for (let at = T0; at < EXPIRES_AT - HOUR; at += 6 * HOUR) checks.push([at, ok]);
    for (const threshold of [7 * DAY, DAY, HOUR]) checks.push([EXPIRES_AT - threshold, ok]);
    checks.sort((a, b) => a[0] - b[0]);
    const { shown } = timeline(checks);
    expect(shown.map((s) => [s.at, s.body, s.count])).toEqual([
      [EXPIRES_AT - 7 * DAY, 'shell:notify.expiring.inDays', 7],
      [EXPIRES_AT - DAY, 'shell:notify.expiring.inDays', 1],
      [EXPIRES_AT - HOUR, 'shell:notify.expiring.inHours', 1],
    ]);
  });

  it('says only the most urgent threshold when several were crossed at once', () => {
    const { shown } = timeline([
      [T0, ok],
      // The computer slept until 30 minutes before expiry: 7 d, 1 d and 1 h all crossed.
      [EXPIRES_AT - 30 * MINUTE, ok],
      [EXPIRES_AT - 20 * MINUTE, ok],
    ]);
    expect(shown).toEqual([{ at: EXPIRES_AT - 30 * MINUTE, kind: 'expiring', body: 'shell:notify.expiring.inMinutes', count: 30 }]);
  });

  it('starts over for a new token', () => {
    let { memory } = timeline([[EXPIRES_AT - 7 * DAY, ok]]);
    const again = round(memory, EXPIRES_AT - 6 * DAY, ok);
    expect(again.notifications).toEqual([]);
    memory = again.memory;
    const newToken = round(memory, EXPIRES_AT - 6 * DAY, ok, { tokenFingerprint: 'bbbb' });
    expect(newToken.notifications.map((n) => n.kind)).toEqual(['expiring']);
  });

  it('starts over when the same token is given a later expiry', () => {
    const { memory } = timeline([[EXPIRES_AT - 7 * DAY, ok]]);
    const extended = diagnosis({ expiresAt: EXPIRES_AT + 3 * DAY });
    expect(round(memory, EXPIRES_AT - 6 * DAY, extended).notifications).toEqual([]);
    const later = round(memory, EXPIRES_AT - 4 * DAY + HOUR, extended);
    expect(later.notifications.map((n) => n.kind)).toEqual(['expiring']);
  });

  it('names the bot in title and body', () => {
    const { notifications } = round(emptyWatchMemory(), EXPIRES_AT - DAY, ok);
    expect(notifications[0]?.title).toEqual({ key: 'shell:notify.expiring.title', params: { botName: 'Shop bot' } });
    expect(notifications[0]?.body.params).toMatchObject({ botName: 'Shop bot', count: 1 });
    expect(notifications[0]?.action).toBe('open-wizard');
  });
});

describe('dead tokens', () => {
  it.each([
    ['expired', 'shell:notify.dead.expired'],
    ['revoked', 'shell:notify.dead.revoked'],
    ['missing_permissions', 'shell:notify.dead.rejected'],
    ['wrong_account', 'shell:notify.dead.rejected'],
  ] as const)('tells at once, and once, when Meta says %s', (status, body) => {
    const dead = diagnosis({ status, expiresAt: EXPIRES_AT });
    const { shown } = timeline([
      [T0, ok],
      [T0 + HOUR, dead],
      [T0 + 7 * HOUR, dead],
      [EXPIRES_AT - HOUR, dead],
    ]);
    expect(shown).toEqual([{ at: T0 + HOUR, kind: 'dead', body, count: undefined }]);
  });

  it('tells a never-expiring token that was revoked', () => {
    const { shown } = timeline([
      [T0, diagnosis({ neverExpires: true, lifetime: 'never_expiring' })],
      [T0 + HOUR, diagnosis({ status: 'revoked', neverExpires: true, lifetime: 'never_expiring' })],
    ]);
    expect(shown.map((s) => s.body)).toEqual(['shell:notify.dead.revoked']);
  });

  it('tells again if a token Meta accepted again dies later', () => {
    const missing = diagnosis({ status: 'missing_permissions', neverExpires: true, lifetime: 'never_expiring' });
    const fine = diagnosis({ neverExpires: true, lifetime: 'never_expiring' });
    const revoked = diagnosis({ status: 'revoked', neverExpires: true, lifetime: 'never_expiring' });
    const { shown } = timeline([
      [T0, missing],
      [T0 + HOUR, fine],
      [T0 + 2 * HOUR, revoked],
    ]);
    expect(shown.map((s) => s.body)).toEqual(['shell:notify.dead.rejected', 'shell:notify.dead.revoked']);
  });
});

describe('checks that could not reach Meta', () => {
  it.each(['network_error', 'rate_limited', 'meta_error'] as const)('never make a token expired or dead (%s)', (status) => {
    const { shown } = timeline([
      [T0, ok],
      [T0 + HOUR, unreachable(status)],
      [T0 + 2 * HOUR, unreachable(status)],
      [T0 + 3 * HOUR, null],
    ]);
    expect(shown).toEqual([]);
  });

  it('never tell a token that was never confirmed anything at all', () => {
    const { shown } = timeline([
      [T0, unreachable()],
      [T0 + 40 * DAY, unreachable()],
    ]);
    expect(shown).toEqual([]);
  });

  it('still give the warnings the known expiry time calls for', () => {
    const { shown } = timeline([
      [T0, ok],
      [EXPIRES_AT - DAY, unreachable()],
    ]);
    expect(shown.map((s) => [s.kind, s.count])).toEqual([['expiring', 1]]);
  });

  it('say "expired" by the token\'s own clock once its known expiry has passed, worded as unconfirmed', () => {
    const { shown } = timeline([
      [T0, ok],
      [EXPIRES_AT + MINUTE, unreachable()],
      [EXPIRES_AT + HOUR, unreachable()],
      // Meta, reachable again, confirms: nothing new to tell.
      [EXPIRES_AT + 2 * HOUR, diagnosis({ status: 'expired', expiresAt: EXPIRES_AT })],
    ]);
    expect(shown.map((s) => [s.kind, s.body])).toEqual([['expired', 'shell:notify.expired.body']]);
  });

  it('say "expired" at the very moment of the known expiry, not "expiring in 0 minutes"', () => {
    const { shown } = timeline([
      [T0, ok],
      [EXPIRES_AT, unreachable()],
    ]);
    expect(shown.map((s) => s.kind)).toEqual(['expired']);
  });

  it('trust Meta over our clock when Meta answers that the token still works', () => {
    const { shown } = timeline([[EXPIRES_AT + 30 * 1000, ok]]);
    expect(shown).toEqual([]);
  });
});

describe('automatic renewal outcomes', () => {
  it('tell a renewal, with the dashboard as the place to look', () => {
    const { notifications } = round(emptyWatchMemory(), T0, ok, { autoRenew: 'renewed', tokenFingerprint: 'new1' });
    expect(notifications.map((n) => [n.kind, n.action])).toEqual([['renewed', 'open-dashboard']]);
  });

  it('tell a failure once per token, folding the threshold warning due at the same time into it', () => {
    const { shown, memory } = timeline([[EXPIRES_AT - 7 * DAY, ok]], { autoRenew: 'failed' });
    expect(shown.map((s) => s.kind)).toEqual(['auto_renew_failed']);
    const again = round(memory, EXPIRES_AT - 6 * DAY, ok, { autoRenew: 'failed' });
    expect(again.notifications).toEqual([]);
    const oneDay = round(again.memory, EXPIRES_AT - DAY, ok);
    expect(oneDay.notifications.map((n) => n.kind)).toEqual(['expiring']);
  });
});

describe('no storm', () => {
  const deadToken = diagnosis({ status: 'expired', expiresAt: T0 - HOUR });

  function tenBots(memory: WatchMemory, now: number) {
    const outcomes: BotRoundOutcome[] = Array.from({ length: 10 }, (_, i) => ({
      botId: `bot-${i}`,
      botName: `Bot ${i}`,
      tokenFingerprint: `fp-${i}`,
      latest: deadToken,
      autoRenew: null,
    }));
    return decideNotifications(outcomes, memory, now, settings);
  }

  it('folds what exceeds the hourly cap into one summary', () => {
    const { notifications, memory } = tenBots(emptyWatchMemory(), T0);
    expect(notifications).toHaveLength(settings.maxNotificationsPerHour);
    expect(notifications.slice(0, 3).map((n) => n.botId)).toEqual(['bot-0', 'bot-1', 'bot-2']);
    expect(notifications[3]).toMatchObject({ botId: null, kind: 'several', action: 'open-dashboard' });
    expect(notifications[3]?.title.params).toEqual({ count: 7 });
    // Every bot was told (alone or in the summary): nothing is repeated at the next checks.
    expect(tenBots(memory, T0 + 2 * HOUR).notifications).toEqual([]);
  });

  it('shows nothing while the hour\'s cap is spent, and tells the rest once it is not', () => {
    const busy: WatchMemory = { ...emptyWatchMemory(), shownAt: [T0 - 50 * MINUTE, T0 - 40 * MINUTE, T0 - 30 * MINUTE, T0 - 20 * MINUTE] };
    const capped = tenBots(busy, T0);
    expect(capped.notifications).toEqual([]);
    const later = tenBots(capped.memory, T0 + 15 * MINUTE);
    expect(later.notifications.map((n) => n.kind)).toEqual(['several']);
    expect(later.notifications[0]?.title.params).toEqual({ count: 10 });
  });

  it('puts the most urgent first when the cap decides', () => {
    const outcomes: BotRoundOutcome[] = [
      ...Array.from({ length: 4 }, (_, i) => ({
        botId: `fine-${i}`,
        botName: `Fine ${i}`,
        tokenFingerprint: `f-${i}`,
        latest: ok,
        autoRenew: 'renewed' as const,
      })),
      { botId: 'dead', botName: 'Dead', tokenFingerprint: 'd', latest: deadToken, autoRenew: null },
    ];
    const { notifications } = decideNotifications(outcomes, emptyWatchMemory(), T0, settings);
    expect(notifications[0]).toMatchObject({ botId: 'dead', kind: 'dead' });
    expect(notifications).toHaveLength(settings.maxNotificationsPerHour);
  });
});
