// Builds the service behind every contract call, for the desktop shell and the browser harness alike,
// plus the three things the expiry watch needs from it (which bots, check one, renew one by itself).
import { tokenFingerprint } from '../monitor';
import { redactSecrets } from '../redact';
import { ProfileStore } from '../profiles/profile-store';
import { botHandlers } from './bot-handlers';
import { readBotToken } from './bot-view';
import { createContext, type ServiceDeps } from './context';
import { diagnoseConnectedBot, diagnosisHandlers } from './diagnosis-handlers';
import { processHandlers } from './process-handlers';
import { extendConnectedBot } from './renew-bot';
import { settingsHandlers, settingsView } from './settings-handlers';
import { tokenHandlers } from './token-handlers';
import type { DoctorService } from './types';
import type { Diagnosis } from '../graph/types';
import type { SettingsView } from '../../contract';

export type { DoctorService, Emit, Platform } from './types';
export type { ServiceDeps } from './context';
export { dispatchCall, isCallName } from './dispatch';

export interface WatchedBot {
  id: string;
  name: string;
  tokenFingerprint: string | null;
}

export interface DoctorHost {
  service: DoctorService;
  settings(): SettingsView;
  /** The connected bots with the fingerprint of the token each .env holds now. */
  watchedBots(): Promise<WatchedBot[]>;
  checkBot(botId: string): Promise<Diagnosis>;
  /** Hands-off renewal of a 60-day token (needs app credentials); never throws. */
  autoRenewBot(botId: string): Promise<{ ok: true; tokenFingerprint: string } | { ok: false }>;
}

export async function createDoctorService(deps: Omit<ServiceDeps, 'profiles'> & { profiles?: ProfileStore }): Promise<DoctorHost> {
  const profiles = deps.profiles ?? (await ProfileStore.open(deps.home));
  const context = createContext({ ...deps, profiles });
  const service: DoctorService = {
    ...botHandlers(context),
    ...diagnosisHandlers(context),
    ...tokenHandlers(context),
    ...processHandlers(context),
    ...settingsHandlers(context),
  };
  return {
    service,
    settings: () => settingsView(context),
    async watchedBots() {
      return Promise.all(
        profiles.listBots().map(async (bot) => {
          const token = await readBotToken(bot);
          return { id: bot.id, name: bot.name, tokenFingerprint: token ? tokenFingerprint(token) : null };
        }),
      );
    },
    checkBot: (botId) => diagnoseConnectedBot(context, botId),
    async autoRenewBot(botId) {
      try {
        const { report } = await extendConnectedBot(context, botId);
        const token = await readBotToken(profiles.getBot(botId));
        return report.ok && token ? { ok: true, tokenFingerprint: tokenFingerprint(token) } : { ok: false };
      } catch (error) {
        context.log(`automatic renewal of ${botId} failed: ${redactSecrets((error as Error).message)}`);
        return { ok: false };
      }
    },
  };
}
