import { describe, expect, it } from 'vitest';
import { tokenFingerprint } from '../../../src-main/core/monitor/fingerprint';
import type { KnownToken } from '../../../src-main/core/monitor/known-token';
import {
  botMemoryFor,
  emptyWatchMemory,
  freshBotMemory,
  keepOnlyBots,
  parseWatchMemory,
  rememberConfirmedFacts,
  withBot,
} from '../../../src-main/core/monitor/memory';
import { DAY, HOUR } from '../../../src-main/core/monitor/settings';

const T0 = Date.UTC(2026, 10, 1);
const known: KnownToken = { status: 'ok', lifetime: 'long_lived', neverExpires: false, expiresAt: T0 + 30 * DAY, checkedAt: T0 };

describe('tokenFingerprint', () => {
  const token = `EAAQ${'x'.repeat(180)}sBQJm`;

  it('is 16 hex digits, stable, and different for another token', () => {
    expect(tokenFingerprint(token)).toMatch(/^[0-9a-f]{16}$/);
    expect(tokenFingerprint(token)).toBe(tokenFingerprint(token));
    expect(tokenFingerprint(`${token}A`)).not.toBe(tokenFingerprint(token));
  });

  it('holds nothing of the token', () => {
    expect(token).not.toContain(tokenFingerprint(token));
    expect(tokenFingerprint(token)).not.toContain('EAA');
  });
});

describe('watch memory', () => {
  it('survives a JSON round trip', () => {
    const bot = { ...freshBotMemory('abcd'), known, thresholdsTold: [7 * DAY], autoRenew: { lastAttemptAt: T0, consecutiveFailures: 2 } };
    const memory = { ...withBot(emptyWatchMemory(), 'shop', bot), shownAt: [T0] };
    expect(parseWatchMemory(JSON.parse(JSON.stringify(memory)))).toEqual(memory);
  });

  it.each([undefined, null, 'garbage', { version: 2, bots: {}, shownAt: [] }, { version: 1, bots: { shop: { fingerprint: 3 } }, shownAt: [] }])(
    'starts empty from anything it cannot read (%j)',
    (raw) => {
      expect(parseWatchMemory(raw)).toEqual(emptyWatchMemory());
    },
  );

  it('starts with no bots and no notification shown', () => {
    expect(emptyWatchMemory()).toEqual({ version: 1, bots: {}, shownAt: [] });
    expect(parseWatchMemory('garbage')).toEqual({ version: 1, bots: {}, shownAt: [] });
  });

  it.each(['temporary', 'long_lived', 'never_expiring', 'unknown'] as const)('remembers a %s token across a restart', (lifetime) => {
    const memory = withBot(emptyWatchMemory(), 'shop', { ...freshBotMemory('fp'), known: { ...known, lifetime } });
    expect(parseWatchMemory(JSON.parse(JSON.stringify(memory)))).toEqual(memory);
  });

  it('gives a new token a clean slate', () => {
    const memory = withBot(emptyWatchMemory(), 'shop', { ...freshBotMemory('old'), known, deadTold: true });
    expect(botMemoryFor(memory, 'shop', 'old').deadTold).toBe(true);
    expect(botMemoryFor(memory, 'shop', 'new')).toEqual(freshBotMemory('new'));
  });

  it('keeps the last automatic attempt across tokens, so swapping tokens cannot make renewal loop', () => {
    const attempted = { ...freshBotMemory('old'), autoRenew: { lastAttemptAt: T0, consecutiveFailures: 3 } };
    const memory = withBot(emptyWatchMemory(), 'shop', attempted);
    expect(botMemoryFor(memory, 'shop', 'new').autoRenew).toEqual({ lastAttemptAt: T0, consecutiveFailures: 0 });
  });

  it('opens a new round of warnings when the expiry moves later, not when it stays', () => {
    const told = { ...freshBotMemory('fp'), known, thresholdsTold: [7 * DAY, DAY] };
    expect(rememberConfirmedFacts(told, { ...known, checkedAt: T0 + HOUR }).thresholdsTold).toEqual([7 * DAY, DAY]);
    expect(rememberConfirmedFacts(told, { ...known, expiresAt: T0 + 60 * DAY }).thresholdsTold).toEqual([]);
  });

  it('a new round also lets a failed automatic renewal be told again; a token now never expiring is a new round too', () => {
    const told = { ...freshBotMemory('fp'), known, thresholdsTold: [7 * DAY], autoRenewFailureTold: true };
    expect(rememberConfirmedFacts(told, { ...known, expiresAt: T0 + 60 * DAY })).toMatchObject({ thresholdsTold: [], autoRenewFailureTold: false });
    expect(rememberConfirmedFacts(told, { ...known, checkedAt: T0 + HOUR })).toMatchObject({ thresholdsTold: [7 * DAY], autoRenewFailureTold: true });
    const permanent = { ...known, lifetime: 'never_expiring' as const, neverExpires: true, expiresAt: null };
    expect(rememberConfirmedFacts(told, permanent)).toMatchObject({ thresholdsTold: [], autoRenewFailureTold: false });
  });

  it('an expiry Meta did not give for one check opens no new round when it comes back unchanged', () => {
    // Meta's debug_token may go unanswered (rate limit, a system-user token): the warnings already shown stay shown.
    const unknownExpiry = { ...known, expiresAt: null, checkedAt: T0 + HOUR };
    const told = { ...freshBotMemory('fp'), known: unknownExpiry, thresholdsTold: [7 * DAY], autoRenewFailureTold: true };
    expect(rememberConfirmedFacts(told, { ...known, checkedAt: T0 + 2 * HOUR })).toMatchObject({ thresholdsTold: [7 * DAY], autoRenewFailureTold: true });
  });

  it('forgets bots that are gone', () => {
    const memory = withBot(withBot(emptyWatchMemory(), 'a', freshBotMemory('1')), 'b', freshBotMemory('2'));
    expect(Object.keys(keepOnlyBots(memory, ['b']).bots)).toEqual(['b']);
  });
});
