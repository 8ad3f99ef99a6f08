// What the dashboard sees of a connected bot: its settings, the masked token its .env holds now, whether it
// runs, whether its .env is safe from git, and whether there is something to roll back to. Never the token.
import type { BotView, DestinationView, ProcessState } from '../../contract';
import { botPorts, findBotProcesses, isManagedBotRunning, readManagedState } from '../bot';
import { checkGitIgnored, envValues, readEnvFile } from '../envfile';
import { describeDestination, type Destination } from '../destinations';
import { botDestinations } from '../profiles/bot-destinations';
import type { BotProfile } from '../profiles/schema';
import { maskToken } from '../token/mask';
import type { ServiceContext } from './context';

/** The token the bot's .env holds now, or null when the file or the value is missing. */
export async function readBotToken(bot: BotProfile): Promise<string | null> {
  const doc = await readEnvFile(bot.envFile).catch(() => null);
  const value = doc ? envValues(doc).get(bot.tokenVariable)?.trim() : undefined;
  return value ? value : null;
}

/** The ports the bot's .env and health URL name: found mode recognises the bot by the one it holds. */
export async function readBotPorts(bot: BotProfile): Promise<number[]> {
  const doc = await readEnvFile(bot.envFile).catch(() => null);
  return botPorts(doc ? envValues(doc) : new Map(), bot.run.healthUrl);
}

export function destinationViews(destinations: readonly Destination[], folder: string): DestinationView[] {
  return destinations.map((destination) => ({ destination, label: describeDestination(destination, folder) }));
}

async function processState(context: ServiceContext, bot: BotProfile): Promise<{ state: ProcessState; pids: number[] }> {
  if (bot.run.mode === 'none') return { state: 'unknown', pids: [] };
  // A custom command that is the bot's own start command runs under our record, like a managed start.
  if (await isManagedBotRunning(bot.id, { dataHome: context.home })) {
    const state = await readManagedState(bot.id, context.home);
    return { state: 'running', pids: state ? [state.pid] : [] };
  }
  if (bot.run.mode === 'found') {
    const found = await findBotProcesses(bot.folder, { ports: await readBotPorts(bot) }).catch(() => []);
    return { state: found.length > 0 ? 'running' : 'stopped', pids: found.map((process) => process.pid) };
  }
  return { state: bot.run.mode === 'managed' ? 'stopped' : 'unknown', pids: [] };
}

export async function toBotView(context: ServiceContext, bot: BotProfile): Promise<BotView> {
  const [token, process, gitignore] = await Promise.all([
    readBotToken(bot),
    processState(context, bot),
    checkGitIgnored(bot.envFile).catch(() => null),
  ]);
  return {
    id: bot.id,
    name: bot.name,
    folder: bot.folder,
    envFile: bot.envFile,
    tokenVariable: bot.tokenVariable,
    phoneNumberId: bot.phoneNumberId,
    wabaId: bot.wabaId,
    apiVersion: bot.apiVersion,
    run: bot.run,
    destinations: destinationViews(botDestinations(bot), bot.folder),
    maskedToken: token ? maskToken(token) : null,
    lastDiagnosis: bot.lastDiagnosis,
    renewal: context.outlook(bot.lastDiagnosis),
    lastCheckedAt: bot.lastCheckedAt,
    checking: context.checking.has(bot.id),
    process,
    canRollBack: (bot.lastRenewal?.files.length ?? 0) > 0,
    gitignore: gitignore ? { repository: gitignore.repository, ignored: gitignore.ignored } : null,
  };
}

export function listBotViews(context: ServiceContext): Promise<BotView[]> {
  return Promise.all(context.profiles.listBots().map((bot) => toBotView(context, bot)));
}

/** Tells every window the bots changed (after a check, a renewal, an edit). */
export async function announceBots(context: ServiceContext): Promise<BotView[]> {
  const views = await listBotViews(context);
  context.emit('botsChanged', views);
  return views;
}
