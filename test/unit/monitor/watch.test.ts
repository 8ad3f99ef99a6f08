import { describe, expect, it } from 'vitest';
import type { WatchMemory } from '../../../src-main/core/monitor/memory';
import { MAX_TIMER_DELAY_MS } from '../../../src-main/core/monitor/schedule';
import { DAY, EXPIRY_GRACE_MS, HOUR, MINUTE, RECHECK_DEBOUNCE_MS } from '../../../src-main/core/monitor/settings';
import { diagnosis, unreachable } from './diagnoses';
import { cafe, kinds, shop, startWatch, T0 } from './watch-harness';

describe('Watch', () => {
  it('checks every bot on start and then on the periodic interval', async () => {
    const { clock, checks } = await startWatch({ bots: [shop], meta: () => diagnosis({ neverExpires: true, lifetime: 'never_expiring' }) });
    expect(checks).toEqual([{ botId: 'shop', at: T0 }]);
    await clock.advance(DAY);
    expect(checks.map((c) => c.at - T0)).toEqual([0, 6 * HOUR, 12 * HOUR, 18 * HOUR, 24 * HOUR]);
  });

  it('follows a 60-day token across timers clamped to Node\'s limit, warning at exactly each threshold', async () => {
    const expiresAt = T0 + 60 * DAY;
    const { clock, checks, shown } = await startWatch({
      bots: [shop],
      // Periodic checks far apart, so only the thresholds wake the watch.
      settings: { checkIntervalMs: 365 * DAY },
      meta: (_bot, now) => diagnosis({ status: now < expiresAt ? 'ok' : 'expired', expiresAt }),
    });
    await clock.advance(61 * DAY);
    expect(Math.max(...clock.requestedDelays)).toBeLessThanOrEqual(MAX_TIMER_DELAY_MS);
    expect(clock.requestedDelays).toContain(MAX_TIMER_DELAY_MS);
    expect(checks.map((c) => c.at)).toEqual([T0, expiresAt - 7 * DAY, expiresAt - DAY, expiresAt - HOUR, expiresAt + EXPIRY_GRACE_MS]);
    expect(shown.map((s) => [s.at, s.notification.kind, s.notification.body.params?.count])).toEqual([
      [expiresAt - 7 * DAY, 'expiring', 7],
      [expiresAt - DAY, 'expiring', 1],
      [expiresAt - HOUR, 'expiring', 1],
      [expiresAt + EXPIRY_GRACE_MS, 'dead', undefined],
    ]);
  });

  it('retries sooner while Meta cannot be reached, and never says "expired" because of it', async () => {
    const expiresAt = T0 + 30 * DAY;
    const outage = { from: T0 + HOUR, to: T0 + 3 * DAY };
    const { clock, checks, shown, statuses } = await startWatch({
      bots: [shop],
      meta: (_bot, now) => (now >= outage.from && now < outage.to ? unreachable() : diagnosis({ expiresAt })),
    });
    await clock.advance(6 * HOUR + 40 * MINUTE);
    const gaps = checks.slice(1).map((c, i) => c.at - (checks[i]?.at ?? 0));
    expect(gaps.slice(0, 6)).toEqual([6 * HOUR, MINUTE, 2 * MINUTE, 4 * MINUTE, 8 * MINUTE, 16 * MINUTE]);
    expect(statuses.at(-1)?.worst).toBe('unknown');
    await clock.advance(3 * DAY);
    expect(Math.max(...gaps.slice(6))).toBeLessThanOrEqual(30 * MINUTE);
    expect(shown).toEqual([]);
    expect(statuses.at(-1)?.worst).toBe('ok');
  });

  it('re-checks after waking from sleep, and warns about what was crossed meanwhile', async () => {
    const expiresAt = T0 + 5 * DAY;
    const { watch, clock, checks, shown } = await startWatch({ bots: [shop], meta: () => diagnosis({ expiresAt }) });
    expect(kinds(shown)).toEqual(['expiring']);
    clock.sleep(4 * DAY + 12 * HOUR);
    watch.onResume();
    watch.onResume();
    await clock.advance(RECHECK_DEBOUNCE_MS);
    expect(checks.map((c) => c.at)).toEqual([T0, T0 + 4 * DAY + 12 * HOUR + RECHECK_DEBOUNCE_MS]);
    expect(shown.map((s) => s.notification.body.params?.count)).toEqual([5, 12]);
    expect(shown[1]?.notification.body.key).toBe('shell:notify.expiring.inHours');
  });

  it('re-checks, on network regained, only the bots Meta could not be asked about', async () => {
    let online = false;
    const { watch, clock, checks } = await startWatch({
      bots: [shop, cafe],
      meta: (bot) => (bot.id === 'shop' && !online ? unreachable() : diagnosis({ expiresAt: T0 + 30 * DAY })),
    });
    online = true;
    await clock.advance(40 * 1000);
    watch.onNetworkRegained();
    await clock.advance(RECHECK_DEBOUNCE_MS);
    expect(checks.filter((c) => c.at > T0).map((c) => c.botId)).toEqual(['shop']);
  });

  it('checks at once when asked', async () => {
    const { watch, clock, checks } = await startWatch({ bots: [shop], meta: () => diagnosis({ expiresAt: T0 + 30 * DAY }) });
    await clock.advance(HOUR);
    await watch.checkNow('shop');
    expect(checks.map((c) => c.at)).toEqual([T0, T0 + HOUR]);
  });

  it('does not storm when ten bots expire at once', async () => {
    const expiresAt = T0 + 2 * DAY;
    const bots = Array.from({ length: 10 }, (_, i) => ({ id: `bot-${i}`, name: `Bot ${i}`, tokenFingerprint: `fp-${i}` }));
    const { clock, shown } = await startWatch({
      bots,
      meta: (_bot, now) => diagnosis({ status: now < expiresAt ? 'ok' : 'expired', expiresAt }),
    });
    expect(kinds(shown)).toEqual(['expiring', 'expiring', 'expiring', 'several']);
    const atExpiry = shown.length;
    await clock.advance(3 * DAY);
    const later = shown.slice(atExpiry);
    // The 1-day and 1-hour warnings, then Meta's "expired": each time three bots by name and a summary.
    const roundOfWarnings = ['expiring', 'expiring', 'expiring', 'several'];
    expect(kinds(later.filter((s) => s.at < expiresAt))).toEqual([...roundOfWarnings, ...roundOfWarnings]);
    expect(kinds(later.filter((s) => s.at >= expiresAt))).toEqual(['dead', 'dead', 'dead', 'several']);
    expect(later.at(-1)?.notification.title.params).toEqual({ count: 7 });
  });

  it('does not repeat a warning after a restart (the memory is saved and loaded)', async () => {
    const expiresAt = T0 + 3 * DAY;
    const meta = () => diagnosis({ expiresAt });
    const first = await startWatch({ bots: [shop], meta });
    expect(kinds(first.shown)).toEqual(['expiring']);
    await first.watch.stop();
    const second = await startWatch({ bots: [shop], meta, memory: first.saved() as WatchMemory });
    expect(second.checks).toHaveLength(1);
    expect(second.shown).toEqual([]);
  });

  it('starts warnings over when the owner puts in a new token', async () => {
    let expiresAt = T0 + 3 * DAY;
    const { watch, clock, checks, shown } = await startWatch({ bots: [shop], meta: () => diagnosis({ expiresAt }) });
    expect(kinds(shown)).toEqual(['expiring']);
    expiresAt = T0 + 2 * DAY;
    watch.setBots([{ ...shop, tokenFingerprint: 'fp-2' }]);
    await clock.advance(0);
    expect(checks).toHaveLength(2);
    expect(kinds(shown)).toEqual(['expiring', 'expiring']);
  });

  it('stops: no timer left, no check after', async () => {
    const { watch, clock, checks } = await startWatch({ bots: [shop], meta: () => diagnosis({ expiresAt: T0 + 30 * DAY }) });
    watch.onResume();
    await watch.stop();
    expect(clock.pendingTimers()).toBe(0);
    await clock.advance(30 * DAY);
    expect(checks).toHaveLength(1);
  });
});

describe('Watch: app credentials (issue 12)', () => {
  it('says in its status what happens next: renews itself a week before expiry, or needs the owner', async () => {
    const expiresAt = T0 + 40 * DAY;
    const { watch } = await startWatch({ bots: [shop], settings: { hasAppCredentials: true }, meta: () => diagnosis({ expiresAt }) });
    expect(watch.status().bots[0]?.renewal).toEqual({ kind: 'renews_itself', renewsAt: new Date(expiresAt - 7 * DAY).toISOString(), expiresAt: new Date(expiresAt).toISOString() });
    watch.updateSettings({ autoRenew: false });
    expect(watch.status().bots[0]?.renewal).toMatchObject({ kind: 'needs_you', reason: 'auto_renew_off' });
  });

  it('looks again at every bot once the app\'s ID and secret arrive (a system-user token then shows its expiry)', async () => {
    const { watch, clock, checks } = await startWatch({ bots: [shop], meta: () => diagnosis({ expiresAt: T0 + 40 * DAY }) });
    expect(watch.status().bots[0]?.renewal).toMatchObject({ kind: 'needs_you', reason: 'no_app_credentials' });
    await clock.advance(HOUR);
    watch.updateSettings({ hasAppCredentials: true });
    await clock.advance(RECHECK_DEBOUNCE_MS);
    expect(checks.map((check) => check.at)).toEqual([T0, T0 + HOUR + RECHECK_DEBOUNCE_MS]);
    // Saving them again, or another setting, asks nothing more.
    watch.updateSettings({ hasAppCredentials: true, checkIntervalMs: 2 * HOUR });
    await clock.advance(RECHECK_DEBOUNCE_MS);
    expect(checks).toHaveLength(2);
  });
});

describe('Watch: automatic renewal', () => {
  const credentials = { hasAppCredentials: true };

  it('tries at most once a day, backing off after failures, and stops once the token is dead', async () => {
    const expiresAt = T0 + 10 * DAY;
    const { clock, renewals, shown } = await startWatch({
      bots: [shop],
      settings: credentials,
      meta: (_bot, now) => diagnosis({ status: now < expiresAt ? 'ok' : 'expired', expiresAt }),
    });
    await clock.advance(12 * DAY);
    expect(renewals.map((r) => r.at)).toEqual([expiresAt - 7 * DAY, expiresAt - 6 * DAY, expiresAt - 4 * DAY]);
    expect(kinds(shown)).toEqual(['auto_renew_failed', 'expiring', 'expiring', 'dead']);
  });

  it('renews, says so, and watches the new token from scratch', async () => {
    const expiry = new Map([['fp-1', T0 + 6 * DAY]]);
    const { clock, renewals, shown, checks } = await startWatch({
      bots: [shop],
      settings: credentials,
      meta: (bot) => diagnosis({ expiresAt: expiry.get(bot.tokenFingerprint) ?? null }),
      autoRenew: (_botId, now) => {
        expiry.set('fp-2', now + 60 * DAY);
        return { ok: true, tokenFingerprint: 'fp-2' };
      },
    });
    expect(renewals.map((r) => r.at)).toEqual([T0]);
    await clock.advance(0);
    expect(checks.map((c) => c.at)).toEqual([T0, T0]);
    expect(kinds(shown)).toEqual(['renewed']);
    await clock.advance(40 * DAY);
    expect(renewals).toHaveLength(1);
    expect(kinds(shown)).toEqual(['renewed']);
  });

  it('does not try while Meta cannot be reached, and tries once it can', async () => {
    let online = false;
    const { watch, clock, renewals } = await startWatch({
      bots: [shop],
      settings: credentials,
      meta: () => (online ? diagnosis({ expiresAt: T0 + 3 * DAY }) : unreachable()),
      memory: {
        version: 1,
        shownAt: [],
        bots: {
          shop: {
            fingerprint: 'fp-1',
            known: { status: 'ok', lifetime: 'long_lived', neverExpires: false, expiresAt: T0 + 3 * DAY, checkedAt: T0 - DAY },
            thresholdsTold: [7 * DAY],
            deadTold: false,
            autoRenewFailureTold: false,
            autoRenew: { lastAttemptAt: null, consecutiveFailures: 0 },
          },
        },
      },
    });
    await clock.advance(HOUR);
    expect(renewals).toEqual([]);
    online = true;
    watch.onNetworkRegained();
    await clock.advance(RECHECK_DEBOUNCE_MS);
    expect(renewals).toHaveLength(1);
  });

  it('never renews a never-expiring token, but still tells at once when it is revoked', async () => {
    let revoked = false;
    const { watch, clock, renewals, shown } = await startWatch({
      bots: [shop],
      settings: credentials,
      meta: () => diagnosis({ status: revoked ? 'revoked' : 'ok', neverExpires: true, lifetime: 'never_expiring' }),
    });
    await clock.advance(90 * DAY);
    revoked = true;
    await watch.checkNow('shop');
    expect(renewals).toEqual([]);
    expect(kinds(shown)).toEqual(['dead']);
    expect(watch.status().worst).toBe('dead');
  });
});
