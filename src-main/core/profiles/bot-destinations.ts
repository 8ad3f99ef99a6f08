// Where a connected bot reads its token, and how it restarts, in the shapes the renewal pipeline takes.
import type { BotRunConfig } from '../bot';
import type { Destination } from '../destinations';
import type { BotFacts } from '../graph/types';
import type { BotProfile } from './schema';

/** The bot's destinations; a profile without any list means its one .env variable. */
export function botDestinations(bot: BotProfile): Destination[] {
  return bot.destinations.length > 0 ? bot.destinations : [{ kind: 'env', file: bot.envFile, variable: bot.tokenVariable }];
}

/** null when the owner restarts the bot themselves (no mode, or no command to run). */
export function botRunConfig(bot: BotProfile): BotRunConfig | null {
  const { mode, command, cwd, healthUrl, shell } = bot.run;
  if (mode === 'none' || !command) return null;
  return { mode, command, shell, cwd: cwd ?? bot.folder, healthUrl };
}

export function botFacts(bot: BotProfile): BotFacts {
  return { phoneNumberId: bot.phoneNumberId, wabaId: bot.wabaId, apiVersion: bot.apiVersion };
}
