// Connected bots and everything the dashboard can do to one of them. Main is the source of truth: every
// answer replaces the bot it is about, and `botsChanged` replaces the whole list.
import { createStore } from 'zustand/vanilla';
import type { ActionReport, ApplyReport, BotView, CallInput, DoctorApi, UserMessage } from '../../src-main/contract';
import { outcomeOf, type Outcome } from './outcome';
import { toUserMessage } from './user-message';

export type BotAction = 'diagnose' | 'restart' | 'stopProcesses' | 'rollBack' | 'remove' | 'extend' | 'fixGitignore';

/** The result of the last action on a bot, shown on its card until the next one. */
export interface BotNotice {
  tone: 'success' | 'error';
  message: UserMessage;
  logExcerpt: string | null;
  /** A short confirmation (a check ended) shown as one line, not a box to dismiss. */
  quiet?: boolean;
}

/** What "Check now" leaves behind: the card's state changed (or not), and now the owner knows it was checked. */
const CHECKED: BotNotice = { tone: 'success', message: { key: 'dashboard:notices.checked' }, logExcerpt: null, quiet: true };

export interface BotsState {
  bots: BotView[];
  loadState: 'loading' | 'ready' | 'error';
  loadError: UserMessage | null;
  busy: Partial<Record<string, BotAction>>;
  notices: Partial<Record<string, BotNotice>>;
  load(): Promise<void>;
  receive(bots: BotView[]): void;
  /** One bot changed elsewhere (a renewal in the wizard): replace it in the list. */
  receiveBot(bot: BotView): void;
  connect(input: CallInput<'connectBot'>): Promise<Outcome<BotView>>;
  update(input: CallInput<'updateBot'>): Promise<Outcome<BotView>>;
  diagnose(id: string): Promise<void>;
  restart(id: string): Promise<void>;
  /** Stops only the processes the owner ticked (a bot they start themselves). */
  stopProcesses(id: string, pids: number[]): Promise<void>;
  rollBack(id: string): Promise<void>;
  extend(id: string): Promise<void>;
  fixGitignore(id: string): Promise<void>;
  remove(id: string): Promise<void>;
  dismissNotice(id: string): void;
}

function withBot(bots: BotView[], bot: BotView): BotView[] {
  return bots.some((known) => known.id === bot.id)
    ? bots.map((known) => (known.id === bot.id ? bot : known))
    : [...bots, bot];
}

/** An extension succeeded when every step did; otherwise the first failed step says why. */
function extendNotice(report: ApplyReport): BotNotice {
  if (report.ok) {
    const expiresAt = report.bot.lastDiagnosis?.expiresAt;
    return {
      tone: 'success',
      message: expiresAt
        ? { key: 'dashboard:notices.extendedUntil', params: { date: expiresAt } }
        : { key: 'dashboard:notices.extended' },
      logExcerpt: report.logExcerpt,
    };
  }
  const failed = report.steps.find((step) => step.state === 'failed');
  return {
    tone: 'error',
    message: failed?.message ?? { key: 'dashboard:notices.extendFailed' },
    logExcerpt: report.logExcerpt,
  };
}

export function createBotsStore(doctor: DoctorApi) {
  return createStore<BotsState>()((set, get) => {
    /** Runs one action on one bot: marks it busy, and turns a thrown error into a notice on its card. */
    async function act(id: string, action: BotAction, run: () => Promise<BotNotice | null>): Promise<void> {
      set((state) => ({ busy: { ...state.busy, [id]: action }, notices: { ...state.notices, [id]: undefined } }));
      let notice: BotNotice | null;
      try {
        notice = await run();
      } catch (error) {
        notice = { tone: 'error', message: toUserMessage(error), logExcerpt: null };
      }
      set((state) => ({ busy: { ...state.busy, [id]: undefined }, notices: { ...state.notices, [id]: notice ?? undefined } }));
    }

    const replace = (bot: BotView) => set((state) => ({ bots: withBot(state.bots, bot) }));

    function reportNotice(report: ActionReport): BotNotice {
      replace(report.bot);
      return { tone: report.ok ? 'success' : 'error', message: report.message, logExcerpt: report.logExcerpt };
    }

    return {
      bots: [],
      loadState: 'loading',
      loadError: null,
      busy: {},
      notices: {},

      async load() {
        set({ loadState: 'loading', loadError: null });
        try {
          set({ bots: await doctor.listBots(), loadState: 'ready' });
        } catch (error) {
          set({ loadState: 'error', loadError: toUserMessage(error) });
        }
      },

      receive(bots) {
        set({ bots, loadState: 'ready', loadError: null });
      },

      receiveBot: replace,

      async connect(input) {
        const outcome = await outcomeOf(doctor.connectBot(input));
        if (outcome.ok) replace(outcome.value);
        return outcome;
      },

      async update(input) {
        const outcome = await outcomeOf(doctor.updateBot(input));
        if (outcome.ok) replace(outcome.value);
        return outcome;
      },

      diagnose: (id) =>
        act(id, 'diagnose', async () => {
          replace(await doctor.diagnoseBot({ id }));
          return CHECKED;
        }),

      restart: (id) => act(id, 'restart', async () => reportNotice(await doctor.restartBot({ id }))),

      stopProcesses: (id, pids) =>
        act(id, 'stopProcesses', async () => reportNotice(await doctor.stopBotProcesses({ id, pids }))),

      rollBack: (id) => act(id, 'rollBack', async () => reportNotice(await doctor.rollBackBot({ id }))),

      extend: (id) =>
        act(id, 'extend', async () => {
          const report = await doctor.extendToken({ botId: id });
          replace(report.bot);
          return extendNotice(report);
        }),

      fixGitignore: (id) =>
        act(id, 'fixGitignore', async () => {
          replace(await doctor.fixGitignore({ id }));
          return { tone: 'success', message: { key: 'dashboard:notices.gitignoreFixed' }, logExcerpt: null };
        }),

      remove: (id) =>
        act(id, 'remove', async () => {
          set({ bots: await doctor.removeBot({ id }) });
          return null;
        }),

      dismissNotice(id) {
        if (get().notices[id]) set((state) => ({ notices: { ...state.notices, [id]: undefined } }));
      },
    };
  });
}
