// Which screen is showing, and the facts about the app itself (version, keychain) that several screens read.
import { createStore } from 'zustand/vanilla';
import type { AppInfo, DoctorApi } from '../../src-main/contract';

export type Screen =
  | { name: 'starting' }
  | { name: 'onboarding' }
  | { name: 'dashboard' }
  /** `section`: a part to bring into view (the dashboard's and the tray's "add the app ID and secret"). */
  | { name: 'settings'; section?: 'appCredentials' }
  | { name: 'wizard' }
  | { name: 'editBot'; botId: string };

export interface ShellState {
  screen: Screen;
  appInfo: AppInfo | null;
  navigate(screen: Screen): void;
  loadAppInfo(): Promise<void>;
}

export function createShellStore(doctor: DoctorApi) {
  return createStore<ShellState>()((set) => ({
    screen: { name: 'starting' },
    appInfo: null,

    navigate(screen) {
      set({ screen });
    },

    async loadAppInfo() {
      try {
        set({ appInfo: await doctor.getAppInfo() });
      } catch {
        // Without it the app only misses its version line and the keychain banner; nothing to tell the owner.
      }
    },
  }));
}
