// The app's settings as main keeps them. App credentials pass through on their way to the keychain: the
// secret is an argument of one call, never a field of this store.
import { createStore } from 'zustand/vanilla';
import type { CallInput, DoctorApi, SettingsView, UserMessage } from '../../src-main/contract';
import { outcomeOf, type Outcome } from './outcome';
import { toUserMessage } from './user-message';

export interface SettingsState {
  settings: SettingsView | null;
  loadError: UserMessage | null;
  saving: boolean;
  saveError: UserMessage | null;
  load(): Promise<void>;
  receive(settings: SettingsView): void;
  update(patch: CallInput<'updateSettings'>): Promise<void>;
  setAppCredentials(input: CallInput<'setAppCredentials'>): Promise<Outcome<SettingsView>>;
  clearAppCredentials(): Promise<void>;
}

export function createSettingsStore(doctor: DoctorApi) {
  return createStore<SettingsState>()((set) => {
    /** `saveError` belongs to the general settings; a form that shows its own failure passes `ownError`. */
    async function save(request: Promise<SettingsView>, ownError = false): Promise<Outcome<SettingsView>> {
      set({ saving: true, saveError: null });
      const outcome = await outcomeOf(request);
      if (outcome.ok) set({ settings: outcome.value, saving: false });
      else set({ saving: false, saveError: ownError ? null : outcome.message });
      return outcome;
    }

    return {
      settings: null,
      loadError: null,
      saving: false,
      saveError: null,

      async load() {
        try {
          set({ settings: await doctor.getSettings(), loadError: null });
        } catch (error) {
          set({ loadError: toUserMessage(error) });
        }
      },

      receive(settings) {
        set({ settings });
      },

      async update(patch) {
        await save(doctor.updateSettings(patch));
      },

      setAppCredentials: (input) => save(doctor.setAppCredentials(input), true),

      async clearAppCredentials() {
        await save(doctor.clearAppCredentials());
      },
    };
  });
}
