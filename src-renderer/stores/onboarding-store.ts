// The first-run journey up to "connect": which step is showing and what the app found in the bot's folder.
// Connecting itself belongs to the bots store; this store only knows about finding.
import { createStore } from 'zustand/vanilla';
import type { BotDetection, DoctorApi, UserMessage } from '../../src-main/contract';
import { toUserMessage } from './user-message';

export type OnboardingStep = 'welcome' | 'language' | 'connect' | 'review';

export interface OnboardingState {
  step: OnboardingStep;
  detecting: boolean;
  detection: BotDetection | null;
  detectError: UserMessage | null;
  /** Whether the folder picker failed; the typed path is then the only way. */
  pickerFailed: boolean;
  begin(step: OnboardingStep): void;
  goTo(step: OnboardingStep): void;
  /** Opens the OS picker and detects what is in the chosen folder; nothing happens when the owner cancels. */
  pickAndDetect(): Promise<void>;
  detect(folder: string): Promise<void>;
}

export function createOnboardingStore(doctor: DoctorApi) {
  return createStore<OnboardingState>()((set, get) => ({
    step: 'welcome',
    detecting: false,
    detection: null,
    detectError: null,
    pickerFailed: false,

    begin(step) {
      set({ step, detecting: false, detection: null, detectError: null, pickerFailed: false });
    },

    goTo(step) {
      set({ step });
    },

    async pickAndDetect() {
      let folder: string | null;
      try {
        folder = await doctor.pickBotFolder();
      } catch {
        set({ pickerFailed: true });
        return;
      }
      if (folder) await get().detect(folder);
    },

    async detect(folder) {
      set({ detecting: true, detectError: null });
      try {
        const detection = await doctor.detectBot({ folder });
        set({ detecting: false, detection, step: 'review' });
      } catch (error) {
        set({ detecting: false, detectError: toUserMessage(error) });
      }
    },
  }));
}
