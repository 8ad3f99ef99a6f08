// Everything the service's handlers share: the stores, the keychain, the host, and a few small helpers.
import { EnvBackups } from '../envfile';
import type { DiagnoseOptions } from '../graph';
import type { Diagnosis } from '../graph/types';
import { renewalOutlook, type RenewalOutlook } from '../monitor/renewal-outlook';
import { DAY } from '../monitor/settings';
import type { ProfileStore } from '../profiles/profile-store';
import { getAppCredentials, type AppCredentials, type SecretVault } from '../vault';
import { PendingTokens } from './pending-tokens';
import type { Emit, Platform } from './types';

export interface ServiceDeps {
  /** The app's data folder. */
  home: string;
  profiles: ProfileStore;
  vault: SecretVault;
  platform: Platform;
  emit: Emit;
  /** Overrides the Graph base URL (tests); otherwise WA_TOKEN_DOCTOR_GRAPH_URL or Meta. */
  graphUrl?: string;
  now?: () => Date;
  log?: (line: string) => void;
}

export interface ServiceContext extends Required<Omit<ServiceDeps, 'graphUrl'>> {
  graphUrl: string | undefined;
  backups: EnvBackups;
  pending: PendingTokens;
  /** Clipboard tokens offered to the wizard, by offer id; never sent to the renderer. */
  clipboardOffers: Map<string, string>;
  /** Bots being checked right now (the dashboard shows a spinner). */
  checking: Set<string>;
  /** Diagnosis options, with the app token as debug_token's caller when the owner gave app credentials. */
  graphOptions(): Promise<DiagnoseOptions>;
  appCredentials(): Promise<AppCredentials | null>;
  /** What happens next to the token `diagnosis` describes, with the app credentials and settings as they are now. */
  outlook(diagnosis: Diagnosis | null): RenewalOutlook | null;
}

export function createContext(deps: ServiceDeps): ServiceContext {
  const now = deps.now ?? (() => new Date());
  const context: ServiceContext = {
    ...deps,
    graphUrl: deps.graphUrl,
    now,
    log: deps.log ?? (() => {}),
    backups: new EnvBackups({ dataHome: deps.home }),
    pending: new PendingTokens(() => now().getTime()),
    clipboardOffers: new Map(),
    checking: new Set(),
    async appCredentials() {
      // The keychain may be locked or missing: diagnosis then works without app credentials.
      if (!deps.profiles.getSettings().appId) return null;
      return getAppCredentials(deps.vault).catch(() => null);
    },
    async graphOptions() {
      return { graphUrl: deps.graphUrl, now, appCredentials: await context.appCredentials() };
    },
    outlook(diagnosis) {
      const settings = deps.profiles.getSettings();
      const watch = { autoRenew: settings.autoRenew, autoRenewLeadMs: settings.autoRenewLeadDays * DAY, hasAppCredentials: settings.appId !== null };
      return renewalOutlook(diagnosis, watch, now().getTime());
    },
  };
  return context;
}
