// The bot process from the dashboard: restart, roll back the last renewal, logs, and processes found running.
import type { CallInput, CallResult } from '../../contract';
import { findBotProcesses, readBotLog, restartBot, UNSAFE_stopFoundProcesses } from '../bot';
import { DoctorError } from '../errors';
import { botDestinations, botRunConfig } from '../profiles/bot-destinations';
import { tokenVariables } from '../renew/plan';
import { botAccount } from '../vault';
import { announceBots, readBotPorts, readBotToken, toBotView } from './bot-view';
import type { ServiceContext } from './context';

/** The bot's current token and the app secret: redacted from what is shown, never passed to the bot's programs. */
async function knownSecrets(context: ServiceContext, botId: string): Promise<string[]> {
  const token = await readBotToken(context.profiles.getBot(botId));
  const appSecret = (await context.appCredentials())?.appSecret;
  return [token, appSecret].filter((secret): secret is string => Boolean(secret));
}

/** Restarts with the bot's own settings; the outcome in the owner's words, with the log when it failed. */
async function restartConnectedBot(context: ServiceContext, botId: string): Promise<CallResult<'restartBot'>> {
  const bot = context.profiles.getBot(botId);
  const run = botRunConfig(bot);
  if (!run) throw new DoctorError('no_restart_method', { key: 'service:errors.noRestartMethod' }, 'no restart method configured');
  const outcome = await restartBot(run, {
    botId,
    dataHome: context.home,
    tokenVariables: tokenVariables(botDestinations(bot)),
    // A second click (or the tray while the dashboard restarts it) is told at once that a restart is running.
    lockWaitMs: 0,
    knownSecrets: await knownSecrets(context, botId),
    ports: await readBotPorts(bot),
  });
  await announceBots(context);
  return {
    ok: outcome.ok,
    message: outcome.ok ? { key: 'renew:verify.healthy' } : (outcome.health.problems[0] ?? { key: 'renew:verify.unhealthy' }),
    bot: await toBotView(context, context.profiles.getBot(botId)),
    logExcerpt: outcome.ok ? null : outcome.health.logExcerpt,
  };
}

export function processHandlers(context: ServiceContext) {
  return {
    restartBot: ({ id }: CallInput<'restartBot'>) => restartConnectedBot(context, id),

    /** Puts back the files the last renewal changed (from their backups) and restarts the bot on the old token. */
    async rollBackBot({ id }: CallInput<'rollBackBot'>): Promise<CallResult<'rollBackBot'>> {
      const bot = context.profiles.getBot(id);
      const files = bot.lastRenewal?.files ?? [];
      if (files.length === 0) throw new DoctorError('nothing_to_roll_back', { key: 'service:errors.nothingToRollBack' }, 'no renewal to undo');
      for (const { file, backupId } of files) await context.backups.restore(id, backupId, file);
      await context.profiles.updateBot(id, { lastRenewal: null, lastDiagnosis: null, tokenFingerprint: null });
      const restored = await readBotToken(context.profiles.getBot(id));
      if (restored) await context.vault.setSecret(botAccount(id), restored).catch(() => {});
      if (!botRunConfig(bot)) {
        await announceBots(context);
        return { ok: true, message: { key: 'service:rollBack.doneRestartYourself' }, bot: await toBotView(context, context.profiles.getBot(id)), logExcerpt: null };
      }
      const restart = await restartConnectedBot(context, id);
      return { ...restart, message: restart.ok ? { key: 'service:rollBack.done' } : restart.message };
    },

    async readBotLog({ id }: CallInput<'readBotLog'>): Promise<CallResult<'readBotLog'>> {
      context.profiles.getBot(id);
      return readBotLog(id, 200, { dataHome: context.home, knownSecrets: await knownSecrets(context, id) });
    },

    async findBotProcesses({ id }: CallInput<'findBotProcesses'>): Promise<CallResult<'findBotProcesses'>> {
      const bot = context.profiles.getBot(id);
      const found = await findBotProcesses(bot.folder, { knownSecrets: await knownSecrets(context, id), ports: await readBotPorts(bot) });
      return found.map(({ pid, command, cwd }) => ({ pid, command, cwd }));
    },

    async stopBotProcesses({ id, pids }: CallInput<'stopBotProcesses'>): Promise<CallResult<'stopBotProcesses'>> {
      const bot = context.profiles.getBot(id);
      // It re-reads the process table and skips any PID that is no longer the bot's before signalling.
      const outcome = await UNSAFE_stopFoundProcesses(bot.folder, pids, { ports: await readBotPorts(bot) });
      await announceBots(context);
      const { terminated, forceKilled, survivors } = outcome.report;
      return {
        ok: survivors.length === 0,
        message:
          survivors.length === 0
            ? { key: 'service:processes.stopped', params: { count: terminated.length + forceKilled.length } }
            : { key: 'service:processes.survivors', params: { pids: survivors.join(', ') } },
        bot: await toBotView(context, bot),
        logExcerpt: null,
      };
    },
  };
}
