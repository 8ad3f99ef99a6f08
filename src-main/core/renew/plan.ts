// Turns "this bot, this token" into a renewal plan: where the token goes, how the bot restarts, how Meta is
// asked. Shared by the desktop app (connected bots) and the CLI's `apply` (flags), so both renew the same way.
import type { StepOutcome } from '../../contract';
import { restartBot, type BotRunConfig } from '../bot';
import { orderForWriting, pipelineDestination, type Destination, type DestinationOutcome } from '../destinations';
import type { EnvBackups } from '../envfile';
import { diagnoseToken, type DiagnoseOptions } from '../graph';
import type { BotFacts, Diagnosis } from '../graph/types';
import { botAccount, type SecretVault } from '../vault';
import type { RenewalPlan } from './pipeline';

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
  /** Other secrets in play (the token being replaced): kept out of output and of what the bot's programs inherit. */
  secrets?: readonly string[];
}

export interface RenewalExtras {
  verdict?: Diagnosis;
  onProgress?: (steps: StepOutcome[]) => void;
  /** Told about each destination written, with its backup: the app remembers them for a later "roll back". */
  onWritten?: (destination: Destination, outcome: DestinationOutcome) => void;
}

/** Variables the bot reads its token from: unset in the restarted bot's environment so its .env wins (python-dotenv keeps an inherited value). */
export function tokenVariables(destinations: readonly Destination[]): string[] {
  return destinations.flatMap((destination) => (destination.kind === 'env' ? [destination.variable] : []));
}

export function planRenewal(token: string, setup: RenewalSetup, extras: RenewalExtras = {}): RenewalPlan {
  const run = setup.run;
  const appSecret = setup.graph.appCredentials?.appSecret;
  const secrets = [token, ...(setup.secrets ?? []), ...(appSecret ? [appSecret] : [])];
  const environment = { tokenVariables: tokenVariables(setup.destinations), secrets };
  return {
    token,
    facts: setup.facts,
    // Files first, commands last: a file can be put back byte for byte if a later destination fails; a command cannot.
    destinations: orderForWriting(setup.destinations).map((destination) =>
      pipelineDestination(destination, {
        botId: setup.botId,
        backups: setup.backups,
        folder: setup.folder,
        environment,
        onWritten: (outcome) => extras.onWritten?.(destination, outcome),
      }),
    ),
    keychain: setup.vault ? { vault: setup.vault, account: botAccount(setup.botId) } : null,
    restart: run
      ? () =>
          restartBot(run, {
            botId: setup.botId,
            dataHome: setup.dataHome,
            tokenVariables: environment.tokenVariables,
            knownSecrets: secrets,
          })
      : null,
    diagnose: (candidate, facts) => diagnoseToken(candidate, facts, setup.graph),
    verdict: extras.verdict,
    onProgress: extras.onProgress,
  };
}
