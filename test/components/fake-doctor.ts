// An in-memory DoctorApi for component tests and the preview: the real contract wrapper (`makeDoctorApi`) and
// the real input validation (`dispatchCall`) around a fake service, so failures arrive as DoctorCallError
// exactly as from main, events flow through `on`, and every call is recorded for assertions.
import {
  makeDoctorApi,
  type AppInfo,
  type ApplyReport,
  type BotDetection,
  type BotView,
  type CallName,
  type Destination,
  type DoctorApi,
  type EventName,
  type Events,
  type SettingsView,
  type StepOutcome,
  type TokenVerdict,
} from '../../src-main/contract';
import { DoctorError } from '../../src-main/core/errors';
import type { Diagnosis } from '../../src-main/core/graph/types';
import { renewalOutlook, type RenewalOutlook } from '../../src-main/core/monitor/renewal-outlook';
import type { DoctorService } from '../../src-main/core/service/types';
import { dispatchCall } from '../../src-main/core/service/dispatch';
import { maskToken } from '../../src-main/core/token/mask';
import { checkTokenShape } from '../../src-main/core/token/shape';
import { BOT_LOG, makeBot, makeDiagnosis, sampleDetection, scenarioOf, type Scenario } from './fake-data';

export interface FakeDoctorOptions {
  bots?: BotView[];
  settings?: Partial<SettingsView>;
  appInfo?: Partial<AppInfo>;
  detection?: (folder: string) => BotDetection;
  pickedFolder?: string | null;
  /** The raw token each bot's .env holds now (by bot id), so pasting it again can be recognised. */
  botTokens?: Record<string, string>;
  /** What the clipboard holds (a raw token), for `offerClipboardToken`. */
  clipboard?: string | null;
  /** Wait before each answer, and between apply progress events. */
  delayMs?: number;
  /** Calls that fail with this code and sentence. */
  failures?: Partial<Record<CallName, { code: string; key: string }>>;
  /** Calls that never answer (to show loading states). */
  hang?: CallName[];
}

/** As main shows them: the bot's list, or its one .env line when the list is empty; paths relative to its folder. */
function destinationViews(destinations: Destination[] | undefined, bot: { folder: string; envFile: string; tokenVariable: string }) {
  const list: Destination[] = destinations?.length ? destinations : [{ kind: 'env', file: bot.envFile, variable: bot.tokenVariable }];
  const shown = (file: string) => (file.startsWith(`${bot.folder}/`) ? file.slice(bot.folder.length + 1) : file);
  return list.map((destination) => ({
    destination,
    label:
      destination.kind === 'command'
        ? `$ ${destination.command}`
        : `${shown(destination.file)}#${destination.kind === 'env' ? destination.variable : destination.keyPath}`,
  }));
}

export class FakeDoctor {
  readonly api: DoctorApi;
  readonly calls: { name: CallName; input: unknown }[] = [];
  bots: BotView[];
  settings: SettingsView;
  /** Tokens main received; the test checks they never come back to the renderer. */
  readonly receivedTokens: string[] = [];
  private readonly listeners = new Map<EventName, Set<(payload: unknown) => void>>();
  private readonly pending = new Map<string, { botId: string; scenario: Scenario; verdict: TokenVerdict }>();
  private readonly previous = new Map<string, BotView>();
  /** What "follow the system" means here: the language the fake started in. */
  private readonly systemLanguage: SettingsView['effectiveLanguage'];

  constructor(private readonly options: FakeDoctorOptions = {}) {
    this.bots = structuredClone(options.bots ?? []);
    this.settings = {
      language: null,
      effectiveLanguage: 'en',
      launchAtLogin: false,
      launchAtLoginAsked: false,
      checkIntervalHours: 6,
      autoRenewLeadDays: 7,
      autoRenew: false,
      appCredentials: null,
      ...options.settings,
    };
    this.systemLanguage = this.settings.effectiveLanguage;
    // As main does for every bot it lists: what happens next to its token, unless the test set it.
    this.bots = this.bots.map((bot) => (bot.renewal === null && bot.lastDiagnosis ? { ...bot, renewal: this.outlook(bot.lastDiagnosis) } : bot));
    const service = this.service();
    this.api = makeDoctorApi({
      invoke: async (name, input) => {
        this.calls.push({ name, input });
        if (options.hang?.includes(name)) return new Promise(() => {});
        await this.wait();
        const failure = options.failures?.[name];
        if (failure) return { ok: false, error: { code: failure.code, message: { key: failure.key } } };
        return dispatchCall(service, name, input);
      },
      subscribe: (event, listener) => {
        const set = this.listeners.get(event) ?? new Set();
        set.add(listener);
        this.listeners.set(event, set);
        return () => set.delete(listener);
      },
    });
  }

  emit<E extends EventName>(event: E, payload: Events[E]): void {
    for (const listener of this.listeners.get(event) ?? []) listener(structuredClone(payload));
  }

  callsTo(name: CallName): unknown[] {
    return this.calls.filter((call) => call.name === name).map((call) => call.input);
  }

  private wait(): Promise<void> {
    const ms = this.options.delayMs ?? 0;
    return new Promise((resolve) => setTimeout(resolve, ms));
  }

  private bot(id: string): BotView {
    const bot = this.bots.find((known) => known.id === id);
    if (!bot) throw new DoctorError('bot_not_found', { key: 'common:errors.internal' }, `no bot ${id}`);
    return bot;
  }

  /** What main would say happens next to a token, from this fake's settings (the real rule, not a copy). */
  outlook(diagnosis: Diagnosis): RenewalOutlook | null {
    const settings = { autoRenew: this.settings.autoRenew, autoRenewLeadMs: this.settings.autoRenewLeadDays * 86_400_000, hasAppCredentials: this.settings.appCredentials !== null };
    return renewalOutlook(diagnosis, settings, Date.now());
  }

  private save(bot: BotView): BotView {
    this.bots = this.bots.map((known) => (known.id === bot.id ? bot : known));
    return structuredClone(bot);
  }

  private verdictFor(botId: string, token: string): TokenVerdict {
    const scenario = scenarioOf(token);
    const pendingId = `pending-${this.pending.size + 1}`;
    const status = scenario === 'missingScopes' ? 'missing_permissions' : scenario === 'wrongAccount' ? 'wrong_account' : 'ok';
    const expiresAt = new Date(Date.now() + 20 * 3_600_000).toISOString();
    const diagnosis =
      scenario === 'temporary'
        ? makeDiagnosis('expiring_soon', {
            tokenLifetime: 'temporary',
            expiresAt,
            summary: { key: 'diagnosis:summary.expiring_soon.hours', params: { date: expiresAt, count: 20 } },
          })
        : scenario === 'sixtyDay'
          ? makeDiagnosis('ok', {
              tokenLifetime: 'unknown',
              neverExpires: false,
              expiryUnknownReason: 'needs_app_credentials',
              summary: { key: 'diagnosis:summary.ok.expiry_needs_app_credentials' },
              warnings: [{ key: 'diagnosis:warning.expiry_needs_app_credentials' }],
            })
          : makeDiagnosis(status);
    const sameAsBot = this.options.botTokens?.[botId] === token;
    const verdict: TokenVerdict = {
      pendingId,
      masked: maskToken(token),
      diagnosis: { ...diagnosis, token: maskToken(token) },
      acceptable: status === 'ok' && !sameAsBot,
      sameAsBot,
      renewal: this.outlook(diagnosis),
    };
    this.pending.set(pendingId, { botId, scenario, verdict });
    return verdict;
  }

  /** Emits the pipeline's progress as main does: a snapshot of every line each time one changes. */
  private async runPipeline(bot: BotView, fails: 'restart' | null): Promise<StepOutcome[]> {
    const lines: StepOutcome[] = [
      { step: 'validate', state: 'pending', target: null, message: null },
      { step: 'keychain', state: 'pending', target: null, message: null },
      ...bot.destinations.map((view): StepOutcome => ({ step: 'write', state: 'pending', target: view.label, message: null })),
      { step: 'restart', state: 'pending', target: null, message: null },
      { step: 'verify', state: 'pending', target: null, message: null },
    ];
    const outcomes: Partial<Record<StepOutcome['step'], Pick<StepOutcome, 'state' | 'message'>>> = {
      keychain: { state: 'done', message: { key: 'renew:keychain.stored' } },
      restart: fails ? { state: 'failed', message: { key: 'renew:restart.failed' } } : { state: 'done', message: { key: 'renew:restart.done' } },
      verify: fails ? { state: 'skipped', message: { key: 'renew:skipped.nothingWritten' } } : { state: 'done', message: { key: 'renew:verify.healthy' } },
    };
    let stopped = false;
    for (const line of lines) {
      if (stopped) {
        line.state = 'skipped';
        continue;
      }
      line.state = 'running';
      this.emit('applyProgress', { botId: bot.id, steps: lines });
      await this.wait();
      const outcome = outcomes[line.step] ?? { state: 'done', message: null };
      line.state = outcome.state;
      line.message = outcome.message;
      if (line.state === 'failed') stopped = true;
    }
    this.emit('applyProgress', { botId: bot.id, steps: lines });
    return structuredClone(lines);
  }

  private service(): DoctorService {
    const options = this.options;
    return {
      getAppInfo: async () => ({ version: '0.1.0', platform: 'linux', keychain: { available: true, message: null }, ...options.appInfo }),
      listBots: async () => structuredClone(this.bots),
      pickBotFolder: async () => (options.pickedFolder === undefined ? '/home/ayse/bots/tevkil_proje' : options.pickedFolder),
      detectBot: async ({ folder }) => (options.detection ?? sampleDetection)(folder),
      connectBot: async ({ destinations, ...input }) => {
        const id = input.name.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'bot';
        const bot = makeBot({
          ...input,
          id,
          destinations: destinationViews(destinations, input),
          lastDiagnosis: null,
          lastCheckedAt: null,
          maskedToken: 'EAAQ…sBQJm',
        });
        this.bots = [...this.bots, bot];
        return structuredClone(bot);
      },
      updateBot: async ({ id, destinations, ...fields }) => {
        const bot = { ...this.bot(id), ...fields };
        return this.save(destinations ? { ...bot, destinations: destinationViews(destinations, bot) } : bot);
      },
      removeBot: async ({ id }) => {
        this.bots = this.bots.filter((bot) => bot.id !== id);
        return structuredClone(this.bots);
      },
      diagnoseBot: async ({ id }) => {
        const bot = this.bot(id);
        return this.save({ ...bot, lastCheckedAt: new Date().toISOString(), lastDiagnosis: bot.lastDiagnosis ?? makeDiagnosis('ok') });
      },
      checkTokenShape: async ({ token }) => {
        const shape = checkTokenShape(token);
        return shape.ok
          ? { ok: true, problem: null, masked: shape.masked, length: shape.length }
          : { ok: false, problem: shape.problem, masked: null, length: shape.length };
      },
      offerClipboardToken: async () => {
        const shape = options.clipboard ? checkTokenShape(options.clipboard) : null;
        return shape?.ok ? { offerId: 'clipboard-1', masked: shape.masked } : null;
      },
      submitToken: async (input) => {
        const token = 'token' in input ? input.token : options.clipboard ?? '';
        this.receivedTokens.push(token);
        const shape = checkTokenShape(token);
        if (!shape.ok) throw new DoctorError('malformed_token', { key: `diagnosis:summary.malformed.${shape.problem}` }, 'bad shape');
        return this.verdictFor(input.botId, shape.token);
      },
      applyToken: async ({ botId, pendingId }) => {
        const pending = this.pending.get(pendingId);
        if (!pending || pending.botId !== botId) throw new DoctorError('pending_expired', { key: 'common:errors.internal' }, 'no pending');
        const bot = this.bot(botId);
        this.previous.set(botId, structuredClone(bot));
        const fails = pending.scenario === 'restartFails' ? 'restart' : null;
        const steps = await this.runPipeline(bot, fails);
        const updated = this.save({
          ...bot,
          maskedToken: pending.verdict.masked,
          lastDiagnosis: pending.verdict.diagnosis,
          lastCheckedAt: new Date().toISOString(),
          canRollBack: true,
          process: fails ? { state: 'stopped', pids: [] } : { state: 'running', pids: [5151] },
        });
        const report: ApplyReport = { ok: !fails, steps, bot: updated, logExcerpt: fails ? BOT_LOG : null };
        return report;
      },
      restartBot: async ({ id }) => ({ ok: true, message: { key: 'renew:restart.done' }, bot: this.bot(id), logExcerpt: null }),
      rollBackBot: async ({ id }) => {
        const previous = this.previous.get(id) ?? this.bot(id);
        const restored = this.save({ ...previous, canRollBack: false });
        return { ok: true, message: { key: 'envfile:backup.restored', params: { path: restored.envFile } }, bot: restored, logExcerpt: null };
      },
      sendTestMessage: async ({ to }) =>
        to.replace(/\D/g, '').endsWith('999')
          ? {
              ok: false,
              message: { key: 'diagnosis:test_message.recipient_not_allowed', params: { to } },
              fix: { key: 'diagnosis:test_message.fix_recipient_not_allowed', params: { to } },
              messageId: null,
            }
          : { ok: true, message: { key: 'diagnosis:test_message.sent', params: { to } }, fix: null, messageId: 'wamid.HBgLMTY1MDI' },
      readBotLog: async () => BOT_LOG,
      findBotProcesses: async ({ id }) => [
        { pid: 4242, command: 'python run_flask.py', cwd: this.bot(id).folder },
        { pid: 4243, command: 'python -m celery worker', cwd: this.bot(id).folder },
      ],
      stopBotProcesses: async ({ id }) => ({
        ok: true,
        message: { key: 'renew:restart.byOwner' },
        bot: this.save({ ...this.bot(id), process: { state: 'stopped', pids: [] } }),
        logExcerpt: null,
      }),
      fixGitignore: async ({ id }) => this.save({ ...this.bot(id), gitignore: { repository: true, ignored: true } }),
      openMetaPage: async () => undefined,
      getSettings: async () => structuredClone(this.settings),
      updateSettings: async (patch) => {
        const language = patch.language === undefined ? this.settings.language : patch.language;
        this.settings = { ...this.settings, ...patch, language, effectiveLanguage: language ?? this.systemLanguage };
        return structuredClone(this.settings);
      },
      submitAppCredentials: async ({ botId, pendingId, appId, appSecret }) => {
        const pending = this.pending.get(pendingId);
        if (!pending || pending.botId !== botId) throw new DoctorError('pending_expired', { key: 'common:errors.internal' }, 'no pending');
        if (appSecret.startsWith('wrong')) throw new DoctorError('app_credentials_rejected', { key: 'service:errors.appCredentialsRejected' }, 'rejected');
        if (appSecret.startsWith('other')) throw new DoctorError('app_credentials_other_app', { key: 'service:errors.appCredentialsOtherApp' }, 'other app');
        this.settings = { ...this.settings, appCredentials: { appId } };
        this.emit('settingsChanged', structuredClone(this.settings));
        // Asked as the app, a 60-day system-user token shows its real expiry.
        const expiresAt = new Date(Date.now() + 60 * 86_400_000).toISOString();
        const diagnosis = makeDiagnosis('ok', {
          tokenType: 'system_user',
          tokenLifetime: 'long_lived',
          neverExpires: false,
          expiresAt,
          token: pending.verdict.masked,
          summary: { key: 'diagnosis:summary.ok.until', params: { date: expiresAt, count: 60 } },
        });
        pending.verdict = { ...pending.verdict, diagnosis, acceptable: true, renewal: this.outlook(diagnosis) };
        return structuredClone(pending.verdict);
      },
      setAppCredentials: async ({ appId, appSecret }) => {
        if (appSecret.startsWith('wrong')) throw new DoctorError('app_credentials_rejected', { key: 'service:errors.appCredentialsRejected' }, 'rejected');
        this.settings = { ...this.settings, appCredentials: { appId } };
        return structuredClone(this.settings);
      },
      clearAppCredentials: async () => {
        this.settings = { ...this.settings, appCredentials: null };
        return structuredClone(this.settings);
      },
      extendToken: async ({ botId }) => {
        const bot = this.bot(botId);
        const expiresAt = new Date(Date.now() + 60 * 86_400_000).toISOString();
        const steps = await this.runPipeline(bot, null);
        const lastDiagnosis = makeDiagnosis('ok', {
          tokenLifetime: 'long_lived',
          neverExpires: false,
          expiresAt,
          summary: { key: 'diagnosis:summary.ok.until', params: { date: expiresAt, count: 60 } },
        });
        const updated = this.save({ ...bot, lastDiagnosis });
        return { ok: true, steps, bot: updated, logExcerpt: null };
      },
    };
  }
}
