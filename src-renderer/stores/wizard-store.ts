// The renewal wizard for one bot: path and step, the pasted token's shape, Meta's verdict, the apply progress and
// its outcome. The pasted token is only ever an argument: after submit the store holds `pendingId` and masks.
import { createStore } from 'zustand/vanilla';
import type {
  ActionReport,
  ApplyReport,
  BotView,
  ClipboardOffer,
  DoctorApi,
  Events,
  StepOutcome,
  TestMessageResult,
  TokenShapeView,
  TokenVerdict,
  UserMessage,
} from '../../src-main/contract';
import { toUserMessage } from './user-message';

export type WizardPath = 'permanent' | 'temporary';
export type WizardStage = 'choose' | 'guide' | 'paste' | 'verdict' | 'applying' | 'success' | 'failure';

/** The guided steps of each path, in order; the wizard's screens give each id its words and picture. */
export const GUIDE_STEPS = {
  permanent: ['systemUsers', 'addSystemUser', 'assignAssets', 'generateToken', 'copyToken'],
  temporary: ['apiSetup', 'copyTemporaryToken'],
} as const satisfies Record<WizardPath, readonly string[]>;
export type GuideStepId = (typeof GUIDE_STEPS)[WizardPath][number];

interface TestMessageState {
  sending: boolean;
  result: TestMessageResult | null;
  error: UserMessage | null;
}

interface WizardData {
  botId: string | null;
  path: WizardPath | null;
  stage: WizardStage;
  guideIndex: number;
  /** Checklist items (permissions, expiry) the owner ticked while following the guide. */
  ticked: string[];
  shape: TokenShapeView | null;
  clipboard: ClipboardOffer | null;
  submitting: boolean;
  submitError: UserMessage | null;
  verdict: TokenVerdict | null;
  progress: StepOutcome[];
  report: ApplyReport | null;
  applyError: UserMessage | null;
  rollingBack: boolean;
  rollBackReport: ActionReport | null;
  rollBackError: UserMessage | null;
  testMessage: TestMessageState;
}

export interface WizardState extends WizardData {
  start(botId: string): void;
  close(): void;
  choosePath(path: WizardPath): void;
  showGuideStep(path: WizardPath, index: number): void;
  next(): void;
  back(): void;
  toggleTicked(item: string): void;
  /** Debounced: asks main about the shape once the owner stops typing. */
  checkShape(raw: string): void;
  offerClipboard(): Promise<void>;
  submitToken(raw: string): Promise<void>;
  submitClipboardToken(): Promise<void>;
  apply(): Promise<void>;
  receiveProgress(progress: Events['applyProgress']): void;
  rollBack(): Promise<void>;
  tryAgain(): void;
  sendTestMessage(to: string, kind: 'text' | 'template'): Promise<void>;
}

const IDLE_TEST_MESSAGE: TestMessageState = { sending: false, result: null, error: null };

/** Everything a fresh paste starts from: no token facts, no verdict, no outcome. */
const FRESH_PASTE = {
  shape: null,
  clipboard: null,
  submitting: false,
  submitError: null,
  verdict: null,
  progress: [],
  report: null,
  applyError: null,
  rollingBack: false,
  rollBackReport: null,
  rollBackError: null,
  testMessage: IDLE_TEST_MESSAGE,
} satisfies Partial<WizardData>;

const INITIAL: WizardData = { botId: null, path: null, stage: 'choose', guideIndex: 0, ticked: [], ...FRESH_PASTE };

export interface WizardOptions {
  /** Called with the bot as main reports it after an apply or a roll back, so the dashboard is current. */
  onBotChanged?: (bot: BotView) => void;
  shapeCheckDelayMs?: number;
}

export function createWizardStore(doctor: DoctorApi, options: WizardOptions = {}) {
  const { onBotChanged = () => {}, shapeCheckDelayMs = 300 } = options;

  return createStore<WizardState>()((set, get) => {
    let shapeTimer: ReturnType<typeof setTimeout> | undefined;
    // Answers can come back out of order; only the newest question's answer is shown.
    let shapeQuestion = 0;

    function cancelShapeCheck(): void {
      clearTimeout(shapeTimer);
      shapeQuestion += 1;
    }

    async function submit(input: { token: string } | { clipboardOfferId: string }): Promise<void> {
      const { botId } = get();
      if (!botId) return;
      cancelShapeCheck();
      set({ submitting: true, submitError: null });
      try {
        const verdict = await doctor.submitToken({ botId, ...input });
        set({ submitting: false, verdict, stage: 'verdict' });
      } catch (error) {
        set({ submitting: false, submitError: toUserMessage(error) });
      }
    }

    return {
      ...INITIAL,

      start(botId) {
        cancelShapeCheck();
        set({ ...INITIAL, botId });
      },

      close() {
        cancelShapeCheck();
        set(INITIAL);
      },

      choosePath(path) {
        set({ path, stage: 'guide', guideIndex: 0, ticked: [] });
      },

      showGuideStep(path, index) {
        set({ path, stage: 'guide', guideIndex: index, ...FRESH_PASTE });
      },

      next() {
        const { stage, path, guideIndex } = get();
        if (stage !== 'guide' || !path) return;
        if (guideIndex + 1 < GUIDE_STEPS[path].length) set({ guideIndex: guideIndex + 1 });
        else set({ stage: 'paste' });
      },

      back() {
        const { stage, path, guideIndex } = get();
        if (stage === 'guide') {
          if (guideIndex > 0) set({ guideIndex: guideIndex - 1 });
          else set({ stage: 'choose' });
        } else if (stage === 'paste' && path) {
          cancelShapeCheck();
          set({ stage: 'guide', guideIndex: GUIDE_STEPS[path].length - 1, shape: null, submitError: null });
        } else if (stage === 'verdict') {
          set({ stage: 'paste', verdict: null, shape: null });
        }
      },

      toggleTicked(item) {
        const { ticked } = get();
        set({ ticked: ticked.includes(item) ? ticked.filter((known) => known !== item) : [...ticked, item] });
      },

      checkShape(raw) {
        cancelShapeCheck();
        if (raw.trim() === '') {
          set({ shape: null });
          return;
        }
        const question = shapeQuestion;
        shapeTimer = setTimeout(() => {
          doctor.checkTokenShape({ token: raw }).then(
            (shape) => {
              if (question === shapeQuestion) set({ shape });
            },
            () => {
              // The shape check is only a hint; Meta's verdict on submit is the real check.
            },
          );
        }, shapeCheckDelayMs);
      },

      async offerClipboard() {
        try {
          set({ clipboard: await doctor.offerClipboardToken() });
        } catch {
          set({ clipboard: null });
        }
      },

      submitToken: (raw) => submit({ token: raw }),

      async submitClipboardToken() {
        const { clipboard } = get();
        if (clipboard) await submit({ clipboardOfferId: clipboard.offerId });
      },

      async apply() {
        const { botId, verdict } = get();
        if (!botId || !verdict) return;
        set({ stage: 'applying', progress: [], report: null, applyError: null });
        try {
          const report = await doctor.applyToken({ botId, pendingId: verdict.pendingId });
          set({ report, progress: report.steps, stage: report.ok ? 'success' : 'failure' });
          onBotChanged(report.bot);
        } catch (error) {
          set({ applyError: toUserMessage(error), stage: 'failure' });
        }
      },

      receiveProgress({ botId, steps }) {
        const state = get();
        if (botId === state.botId && state.stage === 'applying') set({ progress: steps });
      },

      async rollBack() {
        const { botId } = get();
        if (!botId) return;
        set({ rollingBack: true, rollBackReport: null, rollBackError: null });
        try {
          const report = await doctor.rollBackBot({ id: botId });
          set({ rollingBack: false, rollBackReport: report });
          onBotChanged(report.bot);
        } catch (error) {
          set({ rollingBack: false, rollBackError: toUserMessage(error) });
        }
      },

      tryAgain() {
        cancelShapeCheck();
        set({ stage: 'paste', ...FRESH_PASTE });
      },

      async sendTestMessage(to, kind) {
        const { botId } = get();
        if (!botId) return;
        set({ testMessage: { sending: true, result: null, error: null } });
        try {
          const result = await doctor.sendTestMessage({ botId, to, kind });
          set({ testMessage: { sending: false, result, error: null } });
        } catch (error) {
          set({ testMessage: { sending: false, result: null, error: toUserMessage(error) } });
        }
      },
    };
  });
}
