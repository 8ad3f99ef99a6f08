// Naming a connected bot on the command line: by its id, its name, its folder or its .env file — whichever the
// server's owner has at hand. A name two bots share is refused rather than guessed.
import { resolve } from 'node:path';
import type { BotProfile } from '../core/profiles/schema';
import { UsageError } from './registry';

/** The connected bot whose token lives in this .env (the file is what apply, renew and connect are given). */
export function botWithEnvFile(bots: readonly BotProfile[], envPath: string): BotProfile | undefined {
  const wanted = resolve(envPath);
  return bots.find((bot) => resolve(bot.envFile) === wanted);
}

export function findConnectedBot(bots: readonly BotProfile[], reference: string, cwd: string): BotProfile {
  if (bots.length === 0) throw new UsageError('cli:status.none');
  const byId = bots.find((bot) => bot.id === reference);
  if (byId) return byId;
  const byName = bots.filter((bot) => bot.name === reference);
  if (byName.length > 1) {
    throw new UsageError('cli:disconnect.errors.ambiguous', { bot: reference, ids: byName.map((bot) => bot.id).join(', ') });
  }
  if (byName[0]) return byName[0];
  const path = resolve(cwd, reference);
  const byPath = bots.filter((bot) => resolve(bot.folder) === path || resolve(bot.envFile) === path);
  if (byPath.length > 1) {
    throw new UsageError('cli:disconnect.errors.ambiguous', { bot: reference, ids: byPath.map((bot) => bot.id).join(', ') });
  }
  if (byPath[0]) return byPath[0];
  throw new UsageError('cli:disconnect.errors.not_found', { bot: reference, names: bots.map((bot) => bot.name).join(', ') });
}
