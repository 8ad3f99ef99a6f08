// Runs a Watch on a fake clock against a scripted Meta, recording what it checks, shows, renews, saves and reports.
// Every watch started here is stopped after its test.
import { afterEach } from 'vitest';
import type { Diagnosis } from '../../../src-main/core/graph/types';
import type { WatchMemory } from '../../../src-main/core/monitor/memory';
import type { WatchNotification } from '../../../src-main/core/monitor/notification-messages';
import type { WatchSettings } from '../../../src-main/core/monitor/settings';
import { Watch } from '../../../src-main/core/monitor/watch';
import type { AutoRenewResult, WatchStatus, WatchedBot } from '../../../src-main/core/monitor/watch-types';
import { FakeClock } from '../../support/fake-clock';

export const T0 = Date.UTC(2026, 10, 1);

export interface HarnessOptions {
  bots: WatchedBot[];
  /** What Meta says about a bot's token at a moment (the fingerprint tells which token it is); may throw. */
  meta: (bot: WatchedBot, now: number) => Diagnosis | Promise<Diagnosis>;
  autoRenew?: (botId: string, now: number) => AutoRenewResult | Promise<AutoRenewResult>;
  settings?: Partial<WatchSettings>;
  memory?: WatchMemory;
  /** Keep what the watch reports through onError instead of failing the test with it. */
  collectErrors?: boolean;
  /** Replaces reading the saved memory. */
  load?: () => unknown;
  /** Without a status listener (the CLI's watch has none). */
  withoutStatus?: boolean;
  /** Without an error listener: failures are then only absorbed. */
  withoutErrorListener?: boolean;
  /** Called with each status after it is recorded (it may throw, as a closed window's listener would). */
  onStatus?: (status: WatchStatus) => void;
  /** Only construct the watch and give it its bots; the test starts it. */
  unstarted?: boolean;
}

const running: Watch[] = [];
afterEach(async () => {
  await Promise.all(running.splice(0).map((watch) => watch.stop()));
});

export async function startWatch(options: HarnessOptions) {
  const clock = new FakeClock(T0);
  const bots = new Map(options.bots.map((bot) => [bot.id, bot]));
  const checks: { botId: string; at: number }[] = [];
  const shown: { at: number; notification: WatchNotification }[] = [];
  const renewals: { botId: string; at: number }[] = [];
  const statuses: WatchStatus[] = [];
  const errors: unknown[] = [];
  const saves: number[] = [];
  let saved: unknown = options.memory;
  const watch = new Watch(
    {
      clock,
      check: async (botId) => {
        checks.push({ botId, at: clock.now() });
        const bot = bots.get(botId);
        if (!bot) throw new Error(`no bot ${botId}`);
        return options.meta(bot, clock.now());
      },
      notify: (notification) => {
        shown.push({ at: clock.now(), notification });
      },
      autoRenew: async (botId) => {
        renewals.push({ botId, at: clock.now() });
        const result = (await options.autoRenew?.(botId, clock.now())) ?? { ok: false };
        const bot = bots.get(botId);
        if (result.ok && bot) bots.set(botId, { ...bot, tokenFingerprint: result.tokenFingerprint });
        return result;
      },
      load: options.load ?? (() => saved),
      save: (memory) => {
        saves.push(clock.now());
        saved = JSON.parse(JSON.stringify(memory));
      },
      ...(options.withoutStatus
        ? {}
        : {
            onStatus: (status: WatchStatus) => {
              statuses.push(status);
              options.onStatus?.(status);
            },
          }),
      ...(options.withoutErrorListener
        ? {}
        : {
            onError: (error: unknown) => {
              if (!options.collectErrors) throw error;
              errors.push(error);
            },
          }),
    },
    options.settings,
  );
  running.push(watch);
  watch.setBots(options.bots);
  if (!options.unstarted) {
    await watch.start();
    await clock.advance(0);
  }
  return { watch, clock, checks, shown, renewals, statuses, errors, saves, saved: () => saved as WatchMemory, bots };
}

export const shop: WatchedBot = { id: 'shop', name: 'Shop bot', tokenFingerprint: 'fp-1' };
export const cafe: WatchedBot = { id: 'cafe', name: 'Cafe', tokenFingerprint: 'fp-c' };
export const kinds = (shown: { notification: WatchNotification }[]) => shown.map((s) => s.notification.kind);

/** A promise the test settles when it wants: a check still under way. */
export function deferred<T>(): { promise: Promise<T>; resolve: (value: T) => void } {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((settle) => (resolve = settle));
  return { promise, resolve };
}
