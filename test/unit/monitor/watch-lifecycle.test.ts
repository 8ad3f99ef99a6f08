// The watch's life around its checks: before start and after stop, bots coming and going (also mid-check), one
// timer at a time, failures of what it is given (a check, the memory, a renewal), and what its status reports.
import { describe, expect, it } from 'vitest';
import type { Diagnosis } from '../../../src-main/core/graph/types';
import { DAY, HOUR, MIN_CHECK_GAP_MS, MINUTE, RECHECK_DEBOUNCE_MS, SECOND } from '../../../src-main/core/monitor/settings';
import { diagnosis, unreachable } from './diagnoses';
import { cafe, deferred, kinds, shop, startWatch, T0 } from './watch-harness';

const healthy = () => diagnosis({ expiresAt: T0 + 30 * DAY });

/** A check that throws `message` while `failing` is set, and is healthy otherwise. */
function unreliableCheck(message: string, failing: boolean) {
  const check = {
    failing,
    meta: () => {
      if (check.failing) throw new Error(message);
      return healthy();
    },
  };
  return check;
}

describe('Watch before start and after stop', () => {
  it('does nothing before start: no check, no timer, no status', async () => {
    const { watch, clock, checks, statuses } = await startWatch({ bots: [shop], meta: healthy, unstarted: true });
    await clock.advance(DAY);
    await watch.checkNow('shop');
    expect(checks).toEqual([]);
    expect(statuses).toEqual([]);
    expect(clock.pendingTimers()).toBe(0);
    await watch.start();
    await clock.advance(0);
    expect(checks.map((check) => check.at)).toEqual([T0 + DAY]);
    expect(statuses.length).toBeGreaterThan(0);
  });

  it('after stop, neither a resume, a new network, nor "check now" starts anything', async () => {
    const { watch, clock, checks } = await startWatch({ bots: [shop], meta: healthy });
    await watch.stop();
    watch.onResume();
    watch.onNetworkRegained();
    await watch.checkNow('shop');
    await watch.checkNow();
    expect(clock.pendingTimers()).toBe(0);
    await clock.advance(30 * DAY);
    expect(checks).toHaveLength(1);
  });

  it('a check under way when it stops shows nothing, saves nothing and leaves no timer', async () => {
    let gate = deferred<Diagnosis>();
    const { watch, clock, checks, shown, saves } = await startWatch({
      bots: [shop],
      meta: (_bot, now) => (now === T0 ? diagnosis({ expiresAt: T0 + 30 * DAY }) : gate.promise),
    });
    await clock.advance(6 * HOUR);
    expect(checks).toHaveLength(2);
    const savesBefore = saves.length;
    const stopped = watch.stop();
    gate.resolve(diagnosis({ expiresAt: T0 + 6 * HOUR + 3 * DAY }));
    await stopped;
    expect(shown).toEqual([]);
    expect(saves).toHaveLength(savesBefore);
    expect(clock.pendingTimers()).toBe(0);
    gate = deferred();
  });

  it('runs without a status listener', async () => {
    const { watch, checks } = await startWatch({ bots: [shop], meta: healthy, withoutStatus: true });
    expect(checks).toHaveLength(1);
    expect(watch.status().worst).toBe('ok');
  });

  it('a status listener failing after a check is reported, and the watch carries on', async () => {
    let failing = false;
    const { clock, checks, errors } = await startWatch({
      bots: [shop],
      collectErrors: true,
      meta: healthy,
      onStatus: () => {
        if (failing) throw new Error('tray window closed');
      },
    });
    failing = true;
    await clock.advance(6 * HOUR);
    failing = false;
    await clock.advance(6 * HOUR);
    expect(errors.map((error) => (error as Error).message)).toEqual(['tray window closed']);
    expect(checks.map((check) => check.at)).toEqual([T0, T0 + 6 * HOUR, T0 + 12 * HOUR]);
  });

  it('runs without an error listener: an unreadable memory and a failing check are absorbed', async () => {
    const check = unreliableCheck('keychain locked', true);
    const { watch, clock, checks } = await startWatch({
      bots: [shop],
      withoutErrorListener: true,
      load: () => {
        throw new Error('watch.json: permission denied');
      },
      meta: check.meta,
    });
    check.failing = false;
    await clock.advance(MINUTE);
    expect(checks.map((entry) => entry.at)).toEqual([T0, T0 + MINUTE]);
    expect(watch.status().worst).toBe('ok');
  });
});

describe('Watch: the bots it is given', () => {
  it('a renamed bot with the same token keeps its state: no new check, the new name in its status', async () => {
    const { watch, clock, checks } = await startWatch({ bots: [shop], meta: healthy });
    watch.setBots([{ ...shop, name: 'Shop bot (new name)' }]);
    await clock.advance(MINUTE);
    expect(checks).toHaveLength(1);
    expect(watch.status().bots.map((bot) => [bot.name, bot.lastCheckedAt])).toEqual([['Shop bot (new name)', T0]]);
  });

  it('a removed bot is no longer checked, shown or remembered', async () => {
    const expiring = () => diagnosis({ expiresAt: T0 + 3 * DAY });
    const { watch, clock, checks, shown, saved } = await startWatch({ bots: [shop, cafe], meta: expiring });
    expect(kinds(shown)).toEqual(['expiring', 'expiring']);
    watch.setBots([cafe]);
    expect(watch.status().bots.map((bot) => bot.botId)).toEqual(['cafe']);
    await watch.checkNow();
    await clock.advance(DAY);
    expect(checks.filter((check) => check.at > T0).every((check) => check.botId === 'cafe')).toBe(true);
    // The cafe's memory stays (its warning is not repeated); the shop's is gone.
    expect(kinds(shown)).toEqual(['expiring', 'expiring']);
    expect(Object.keys(saved().bots)).toEqual(['cafe']);
  });

  it('"check now" checks the bot asked for, all bots when none is named, and no bot it does not know', async () => {
    const { watch, clock, checks, saves } = await startWatch({ bots: [shop, cafe], meta: healthy });
    await clock.advance(HOUR);
    await watch.checkNow('cafe');
    expect(checks.filter((check) => check.at > T0).map((check) => check.botId)).toEqual(['cafe']);
    const savesBefore = saves.length;
    await watch.checkNow('gone');
    expect(checks.filter((check) => check.at > T0)).toHaveLength(1);
    expect(saves).toHaveLength(savesBefore);
    await clock.advance(HOUR);
    await watch.checkNow();
    expect(checks.filter((check) => check.at === T0 + 2 * HOUR).map((check) => check.botId).sort()).toEqual(['cafe', 'shop']);
  });

  it('a bot in a check is not queued again, and has no next check while it lasts', async () => {
    let gate = deferred<Diagnosis>();
    const { watch, clock, checks } = await startWatch({ bots: [shop], meta: (_bot, now) => (now === T0 ? healthy() : gate.promise) });
    await clock.advance(HOUR);
    const first = watch.checkNow('shop');
    const second = watch.checkNow('shop');
    await clock.advance(0);
    expect(watch.status().bots[0]?.nextCheckAt).toBeNull();
    watch.updateSettings({ checkIntervalMs: 2 * HOUR });
    expect(watch.status().bots[0]?.nextCheckAt).toBeNull();
    gate.resolve(healthy());
    await Promise.all([first, second]);
    expect(checks.map((check) => check.at)).toEqual([T0, T0 + HOUR]);
    expect(watch.status().bots[0]?.nextCheckAt).toBe(T0 + HOUR + 2 * HOUR);
    gate = deferred();
  });

  it('a token replaced during its check: the old answer is dropped, the new token is checked at once', async () => {
    const gate = deferred<Diagnosis>();
    const { watch, clock, checks, shown, errors, bots } = await startWatch({
      bots: [shop],
      collectErrors: true,
      meta: (bot, now) => (bot.tokenFingerprint === 'fp-1' && now > T0 ? gate.promise : healthy()),
    });
    await clock.advance(HOUR);
    const underway = watch.checkNow('shop');
    await clock.advance(0);
    const renewed = { ...shop, tokenFingerprint: 'fp-2' };
    bots.set('shop', renewed);
    watch.setBots([renewed]);
    // The old token's answer says it expires in two days: nothing of it may be shown.
    gate.resolve(diagnosis({ expiresAt: T0 + 2 * DAY }));
    await underway;
    await clock.advance(0);
    expect(shown).toEqual([]);
    expect(errors).toEqual([]);
    expect(checks.map((check) => check.at)).toEqual([T0, T0 + HOUR, T0 + HOUR]);
    expect(watch.status().bots[0]).toMatchObject({ health: 'ok', expiresAt: T0 + 30 * DAY, lastCheckedAt: T0 + HOUR });
  });

  it('a bot removed while its round waits behind another is skipped without a fault', async () => {
    let gate = deferred<Diagnosis>();
    const { watch, clock, checks, errors } = await startWatch({
      bots: [shop, cafe],
      collectErrors: true,
      meta: (bot, now) => (bot.id === 'shop' && now > T0 ? gate.promise : healthy()),
    });
    await clock.advance(HOUR);
    const shopRound = watch.checkNow('shop');
    await clock.advance(0);
    const cafeRound = watch.checkNow('cafe');
    watch.setBots([shop]);
    gate.resolve(healthy());
    await Promise.all([shopRound, cafeRound]);
    expect(errors).toEqual([]);
    expect(checks.filter((check) => check.at > T0).map((check) => check.botId)).toEqual(['shop']);
    gate = deferred();
  });
});

describe('Watch: timers', () => {
  it('keeps a single timer, and none without bots', async () => {
    const { watch, clock } = await startWatch({ bots: [shop, cafe], meta: healthy });
    expect(clock.pendingTimers()).toBe(1);
    await clock.advance(7 * HOUR);
    expect(clock.pendingTimers()).toBe(1);
    watch.onResume();
    watch.onResume();
    watch.onNetworkRegained();
    expect(clock.pendingTimers()).toBe(2);
    watch.setBots([]);
    await clock.advance(RECHECK_DEBOUNCE_MS);
    expect(clock.pendingTimers()).toBe(0);
  });

  it('wakes for the earliest bot', async () => {
    const { watch, clock, checks } = await startWatch({ bots: [shop, cafe], meta: healthy });
    await clock.advance(HOUR);
    await watch.checkNow('shop');
    await clock.advance(6 * HOUR);
    expect(checks.filter((check) => check.at > T0 + HOUR)).toEqual([
      { botId: 'cafe', at: T0 + 6 * HOUR },
      { botId: 'shop', at: T0 + 7 * HOUR },
    ]);
  });

  it('a new check interval applies at once to the next check', async () => {
    const { watch, clock, checks } = await startWatch({ bots: [shop], meta: healthy });
    watch.updateSettings({ checkIntervalMs: HOUR });
    await clock.advance(2 * HOUR);
    expect(checks.map((check) => check.at)).toEqual([T0, T0 + HOUR, T0 + 2 * HOUR]);
  });

  it('another setting than the app credentials asks for no extra check', async () => {
    const { watch, clock, checks } = await startWatch({ bots: [shop], meta: healthy });
    await clock.advance(HOUR);
    watch.updateSettings({ maxNotificationsPerHour: 10 });
    watch.updateSettings({ autoRenew: false });
    await clock.advance(HOUR);
    expect(checks.map((check) => check.at)).toEqual([T0]);
  });

  it('a resume right after a check waits for the smallest gap between two checks', async () => {
    const { watch, clock, checks } = await startWatch({ bots: [shop], meta: healthy });
    await clock.advance(SECOND);
    watch.onResume();
    await clock.advance(MINUTE);
    expect(checks.map((check) => check.at)).toEqual([T0, T0 + MIN_CHECK_GAP_MS]);
  });

  it('a resume and a new network together re-check every bot, the answered ones too', async () => {
    let online = false;
    const { watch, clock, checks } = await startWatch({
      bots: [shop, cafe],
      meta: (bot) => (bot.id === 'shop' && !online ? unreachable() : healthy()),
    });
    online = true;
    await clock.advance(40 * SECOND);
    watch.onResume();
    watch.onNetworkRegained();
    await clock.advance(RECHECK_DEBOUNCE_MS);
    expect(checks.filter((check) => check.at > T0 + 40 * SECOND).map((check) => check.botId).sort()).toEqual(['cafe', 'shop']);
  });
});

describe('Watch: failures of what it is given', () => {
  it('an unreadable memory is reported and the watch starts afresh', async () => {
    const { checks, errors, shown } = await startWatch({
      bots: [shop],
      collectErrors: true,
      load: () => {
        throw new Error('watch.json: permission denied');
      },
      meta: () => diagnosis({ expiresAt: T0 + 3 * DAY }),
    });
    expect(errors.map((error) => (error as Error).message)).toEqual(['watch.json: permission denied']);
    expect(checks).toHaveLength(1);
    expect(kinds(shown)).toEqual(['expiring']);
  });

  it('a check that throws is reported, counts as not answered and is retried soon; the known expiry stays', async () => {
    const check = unreliableCheck('keychain locked', false);
    const { watch, clock, checks, errors } = await startWatch({ bots: [shop], collectErrors: true, meta: check.meta });
    check.failing = true;
    await clock.advance(6 * HOUR);
    expect(errors.map((error) => (error as Error).message)).toEqual(['keychain locked']);
    expect(watch.status().bots[0]).toMatchObject({ health: 'unknown', diagnosis: null, expiresAt: T0 + 30 * DAY });
    check.failing = false;
    await clock.advance(MINUTE);
    expect(checks.map((check) => check.at)).toEqual([T0, T0 + 6 * HOUR, T0 + 6 * HOUR + MINUTE]);
    expect(watch.status().worst).toBe('ok');
  });

  it('a check whose answer is "cannot reach Meta" is re-checked when the network returns', async () => {
    const check = unreliableCheck('offline', true);
    const { watch, clock, checks } = await startWatch({ bots: [shop], collectErrors: true, meta: check.meta });
    check.failing = false;
    await clock.advance(40 * SECOND);
    watch.onNetworkRegained();
    await clock.advance(RECHECK_DEBOUNCE_MS);
    expect(checks.map((check) => check.at)).toEqual([T0, T0 + 40 * SECOND + RECHECK_DEBOUNCE_MS]);
  });

  it('an unreachable Meta keeps the expiry Meta confirmed before', async () => {
    let online = true;
    const { watch, clock } = await startWatch({ bots: [shop], meta: () => (online ? healthy() : unreachable()) });
    online = false;
    await clock.advance(6 * HOUR);
    expect(watch.status().bots[0]).toMatchObject({ health: 'unknown', expiresAt: T0 + 30 * DAY });
  });

  it('a renewal that throws is reported and told as a failed renewal', async () => {
    const { renewals, shown, errors } = await startWatch({
      bots: [shop],
      settings: { hasAppCredentials: true },
      collectErrors: true,
      meta: () => diagnosis({ expiresAt: T0 + 5 * DAY }),
      autoRenew: () => {
        throw new Error('exchange refused');
      },
    });
    expect(renewals).toHaveLength(1);
    expect(errors.map((error) => (error as Error).message)).toEqual(['exchange refused']);
    expect(kinds(shown)).toContain('auto_renew_failed');
  });

  it('a renewal overtaken by a token the owner put in meanwhile is not announced, and the owner\'s token is watched', async () => {
    const renewal = deferred<{ ok: true; tokenFingerprint: string }>();
    const { watch, clock, shown, bots, checks } = await startWatch({
      bots: [shop],
      settings: { hasAppCredentials: true },
      meta: (bot) => diagnosis({ expiresAt: bot.tokenFingerprint === 'fp-1' ? T0 + 5 * DAY : T0 + 60 * DAY }),
      autoRenew: () => renewal.promise,
    });
    const ownToken = { ...shop, tokenFingerprint: 'fp-own' };
    bots.set('shop', ownToken);
    watch.setBots([ownToken]);
    renewal.resolve({ ok: true, tokenFingerprint: 'fp-auto' });
    await clock.advance(0);
    expect(kinds(shown)).toEqual([]);
    expect(checks.map((check) => check.at)).toEqual([T0, T0]);
    expect(watch.status().bots[0]).toMatchObject({ health: 'ok', expiresAt: T0 + 60 * DAY });
  });

  it('a renewal that brings back the same token clears the failures counted before', async () => {
    let attempt = 0;
    const { clock, saved } = await startWatch({
      bots: [shop],
      settings: { hasAppCredentials: true },
      meta: () => diagnosis({ expiresAt: T0 + 5 * DAY }),
      autoRenew: () => (++attempt === 1 ? { ok: false } : { ok: true, tokenFingerprint: 'fp-1' }),
    });
    expect(saved().bots.shop?.autoRenew.consecutiveFailures).toBe(1);
    await clock.advance(DAY);
    expect(attempt).toBe(2);
    expect(saved().bots.shop?.autoRenew.consecutiveFailures).toBe(0);
  });
});

describe('Watch status', () => {
  it('reports the expiry Meta confirmed, and "expiring" by the clock even when the last answer was "ok"', async () => {
    const { watch } = await startWatch({ bots: [shop], meta: () => diagnosis({ expiresAt: T0 + 3 * DAY }) });
    expect(watch.status()).toMatchObject({ worst: 'expiring', bots: [{ botId: 'shop', health: 'expiring', expiresAt: T0 + 3 * DAY, lastCheckedAt: T0 }] });
  });
});
