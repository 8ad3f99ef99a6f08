// Renewing a connected bot: the pipeline with the bot's destinations, restart and keychain entry, progress
// pushed to the window, and what the app must remember afterwards (the new verdict, what "roll back" restores).
import type { ApplyReport } from '../../contract';
import type { Destination, DestinationOutcome } from '../destinations';
import { DoctorError } from '../errors';
import type { Diagnosis } from '../graph/types';
import { tokenFingerprint } from '../monitor';
import { botDestinations, botFacts, botRunConfig } from '../profiles/bot-destinations';
import { exchangeForLongerToken } from '../renew/extend';
import { renewToken, type RenewalReport } from '../renew/pipeline';
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

/** Trades the bot's current token for a fresh 60-day one and applies it (see renew/extend for the checks). */
export async function extendConnectedBot(context: ServiceContext, botId: string): Promise<{ report: RenewalReport; view: ApplyReport }> {
  const bot = context.profiles.getBot(botId);
  const credentials = await context.appCredentials();
  if (!credentials) {
    throw new DoctorError('app_credentials_missing', { key: 'service:errors.appCredentialsMissing' }, 'no app credentials');
  }
  const current = await readBotToken(bot);
  if (!current) throw new DoctorError('token_missing', { key: 'service:errors.tokenMissing' }, 'the bot has no token to extend');
  const extended = await exchangeForLongerToken(current, credentials, botFacts(bot), await context.graphOptions());
  return renewConnectedBot(context, botId, extended.token, extended.verdict);
}
