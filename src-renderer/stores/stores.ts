// All of the renderer's stores for one app mount, created together so they can be wired to each other once,
// and the hooks components use to read them (one field per selector; `useShallow` where an object is needed).
import { createContext, useContext } from 'react';
import { useStore } from 'zustand';
import type { DoctorApi } from '../../src-main/contract';
import { createBotsStore, type BotsState } from './bots-store';
import { createOnboardingStore, type OnboardingState } from './onboarding-store';
import { createSettingsStore, type SettingsState } from './settings-store';
import { createShellStore, type ShellState } from './shell-store';
import { createWizardStore, type WizardOptions, type WizardState } from './wizard-store';

export function createStores(doctor: DoctorApi, wizardOptions: Omit<WizardOptions, 'onBotChanged' | 'knowsAppId' | 'hasAppCredentials'> = {}) {
  const bots = createBotsStore(doctor);
  const settings = createSettingsStore(doctor);
  // Main opens API Setup for a bot when it knows the app: from the last check, or from the saved app credentials.
  const knowsAppId = (botId: string) =>
    Boolean(
      bots.getState().bots.find((bot) => bot.id === botId)?.lastDiagnosis?.appId ?? settings.getState().settings?.appCredentials?.appId,
    );
  return {
    doctor,
    bots,
    settings,
    shell: createShellStore(doctor),
    onboarding: createOnboardingStore(doctor),
    wizard: createWizardStore(doctor, {
      ...wizardOptions,
      knowsAppId,
      hasAppCredentials: () => Boolean(settings.getState().settings?.appCredentials),
      onBotChanged: (bot) => bots.getState().receiveBot(bot),
    }),
  };
}

export type Stores = ReturnType<typeof createStores>;

export const StoresContext = createContext<Stores | null>(null);

export function useStores(): Stores {
  const stores = useContext(StoresContext);
  if (!stores) throw new Error('useStores needs a <StoresContext.Provider> above it');
  return stores;
}

export const useBots = <T,>(select: (state: BotsState) => T): T => useStore(useStores().bots, select);
export const useSettings = <T,>(select: (state: SettingsState) => T): T => useStore(useStores().settings, select);
export const useShell = <T,>(select: (state: ShellState) => T): T => useStore(useStores().shell, select);
export const useOnboarding = <T,>(select: (state: OnboardingState) => T): T => useStore(useStores().onboarding, select);
export const useWizard = <T,>(select: (state: WizardState) => T): T => useStore(useStores().wizard, select);
