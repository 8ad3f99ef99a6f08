// The expiry watch's thin timer: checks each bot when it is due, renews automatically where allowed, shows
// what decideNotifications says, and tells the tray. All decisions live in the pure modules beside it.
import type { Diagnosis } from '../graph/types';
import { decideAutoRenew } from './auto-renew';
import { renewalOutlook } from './renewal-outlook';
import { healthOf, worstHealth } from './health';
import { knownFromDiagnosis, reachedMeta } from './known-token';
import {
  botMemoryFor,
  emptyWatchMemory,
  keepOnlyBots,
  parseWatchMemory,
  rememberConfirmedFacts,
  withBot,
  type WatchMemory,
} from './memory';
import { decideNotifications, type BotRoundOutcome } from './notifications';
import { planNextCheck, timerDelay } from './schedule';
import { MIN_CHECK_GAP_MS, RECHECK_DEBOUNCE_MS, resolveSettings, type WatchSettings } from './settings';
import type { BotWatchStatus, WatchDependencies, WatchStatus, WatchedBot } from './watch-types';

interface BotState {
  bot: WatchedBot;
  latest: Diagnosis | null;
  lastCheckedAt: number | null;
  consecutiveFailures: number;
  /** Infinity while the bot is queued or being checked. */
  nextCheckAt: number;
  autoRenewRetryAt: number | null;
}

type RecheckScope = 'all' | 'unanswered';

export class Watch {
  private settings: WatchSettings;
  private memory: WatchMemory = emptyWatchMemory();
  private readonly bots = new Map<string, BotState>();
  /** Bots in a queued or running round: never queued twice. */
  private readonly pending = new Set<string>();
  private rounds: Promise<void> = Promise.resolve();
  /** Saves run one after another, so an older memory never lands after a newer one. */
  private saves: Promise<unknown> = Promise.resolve();
  private timer: unknown = null;
  private recheckTimer: unknown = null;
  private recheckScope: RecheckScope | null = null;
  private started = false;
  private stopped = false;

  constructor(
    private readonly deps: WatchDependencies,
    settings: Partial<WatchSettings> = {},
  ) {
    this.settings = resolveSettings(settings);
  }

  /** Loads the memory and checks every bot at once (a check on start is part of the design). */
  async start(): Promise<void> {
    try {
      this.memory = parseWatchMemory(await this.deps.load());
    } catch (error) {
      this.deps.onError?.(error);
    }
    this.memory = keepOnlyBots(this.memory, [...this.bots.keys()]);
    this.started = true;
    this.reschedule();
    this.emitStatus();
  }

  /** The connected bots changed (added, removed, renamed, or given a new token, which starts afresh). */
  setBots(bots: readonly WatchedBot[]): void {
    const ids = new Set(bots.map((bot) => bot.id));
    for (const id of [...this.bots.keys()]) if (!ids.has(id)) this.bots.delete(id);
    for (const bot of bots) {
      const state = this.bots.get(bot.id);
      if (state && state.bot.tokenFingerprint === bot.tokenFingerprint) state.bot = bot;
      else this.bots.set(bot.id, freshState(bot, this.deps.clock.now()));
    }
    if (this.started) this.memory = keepOnlyBots(this.memory, [...ids]);
    this.reschedule();
    this.emitStatus();
  }

  updateSettings(settings: Partial<WatchSettings>): void {
    const gotAppCredentials = settings.hasAppCredentials === true && !this.settings.hasAppCredentials;
    this.settings = resolveSettings({ ...this.settings, ...settings });
    // Asked as the app, a system-user token shows its expiry at last (and a 60-day one can renew itself): look now.
    if (gotAppCredentials && this.started) this.requestRecheck('all');
    const now = this.deps.clock.now();
    for (const state of this.bots.values()) if (!this.pending.has(state.bot.id)) this.plan(state, now);
    this.reschedule();
  }

  /** "Check now" from the tray or the dashboard: at once, no debounce; resolves when done. */
  checkNow(botId?: string): Promise<void> {
    const ids = botId === undefined ? [...this.bots.keys()] : [botId].filter((id) => this.bots.has(id));
    return this.enqueueRound(ids);
  }

  /** Back from sleep: every bot may have crossed a threshold while the timers slept. */
  onResume(): void {
    this.requestRecheck('all');
  }

  /** Back online: re-check the bots whose last check could not reach Meta. */
  onNetworkRegained(): void {
    this.requestRecheck('unanswered');
  }

  status(): WatchStatus {
    const now = this.deps.clock.now();
    const bots = [...this.bots.values()].map((state): BotWatchStatus => {
      const known = botMemoryFor(this.memory, state.bot.id, state.bot.tokenFingerprint).known;
      return {
        botId: state.bot.id,
        name: state.bot.name,
        health: healthOf(state.latest, known, now, Math.max(0, ...this.settings.thresholdsMs)),
        diagnosis: state.latest,
        lastCheckedAt: state.lastCheckedAt,
        nextCheckAt: Number.isFinite(state.nextCheckAt) ? state.nextCheckAt : null,
        expiresAt: known?.expiresAt ?? null,
        renewal: renewalOutlook(state.latest, this.settings, now),
      };
    });
    return { worst: worstHealth(bots.map((bot) => bot.health)), bots };
  }

  /** Stops every timer and waits for a round under way; nothing is shown or started after this. */
  async stop(): Promise<void> {
    this.stopped = true;
    for (const handle of [this.timer, this.recheckTimer]) if (handle !== null) this.deps.clock.clearTimeout(handle);
    this.timer = null;
    this.recheckTimer = null;
    await this.rounds;
  }

  private requestRecheck(scope: RecheckScope): void {
    if (this.stopped) return;
    this.recheckScope = this.recheckScope === 'all' ? 'all' : scope;
    if (this.recheckTimer !== null) return;
    this.recheckTimer = this.deps.clock.setTimeout(() => {
      const wanted = this.recheckScope;
      this.recheckTimer = null;
      this.recheckScope = null;
      const now = this.deps.clock.now();
      for (const state of this.bots.values()) {
        const answered = state.latest !== null && reachedMeta(state.latest);
        if (this.pending.has(state.bot.id) || (wanted === 'unanswered' && answered)) continue;
        const earliest = state.lastCheckedAt === null ? now : Math.max(now, state.lastCheckedAt + MIN_CHECK_GAP_MS);
        state.nextCheckAt = Math.min(state.nextCheckAt, earliest);
      }
      this.reschedule();
    }, RECHECK_DEBOUNCE_MS);
  }

  /**
   * Starts a round for the bots that are due and sets one timer for the next one; a wake-up beyond Node's
   * limit takes several timers, re-planned each time. Bots in a round are planned again when it ends.
   */
  private reschedule(): void {
    if (this.timer !== null) this.deps.clock.clearTimeout(this.timer);
    this.timer = null;
    if (!this.started || this.stopped) return;
    const now = this.deps.clock.now();
    const waiting = [...this.bots.values()].filter((state) => !this.pending.has(state.bot.id));
    const due = waiting.filter((state) => state.nextCheckAt <= now).map((state) => state.bot.id);
    if (due.length > 0) void this.enqueueRound(due);
    const wakeAt = Math.min(...waiting.map((state) => state.nextCheckAt));
    if (Number.isFinite(wakeAt)) this.timer = this.deps.clock.setTimeout(() => this.reschedule(), timerDelay(wakeAt, now));
  }

  private enqueueRound(botIds: readonly string[]): Promise<void> {
    const ids = botIds.filter((id) => !this.pending.has(id));
    if (!this.started || this.stopped || ids.length === 0) return this.rounds;
    for (const id of ids) {
      this.pending.add(id);
      const state = this.bots.get(id);
      if (state) state.nextCheckAt = Infinity;
    }
    this.rounds = this.rounds.then(() => this.runRound(ids)).catch((error: unknown) => this.deps.onError?.(error));
    return this.rounds;
  }

  private async runRound(ids: readonly string[]): Promise<void> {
    const targets = ids.flatMap((id) => this.bots.get(id) ?? []);
    try {
      const outcomes = await Promise.all(targets.map((state) => this.checkBot(state)));
      if (!this.stopped) {
        const decision = decideNotifications(
          outcomes.filter((outcome): outcome is BotRoundOutcome => outcome !== null),
          this.memory,
          this.deps.clock.now(),
          this.settings,
        );
        this.memory = decision.memory;
        await this.persist();
        for (const notification of decision.notifications) await this.call(() => this.deps.notify(notification));
      }
    } finally {
      for (const id of ids) this.pending.delete(id);
      const now = this.deps.clock.now();
      for (const state of targets) if (this.bots.get(state.bot.id) === state) this.plan(state, now);
      this.reschedule();
      this.emitStatus();
    }
  }

  /** Checks one bot and, when decideAutoRenew allows, renews it. null: the bot changed meanwhile. */
  private async checkBot(state: BotState): Promise<BotRoundOutcome | null> {
    const { id, tokenFingerprint } = state.bot;
    const diagnosis = await this.call(() => this.deps.check(id));
    if (this.bots.get(id) !== state) return null;
    const now = this.deps.clock.now();
    const answered = diagnosis !== undefined && reachedMeta(diagnosis);
    state.latest = diagnosis ?? null;
    state.lastCheckedAt = now;
    state.consecutiveFailures = answered ? 0 : state.consecutiveFailures + 1;
    let bot = botMemoryFor(this.memory, id, tokenFingerprint);
    if (answered) bot = rememberConfirmedFacts(bot, knownFromDiagnosis(diagnosis, now));
    this.memory = withBot(this.memory, id, bot);

    const outcome: BotRoundOutcome = { botId: id, botName: state.bot.name, tokenFingerprint, latest: state.latest, autoRenew: null };
    const renewal = decideAutoRenew({ now, known: bot.known, lastCheckReachedMeta: answered, memory: bot.autoRenew }, this.settings);
    state.autoRenewRetryAt = renewal.attempt ? null : renewal.retryAt;
    if (!renewal.attempt || this.stopped) return outcome;

    // Recorded before trying, so that a crash or a quit half-way still counts against the daily limit.
    this.memory = withBot(this.memory, id, { ...bot, autoRenew: { ...bot.autoRenew, lastAttemptAt: now } });
    await this.persist();
    const result = (await this.call(() => this.deps.autoRenew(id))) ?? { ok: false };
    if (this.bots.get(id) !== state) return null;
    const attempted = botMemoryFor(this.memory, id, tokenFingerprint);
    if (!result.ok) {
      const failures = attempted.autoRenew.consecutiveFailures + 1;
      this.memory = withBot(this.memory, id, { ...attempted, autoRenew: { ...attempted.autoRenew, consecutiveFailures: failures } });
      return { ...outcome, autoRenew: 'failed' };
    }
    const renewed =
      result.tokenFingerprint === tokenFingerprint
        ? { ...attempted, autoRenew: { ...attempted.autoRenew, consecutiveFailures: 0 } }
        : botMemoryFor(this.memory, id, result.tokenFingerprint);
    this.memory = withBot(this.memory, id, renewed);
    // The new token has not been checked yet: a fresh state is due at once and confirms its new expiry.
    this.bots.set(id, freshState({ ...state.bot, tokenFingerprint: result.tokenFingerprint }, now));
    return { ...outcome, tokenFingerprint: result.tokenFingerprint, autoRenew: 'renewed' };
  }

  private plan(state: BotState, now: number): void {
    const { known } = botMemoryFor(this.memory, state.bot.id, state.bot.tokenFingerprint);
    state.nextCheckAt = planNextCheck(
      {
        now,
        lastCheckedAt: state.lastCheckedAt,
        consecutiveFailures: state.consecutiveFailures,
        known,
        alsoAt: state.autoRenewRetryAt,
      },
      this.settings,
    );
  }

  private persist(): Promise<unknown> {
    const memory = this.memory;
    this.saves = this.saves.then(() => this.call(() => this.deps.save(memory)));
    return this.saves;
  }

  /** Runs an injected function; its failure is reported and read as "no result", never stops the watch. */
  private async call<T>(run: () => T | Promise<T>): Promise<T | undefined> {
    try {
      return await run();
    } catch (error) {
      this.deps.onError?.(error);
      return undefined;
    }
  }

  private emitStatus(): void {
    if (this.started && this.deps.onStatus) this.deps.onStatus(this.status());
  }
}

function freshState(bot: WatchedBot, now: number): BotState {
  return { bot, latest: null, lastCheckedAt: null, consecutiveFailures: 0, nextCheckAt: now, autoRenewRetryAt: null };
}
