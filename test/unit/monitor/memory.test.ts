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

  it('forgets bots that are gone', () => {
    const memory = withBot(withBot(emptyWatchMemory(), 'a', freshBotMemory('1')), 'b', freshBotMemory('2'));
    expect(Object.keys(keepOnlyBots(memory, ['b']).bots)).toEqual(['b']);
  });
});
