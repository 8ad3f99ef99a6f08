// Renewing a connected bot: the pipeline with the bot's destinations, restart and keychain entry, progress
// pushed to the window, and what the app must remember afterwards (the new verdict, what "roll back" restores).
import type { ApplyReport } from '../../contract';
import type { Destination, DestinationOutcome } from '../destinations';
import { DoctorError } from '../errors';
import { diagnoseToken, exchangeForLongLivedToken } from '../graph';
import type { Diagnosis } from '../graph/types';
import { tokenFingerprint } from '../monitor';
import { botDestinations, botFacts, botRunConfig } from '../profiles/bot-destinations';
import { isAcceptable, renewToken, type RenewalReport } from '../renew/pipeline';
import { planRenewal } from '../renew/plan';
import { announceBots, readBotToken, toBotView } from './bot-view';
import type { ServiceContext } from './context';

/** Runs the whole renewal for `botId` with `token` (already checked by Meta when `verdict` is given). */
export async function renewConnectedBot(
  context: ServiceContext,
  botId: string,
  token: string,
  verdict?: Diagnosis,
): Promise<{ report: RenewalReport; view: ApplyReport }> {
  const bot = context.profiles.getBot(botId);
  const written: Array<{ destination: Destination; outcome: DestinationOutcome }> = [];
  const plan = planRenewal(
    token,
    {
      botId,
      folder: bot.folder,
      destinations: botDestinations(bot),
      run: botRunConfig(bot),
      facts: botFacts(bot),
      vault: context.vault,
      backups: context.backups,
      dataHome: context.home,
      graph: await context.graphOptions(),
    },
    {
      verdict,
      onProgress: (steps) => context.emit('applyProgress', { botId, steps }),
      onWritten: (destination, outcome) => written.push({ destination, outcome }),
    },
  );
  const report = await renewToken(plan);
  // The token is in place (even if the bot did not come back): remember its verdict and what roll back restores.
  const delivered = report.ok || report.outcome === 'restart_failed' || report.outcome === 'unhealthy';
  if (delivered) {
    const files = written.flatMap(({ destination, outcome }) =>
      destination.kind !== 'command' && outcome.backup ? [{ file: destination.file, backupId: outcome.backup.id }] : [],
    );
    await context.profiles.updateBot(botId, {
      lastDiagnosis: report.diagnosis,
      lastCheckedAt: report.diagnosis?.checkedAt ?? null,
      tokenFingerprint: tokenFingerprint(token),
      ...(files.length > 0 ? { lastRenewal: { at: context.now().toISOString(), files } } : {}),
    });
  }
  await announceBots(context);
  return {
    report,
    view: {
      ok: report.ok,
      steps: report.steps,
      bot: await toBotView(context, context.profiles.getBot(botId)),
      logExcerpt: report.restart?.health.logExcerpt ?? null,
    },
  };
}

/**
 * Trades the bot's current token for a fresh 60-day one and applies it. Meta's answer is checked with
 * debug_token: the new token must really expire later than the old one, or nothing is written.
 */
export async function extendConnectedBot(context: ServiceContext, botId: string): Promise<{ report: RenewalReport; view: ApplyReport }> {
  const bot = context.profiles.getBot(botId);
  const credentials = await context.appCredentials();
  if (!credentials) {
    throw new DoctorError('app_credentials_missing', { key: 'service:errors.appCredentialsMissing' }, 'no app credentials');
  }
  const current = await readBotToken(bot);
  if (!current) throw new DoctorError('token_missing', { key: 'service:errors.tokenMissing' }, 'the bot has no token to extend');
  const graph = await context.graphOptions();
  const exchange = await exchangeForLongLivedToken(current, credentials, graph);
  if (!exchange.ok) throw new DoctorError(`exchange_${exchange.status}`, exchange.summary, `exchange failed: ${exchange.status}`);
  const verdict = await diagnoseToken(exchange.token, botFacts(bot), graph);
  const before = bot.lastDiagnosis?.expiresAt ? Date.parse(bot.lastDiagnosis.expiresAt) : 0;
  const after = verdict.expiresAt ? Date.parse(verdict.expiresAt) : verdict.neverExpires ? Infinity : 0;
  if (!isAcceptable(verdict) || after <= before) {
    throw new DoctorError('exchange_not_longer', { key: 'service:errors.exchangeNotLonger' }, 'the exchanged token does not last longer');
  }
  return renewConnectedBot(context, botId, exchange.token, verdict);
}
