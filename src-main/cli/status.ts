// `wa-token-doctor status`: every connected bot's token, checked now (all bots in parallel), one line each.
import { envValues, readEnvFile } from '../core/envfile';
import { diagnoseToken } from '../core/graph';
import { graphBaseUrl } from '../core/graph/config';
import { COULD_NOT_CHECK, NEEDS_RENEWAL, type Diagnosis } from '../core/graph/types';
import { dataHome } from '../core/paths';
import { botFacts } from '../core/profiles/bot-destinations';
import { ProfileStore } from '../core/profiles/profile-store';
import type { BotProfile } from '../core/profiles/schema';
import { parseFlags } from './args';
import { EXIT } from './exit-codes';
import { cliText, paint, writeLine, type CliIo } from './io';
import type { CliCommand } from './registry';

async function diagnoseBot(bot: BotProfile, graphUrl: string): Promise<{ diagnosis: Diagnosis; token: string }> {
  const doc = await readEnvFile(bot.envFile).catch(() => null);
  const token = (doc ? envValues(doc).get(bot.tokenVariable) : undefined)?.trim() ?? '';
  return { diagnosis: await diagnoseToken(token, botFacts(bot), { graphUrl }), token };
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
    const { values } = parseFlags(args, { json: { type: 'boolean' } });
    const text = cliText(io);
    if (values.help) {
      io.stdout.write(`${text.t('cli:usage.status')}\n`);
      return EXIT.ok;
    }
    const store = await ProfileStore.open(dataHome(io.env));
    const bots = store.listBots();
    const graphUrl = graphBaseUrl(undefined, io.env);
    const results = await Promise.all(bots.map((bot) => diagnoseBot(bot, graphUrl)));
    const secrets = results.map((result) => result.token).filter(Boolean);
    const exitCode = statusExitCode(results.map((result) => result.diagnosis));
    if (values.json) {
      const json = bots.map((bot, index) => ({ id: bot.id, name: bot.name, envFile: bot.envFile, ...results[index]!.diagnosis }));
      writeLine(io.stdout, JSON.stringify(json, null, 2), secrets);
      return exitCode;
    }
    if (bots.length === 0) {
      writeLine(io.stdout, text.t('cli:status.none'));
      return EXIT.ok;
    }
    const color = paint(io.stdout, io.env);
    for (const [index, bot] of bots.entries()) {
      const { diagnosis } = results[index]!;
      const tone = diagnosis.status === 'ok' ? color.green : NEEDS_RENEWAL.has(diagnosis.status) ? color.red : color.yellow;
      const expiry = diagnosis.neverExpires
        ? text.t('cli:check.value.never')
        : diagnosis.expiresAt
          ? text.t('cli:check.value.date', { date: diagnosis.expiresAt })
          : '';
      writeLine(io.stdout, `${color.bold(bot.name)}  ${tone(text.t(`diagnosis:status.${diagnosis.status}`))}  ${diagnosis.token}  ${expiry}`.trimEnd(), secrets);
      writeLine(io.stdout, `  ${text.say(diagnosis.summary)}`, secrets);
    }
    return exitCode;
  },
};
