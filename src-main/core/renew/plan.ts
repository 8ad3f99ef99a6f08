// Turns "this bot, this token" into a renewal plan: where the token goes, how the bot restarts, how Meta is
// asked. Shared by the desktop app (connected bots) and the CLI's `apply` (flags), so both renew the same way.
import type { StepOutcome } from '../../contract';
import { restartBot, type BotRunConfig } from '../bot';
import {
  describeDestination,
  undoDestination,
  writeDestination,
  type Destination,
  type DestinationOutcome,
} from '../destinations';
import type { EnvBackups } from '../envfile';
import { diagnoseToken, type DiagnoseOptions } from '../graph';
import type { BotFacts, Diagnosis } from '../graph/types';
import { botAccount, type SecretVault } from '../vault';
import type { RenewalPlan, TokenDestination } from './pipeline';

export interface RenewalSetup {
  botId: string;
  folder: string;
  destinations: readonly Destination[];
  /** null: the owner restarts the bot. */
  run: BotRunConfig | null;
  facts: BotFacts;
  /** null: `--no-keychain`. */
  vault: SecretVault | null;
  backups: EnvBackups;
  dataHome: string;
  graph: DiagnoseOptions;
}

export interface RenewalExtras {
  verdict?: Diagnosis;
  onProgress?: (steps: StepOutcome[]) => void;
  /** Told about each destination written, with its backup: the app remembers them for a later "roll back". */
  onWritten?: (destination: Destination, outcome: DestinationOutcome) => void;
}

/** Variables the bot reads its token from: unset in the restarted bot's environment so its .env wins (python-dotenv keeps an inherited value). */
function tokenVariables(destinations: readonly Destination[]): string[] {
  return destinations.flatMap((destination) => (destination.kind === 'env' ? [destination.variable] : []));
}

function toTokenDestination(destination: Destination, setup: RenewalSetup, extras: RenewalExtras): TokenDestination {
  const context = { botId: setup.botId, backups: setup.backups };
  return {
    label: describeDestination(destination, setup.folder),
    async write(token) {
      const outcome = await writeDestination(destination, token, context);
      extras.onWritten?.(destination, outcome);
      return {
        message: outcome.message,
        async undo() {
          await undoDestination(destination, outcome, context);
        },
      };
    },
  };
}

export function planRenewal(token: string, setup: RenewalSetup, extras: RenewalExtras = {}): RenewalPlan {
  const run = setup.run;
  return {
    token,
    facts: setup.facts,
    destinations: setup.destinations.map((destination) => toTokenDestination(destination, setup, extras)),
    keychain: setup.vault ? { vault: setup.vault, account: botAccount(setup.botId) } : null,
    restart: run
      ? () =>
          restartBot(run, {
            botId: setup.botId,
            dataHome: setup.dataHome,
            unsetVariables: tokenVariables(setup.destinations),
            knownSecrets: [token],
          })
      : null,
    diagnose: (candidate, facts) => diagnoseToken(candidate, facts, setup.graph),
    verdict: extras.verdict,
    onProgress: extras.onProgress,
  };
}
