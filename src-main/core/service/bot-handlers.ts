// Connecting, editing and removing bots: the onboarding's and the settings' calls.
import { isAbsolute, resolve } from 'node:path';
import type { CallInput, CallResult } from '../../contract';
import { addToGitIgnore, readEnvFile } from '../envfile';
import { announceBots, listBotViews, toBotView } from './bot-view';
import type { ServiceContext } from './context';
import { detectBot } from './detect-bot';
import { disconnectBot } from './disconnect-bot';

/** The file the owner named must be a readable .env before we promise to edit it (its errors say why not). */
async function assertEnvFile(path: string): Promise<void> {
  await readEnvFile(path);
}

function absolute(folder: string, path: string): string {
  return isAbsolute(path) ? path : resolve(folder, path);
}

export function botHandlers(context: ServiceContext) {
  return {
    listBots: (): Promise<CallResult<'listBots'>> => listBotViews(context),

    pickBotFolder: (): Promise<CallResult<'pickBotFolder'>> => context.platform.pickFolder(),

    detectBot: ({ folder }: CallInput<'detectBot'>): Promise<CallResult<'detectBot'>> => detectBot(resolve(folder)),

    async connectBot(input: CallInput<'connectBot'>): Promise<CallResult<'connectBot'>> {
      const folder = resolve(input.folder);
      const envFile = absolute(folder, input.envFile);
      await assertEnvFile(envFile);
      const bot = await context.profiles.addBot({
        name: input.name.trim(),
        folder,
        envFile,
        tokenVariable: input.tokenVariable,
        phoneNumberId: input.phoneNumberId,
        wabaId: input.wabaId,
        apiVersion: input.apiVersion,
        run: input.run,
        destinations: input.destinations ?? [],
      });
      await announceBots(context);
      return toBotView(context, bot);
    },

    async updateBot({ id, ...input }: CallInput<'updateBot'>): Promise<CallResult<'updateBot'>> {
      const current = context.profiles.getBot(id);
      const envFile = absolute(current.folder, input.envFile);
      await assertEnvFile(envFile);
      const bot = await context.profiles.updateBot(id, {
        ...input,
        name: input.name.trim(),
        envFile,
        destinations: input.destinations ?? current.destinations,
      });
      await announceBots(context);
      return toBotView(context, bot);
    },

    async removeBot({ id }: CallInput<'removeBot'>): Promise<CallResult<'removeBot'>> {
      const leftover = await disconnectBot(context.profiles, context.vault, id);
      if (leftover) context.log(`could not delete the keychain entry of ${id}: ${leftover.technical}`);
      return announceBots(context);
    },

    async fixGitignore({ id }: CallInput<'fixGitignore'>): Promise<CallResult<'fixGitignore'>> {
      const bot = context.profiles.getBot(id);
      await addToGitIgnore(bot.envFile);
      await announceBots(context);
      return toBotView(context, bot);
    },
  };
}
