// `wa-token-doctor status`: every connected bot's token, checked now (all bots in parallel) and remembered as the
// app's "check now" does; one line each, one JSON array, or Prometheus metrics (status-metrics.ts).
import { resolve } from 'node:path';
import { isDoctorError } from '../core/errors';
import { diagnoseToken } from '../core/graph';
import { graphBaseUrl } from '../core/graph/config';
import { COULD_NOT_CHECK, NEEDS_RENEWAL, type Diagnosis } from '../core/graph/types';
import { dataHome } from '../core/paths';
import { botFacts } from '../core/profiles/bot-destinations';
import { checkRecord } from '../core/profiles/check-record';
import { ProfileStore } from '../core/profiles/profile-store';
import type { BotProfile } from '../core/profiles/schema';
import { readBotToken } from '../core/service/bot-view';
import type { AppCredentials } from '../core/graph';
import { findAppCredentials } from './app-credentials';
import { parseFlags } from './args';
import { EXIT } from './exit-codes';
import { cliText, paint, writeLine, writeText, type CliIo, type CliText } from './io';
import { UsageError, type CliCommand } from './registry';
import { checkMetricsFile, metricsText, writeMetricsFile } from './status-metrics';
import { readTokenSource } from './token-source';

interface BotCheck {
  bot: BotProfile;
  diagnosis: Diagnosis;
  token: string;
  appCredentials: AppCredentials | null;
}

/**
 * Checks the token the bot's .env holds now (an empty or missing one is diagnosed too, as "malformed"), asking Meta
 * as the app where the credentials are found as renew finds them: the environment, the bot's .env, the keychain.
 */
async function checkBot(bot: BotProfile, io: CliIo, useKeychain: boolean): Promise<BotCheck> {
  const token = (await readBotToken(bot)) ?? '';
  const inEnvFile = await readTokenSource({ env: bot.envFile, var: bot.tokenVariable }, io).then((source) => source.appCredentials, () => null);
  const appCredentials = await findAppCredentials(io, inEnvFile, useKeychain);
  const diagnosis = await diagnoseToken(token, botFacts(bot), { graphUrl: graphBaseUrl(undefined, io.env), appCredentials });
  return { bot, diagnosis, token, appCredentials };
}

/**
 * Remembers each check in the bot's profile. The store is read again first, so a bot connected or removed during
 * the checks is left as it is. A data folder that cannot be written costs only the memory (reported on stderr).
 */
async function recordChecks(home: string, checks: readonly BotCheck[], io: CliIo, text: CliText): Promise<ProfileStore> {
  const store = await ProfileStore.open(home);
  for (const { bot, diagnosis, token } of checks) {
    const current = store.listBots().find((candidate) => candidate.id === bot.id);
    if (!current) continue;
    try {
      await store.updateBot(bot.id, checkRecord(current, diagnosis, token || null));
    } catch (error) {
      const detail = isDoctorError(error) ? text.say(error.userMessage) : String(error);
      writeLine(io.stderr, text.t('cli:status.not_remembered', { path: home, detail }));
      break;
    }
  }
  return store;
}

function humanReport(checks: readonly BotCheck[], text: CliText, io: CliIo): string {
  if (checks.length === 0) return `${text.t('cli:status.none')}\n`;
  const color = paint(io.stdout, io.env);
  const lines: string[] = [];
  for (const { bot, diagnosis } of checks) {
    const tone = diagnosis.status === 'ok' ? color.green : NEEDS_RENEWAL.has(diagnosis.status) ? color.red : color.yellow;
    const expiry = diagnosis.neverExpires
      ? text.t('cli:check.value.never')
      : diagnosis.expiresAt
        ? text.t('cli:check.value.date', { date: diagnosis.expiresAt })
        : '';
    lines.push(`${color.bold(bot.name)}  ${tone(text.t(`diagnosis:status.${diagnosis.status}`))}  ${diagnosis.token}  ${expiry}`.trimEnd());
    lines.push(`  ${text.say(diagnosis.summary)}`);
  }
  return `${lines.join('\n')}\n`;
}

/** The most urgent answer across bots: renew beats could-not-check beats expiring beats ok. */
export function statusExitCode(diagnoses: readonly Diagnosis[]): number {
  if (diagnoses.some((diagnosis) => NEEDS_RENEWAL.has(diagnosis.status))) return EXIT.needsRenewal;
  if (diagnoses.some((diagnosis) => COULD_NOT_CHECK.has(diagnosis.status))) return EXIT.couldNotCheck;
  if (diagnoses.some((diagnosis) => diagnosis.status === 'expiring_soon')) return EXIT.expiringSoon;
  return EXIT.ok;
}

export const statusCommand: CliCommand = {
  name: 'status',
  summaryKey: 'cli:command.status',
  usageKey: 'cli:usage.status',
  async run(args: string[], io: CliIo): Promise<number> {
    const { values } = parseFlags(args, { json: { type: 'boolean' }, metrics: { type: 'boolean' }, 'metrics-file': { type: 'string' } });
    const text = cliText(io);
    if (values.help) {
      io.stdout.write(`${text.t('cli:usage.status')}\n`);
      return EXIT.ok;
    }
    const metricsFile = values['metrics-file'] === undefined ? undefined : resolve(io.cwd, values['metrics-file']);
    const metrics = Boolean(values.metrics) || metricsFile !== undefined;
    if (values.json && metrics) throw new UsageError('cli:status.errors.json_or_metrics');
    if (metricsFile) await checkMetricsFile(metricsFile);

    const home = dataHome(io.env);
    const connected = await ProfileStore.open(home);
    // The keychain is asked only where the desktop app put app credentials in it (a server has none to ask).
    const useKeychain = connected.getSettings().appId !== null;
    const checks = await Promise.all(connected.listBots().map((bot) => checkBot(bot, io, useKeychain)));
    const store = await recordChecks(home, checks, io, text);
    const secrets = checks.flatMap((check) => [check.token, check.appCredentials?.appSecret ?? '']).filter(Boolean);
    const exitCode = statusExitCode(checks.map((check) => check.diagnosis));

    if (metrics) {
      const withCredentials = new Set(checks.filter((check) => check.appCredentials).map((check) => check.bot.id));
      const exposition = metricsText(store.listBots(), store.getSettings(), (bot) => withCredentials.has(bot.id));
      if (metricsFile) await writeMetricsFile(metricsFile, exposition);
      else writeText(io.stdout, exposition, secrets);
    } else if (values.json) {
      const json = checks.map(({ bot, diagnosis }) => ({ id: bot.id, name: bot.name, envFile: bot.envFile, ...diagnosis }));
      writeLine(io.stdout, JSON.stringify(json, null, 2), secrets);
    } else {
      writeText(io.stdout, humanReport(checks, text, io), secrets);
    }
    return exitCode;
  },
};
