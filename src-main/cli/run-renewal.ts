// The part `apply` and `renew` share: assemble the destinations, run the pipeline with live progress lines
// (or one JSON object), and turn the outcome into an exit code.
import { createHash } from 'node:crypto';
import { dirname, resolve } from 'node:path';
import type { StepOutcome } from '../contract';
import { parseDestinationArg, type Destination } from '../core/destinations';
import { EnvBackups } from '../core/envfile';
import { graphBaseUrl } from '../core/graph/config';
import type { Diagnosis } from '../core/graph/types';
import { dataHome } from '../core/paths';
import type { BotRunConfig } from '../core/bot';
import { botDestinations, botRunConfig } from '../core/profiles/bot-destinations';
import { ProfileStore } from '../core/profiles/profile-store';
import type { BotProfile } from '../core/profiles/schema';
import { renewToken, type RenewalOutcome } from '../core/renew/pipeline';
import { planRenewal, tokenVariables } from '../core/renew/plan';
import { maskToken } from '../core/token/mask';
import { KeyringVault } from '../core/vault';
import { botWithEnvFile } from './connected-bot';
import { EXIT } from './exit-codes';
import { paint, writeLine, type CliIo, type CliText } from './io';
import { UsageError, asUsageError } from './registry';
import { shellTokenWarnings } from './shell-warnings';
import type { TokenSource } from './token-source';

/** The exit codes of apply and renew, on the same scale as check's. */
export const RENEWAL_EXIT: Record<RenewalOutcome, number> = {
  applied: EXIT.ok,
  unhealthy: EXIT.expiringSoon,
  restart_failed: EXIT.expiringSoon,
  keychain_failed: EXIT.usage,
  write_failed: EXIT.usage,
  refused: EXIT.needsRenewal,
  could_not_check: EXIT.couldNotCheck,
};

export interface RenewalRun {
  token: string;
  /** Meta's verdict when already known (renew checked the new token itself). */
  verdict?: Diagnosis;
  source: TokenSource;
  destinationArgs: readonly string[];
  restart?: string;
  cwd?: string;
  noKeychain: boolean;
  json: boolean;
  /** Everything to mask on the way out (tokens, app secret). */
  secrets: readonly string[];
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

function stepLine(step: StepOutcome, text: CliText, io: CliIo): string {
  const color = paint(io.stdout, io.env);
  const mark = { pending: ' ', running: '…', done: color.green('✔'), skipped: color.dim('–'), warning: color.yellow('!'), failed: color.red('✖') }[step.state];
  const name = text.t(`cli:apply.step.${step.step}`);
  const target = step.target ? ` (${step.target})` : '';
  const message = step.message ? `: ${text.say(step.message)}` : '';
  return `  ${mark} ${name}${target}${message}`;
}

export async function runRenewal(io: CliIo, text: CliText, run: RenewalRun): Promise<number> {
  const { source } = run;
  // An app secret exported for us is a secret even when this command does not use it.
  const exported = io.env.WA_TOKEN_DOCTOR_APP_SECRET?.trim();
  const secrets = exported ? [...run.secrets, exported] : run.secrets;
  const folder = run.cwd ? resolve(io.cwd, run.cwd) : source.envPath ? dirname(source.envPath) : io.cwd;
  const home = dataHome(io.env);
  const bot = await connectedBotFor(home, source.envPath);
  // A connected bot's other places are renewed too, unless the command line lists its own.
  const useStored = bot !== null && run.destinationArgs.length === 0 && bot.tokenVariable === source.tokenVariable;
  const destinations = useStored ? botDestinations(bot) : destinationsOf(run, io);
  const botId = bot?.id ?? derivedBotId(source.envPath, destinations);
  const restart = run.restart ? { mode: 'custom' as const, command: run.restart, cwd: folder } : bot ? connectedRun(bot) : null;
  const shown = new Map<string, string>();
  const plan = planRenewal(
    run.token,
    {
      botId,
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
    {
      verdict: run.verdict,
      // Human output: each line once, when it settles.
      onProgress: (steps) => {
        if (run.json) return;
        for (const step of steps) {
          const key = `${step.step}:${step.target ?? ''}`;
          if (step.state === 'pending' || step.state === 'running' || shown.get(key) === step.state) continue;
          shown.set(key, step.state);
          writeLine(io.stdout, stepLine(step, text, io), secrets);
        }
      },
    },
  );
  const warnings = shellTokenWarnings(io, text, tokenVariables(destinations));
  if (!run.json) {
    writeLine(io.stdout, text.t('cli:apply.title', { token: maskToken(run.token) }));
    for (const warning of warnings) writeLine(io.stdout, `${paint(io.stdout, io.env).yellow('!')} ${warning}`);
  }
  const report = await renewToken(plan);
  const exitCode = report.outcome === 'applied' && report.diagnosis?.status === 'expiring_soon' ? EXIT.expiringSoon : RENEWAL_EXIT[report.outcome];
  if (run.json) {
    const json = {
      ok: report.ok,
      outcome: report.outcome,
      exitCode,
      token: maskToken(run.token),
      status: report.diagnosis?.status ?? null,
      expiresAt: report.diagnosis?.expiresAt ?? null,
      neverExpires: report.diagnosis?.neverExpires ?? false,
      steps: report.steps.map((step) => ({ ...step, text: step.message ? text.say(step.message) : null })),
      logExcerpt: report.restart?.health.logExcerpt ?? null,
      warnings,
      language: text.language,
    };
    writeLine(io.stdout, JSON.stringify(json, null, 2), secrets);
    return exitCode;
  }
  writeLine(io.stdout, '');
  writeLine(io.stdout, text.t(`cli:apply.outcome.${report.outcome}`), secrets);
  const metaSaidNo = report.outcome === 'refused' || report.outcome === 'could_not_check';
  if (report.diagnosis && metaSaidNo) writeLine(io.stdout, text.say(report.diagnosis.fix ?? report.diagnosis.summary), secrets);
  const excerpt = report.restart?.health.logExcerpt;
  if (!report.ok && excerpt) writeLine(io.stdout, `\n${excerpt}`, secrets);
  return exitCode;
}
