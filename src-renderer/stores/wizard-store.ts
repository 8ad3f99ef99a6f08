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
import type { ExpiryChoice } from '../meta-screens/screen-spec';
import { guideSteps, type GuideStepId, type WizardPath } from './guide-steps';
import { toUserMessage } from './user-message';

export type WizardStage = 'choose' | 'guide' | 'paste' | 'appCredentials' | 'verdict' | 'applying' | 'success' | 'failure';

interface TestMessageState {
  sending: boolean;
  result: TestMessageResult | null;
  error: UserMessage | null;
}

interface WizardData {
  botId: string | null;
  path: WizardPath | null;
  stage: WizardStage;
  /** The chosen path's steps for this bot; `guideIndex` points into them. */
  steps: readonly GuideStepId[];
  guideIndex: number;
  /** Checklist items (permissions, expiry) the owner ticked while following the guide. */
  ticked: string[];
  /** What Meta's "Token expiration" list offers this owner: "Never", or "60 days" at most (the usual case now). */
  expiryOffer: ExpiryChoice;
  /** The lasting path's last step is checking the app's ID and secret with Meta. */
  credentialsSaving: boolean;
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
  setExpiryOffer(choice: ExpiryChoice): void;
  /** Resolves with what Meta or main refused (for the form), or null once kept (the verdict then follows). */
  submitAppCredentials(credentials: { appId: string; appSecret: string }): Promise<UserMessage | null>;
  skipAppCredentials(): void;
  /** From the verdict: the app-credentials step, so the token renews itself. */
  askAppCredentials(): void;
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

const INITIAL: WizardData = { botId: null, path: null, stage: 'choose', steps: [], guideIndex: 0, ticked: [], expiryOffer: 'sixtyDays', credentialsSaving: false, ...FRESH_PASTE };

export interface WizardOptions {
  /** Called with the bot as main reports it after an apply or a roll back, so the dashboard is current. */
  onBotChanged?: (bot: BotView) => void;
  /** Whether main knows the bot's Meta app (so "Open API Setup" lands on that page rather than the app list). */
  knowsAppId?: (botId: string) => boolean;
  /** Whether the app's ID and secret are saved already (then the lasting path has no app-credentials step). */
  hasAppCredentials?: () => boolean;
  shapeCheckDelayMs?: number;
}

export function createWizardStore(doctor: DoctorApi, options: WizardOptions = {}) {
  const { onBotChanged = () => {}, knowsAppId = () => false, hasAppCredentials = () => false, shapeCheckDelayMs = 300 } = options;

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
        // A lasting token that may expire gets the last step: the app's ID and secret make it renew itself.
        const lasting = get().path === 'permanent' && verdict.acceptable && !verdict.diagnosis.neverExpires;
        set({ submitting: false, verdict, stage: lasting && !hasAppCredentials() ? 'appCredentials' : 'verdict' });
      } catch (error) {
        set({ submitting: false, submitError: toUserMessage(error) });
      }
    }

    const stepsFor = (path: WizardPath): readonly GuideStepId[] => {
      const { botId } = get();
      return guideSteps(path, botId !== null && knowsAppId(botId));
    };

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
        set({ path, steps: stepsFor(path), stage: 'guide', guideIndex: 0, ticked: [] });
      },

      showGuideStep(path, index) {
        set({ path, steps: stepsFor(path), stage: 'guide', guideIndex: index, ...FRESH_PASTE });
      },

      next() {
        const { stage, steps, guideIndex } = get();
        if (stage !== 'guide') return;
        if (guideIndex + 1 < steps.length) set({ guideIndex: guideIndex + 1 });
        else set({ stage: 'paste' });
      },

      back() {
        const { stage, steps, guideIndex } = get();
        if (stage === 'guide') {
          if (guideIndex > 0) set({ guideIndex: guideIndex - 1 });
          else set({ stage: 'choose' });
        } else if (stage === 'paste' && steps.length > 0) {
          cancelShapeCheck();
          set({ stage: 'guide', guideIndex: steps.length - 1, shape: null, submitError: null });
        } else if (stage === 'verdict' || stage === 'appCredentials') {
          set({ stage: 'paste', verdict: null, shape: null });
        }
      },

      setExpiryOffer(choice) {
        set({ expiryOffer: choice });
      },

      async submitAppCredentials({ appId, appSecret }) {
        const { botId, verdict } = get();
        if (!botId || !verdict) return null;
        set({ credentialsSaving: true });
        try {
          const checked = await doctor.submitAppCredentials({ botId, pendingId: verdict.pendingId, appId, appSecret });
          set({ credentialsSaving: false, verdict: checked, stage: 'verdict' });
          return null;
        } catch (error) {
          set({ credentialsSaving: false });
          return toUserMessage(error);
        }
      },

      skipAppCredentials() {
        if (get().stage === 'appCredentials') set({ stage: 'verdict' });
      },

      askAppCredentials() {
        if (get().stage === 'verdict' && get().verdict?.acceptable) set({ stage: 'appCredentials' });
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
