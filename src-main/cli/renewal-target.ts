// What `apply` and `renew` act on, worked out once for a real run and a dry run alike: the destinations (the
// command line's, or a connected bot's stored ones), the bot's identity (keychain entry, backups, restart lock),
// how it restarts, and every secret to mask.
import { createHash } from 'node:crypto';
import { dirname, resolve } from 'node:path';
import type { BotRunConfig, CommandShell } from '../core/bot';
import { parseDestinationArg, type Destination } from '../core/destinations';
import { EnvBackups } from '../core/envfile';
import { graphBaseUrl } from '../core/graph/config';
import type { Diagnosis } from '../core/graph/types';
import { dataHome } from '../core/paths';
import { botDestinations, botRunConfig } from '../core/profiles/bot-destinations';
import { ProfileStore } from '../core/profiles/profile-store';
import type { BotProfile } from '../core/profiles/schema';
import type { RenewalSetup } from '../core/renew/plan';
import { KeyringVault } from '../core/vault';
import { botWithEnvFile } from './connected-bot';
import type { CliIo } from './io';
import { UsageError, asUsageError } from './registry';
import type { TokenSource } from './token-source';

export interface RenewalRun {
  token: string;
  /** Meta's verdict when already known (renew checked the new token itself). */
  verdict?: Diagnosis;
  source: TokenSource;
  destinationArgs: readonly string[];
  restart?: string;
  /** Windows: the shell --restart runs in (cmd.exe when not said). */
  shell?: CommandShell;
  cwd?: string;
  noKeychain: boolean;
  json: boolean;
  /** Everything to mask on the way out (tokens, app secret). */
  secrets: readonly string[];
}

export interface RenewalTarget {
  setup: RenewalSetup;
  /** The run's secrets, plus an app secret exported for us even when this command does not use it. */
  secrets: readonly string[];
}

export async function renewalTarget(io: CliIo, run: RenewalRun): Promise<RenewalTarget> {
  const { source } = run;
  const exported = io.env.WA_TOKEN_DOCTOR_APP_SECRET?.trim();
  const secrets = exported ? [...run.secrets, exported] : run.secrets;
  const folder = run.cwd ? resolve(io.cwd, run.cwd) : source.envPath ? dirname(source.envPath) : io.cwd;
  const home = dataHome(io.env);
  const bot = await connectedBotFor(home, source.envPath);
  // A connected bot's other places are renewed too, unless the command line lists its own.
  const useStored = bot !== null && run.destinationArgs.length === 0 && bot.tokenVariable === source.tokenVariable;
  const destinations = useStored ? botDestinations(bot) : destinationsOf(run, io);
  const restart: BotRunConfig | null = run.restart
    ? { mode: 'custom', command: run.restart, shell: run.shell, cwd: folder }
    : bot
      ? connectedRun(bot)
      : null;
  return {
    secrets,
    setup: {
      botId: bot?.id ?? derivedBotId(source.envPath, destinations),
      folder,
      destinations,
      run: restart,
      facts: source.facts,
      vault: run.noKeychain ? null : new KeyringVault(),
      backups: new EnvBackups({ dataHome: home }),
      dataHome: home,
      graph: { graphUrl: graphBaseUrl(undefined, io.env), appCredentials: source.appCredentials },
      secrets,
    },
  };
}

/** The connected bot whose .env this is (`connect`, or the desktop app): its keychain entry, backups and settings. */
async function connectedBotFor(home: string, envPath: string | null): Promise<BotProfile | null> {
  if (!envPath) return null;
  const store = await ProfileStore.open(home).catch(() => null);
  return (store && botWithEnvFile(store.listBots(), envPath)) ?? null;
}

/** Any other .env or destination list keeps its own keychain entry and backups under an id derived from it. */
function derivedBotId(envPath: string | null, destinations: readonly Destination[]): string {
  const anchor = envPath ?? JSON.stringify(destinations[0]);
  return `cli-${createHash('sha256').update(anchor).digest('hex').slice(0, 12)}`;
}

/**
 * How a connected bot restarts when the command line does not say (a cron line names only the .env). Processes
 * found running need the owner's confirmation, which a cron job cannot give, so that mode restarts nothing.
 */
function connectedRun(bot: BotProfile): BotRunConfig | null {
  return bot.run.mode === 'custom' || bot.run.mode === 'managed' ? botRunConfig(bot) : null;
}

function destinationsOf(run: RenewalRun, io: CliIo): Destination[] {
  const { source } = run;
  const destinations: Destination[] = [];
  if (source.envPath) {
    if (!source.tokenVariable) throw new UsageError('cli:errors.no_token_variable', { path: source.envPath });
    destinations.push({ kind: 'env', file: source.envPath, variable: source.tokenVariable });
  }
  for (const spec of run.destinationArgs) {
    try {
      destinations.push(parseDestinationArg(spec, { cwd: io.cwd, defaultVariable: source.tokenVariable ?? undefined }));
    } catch (error) {
      throw asUsageError(error);
    }
  }
  return destinations;
}
