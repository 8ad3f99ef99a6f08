// `wa-token-doctor disconnect BOT`: forget a connected bot (named by its name, id, folder or .env file), as the
// app's "remove" does. The bot's own files are not touched; the keychain's copy of its token goes too.
import { dataHome } from '../core/paths';
import { ProfileStore } from '../core/profiles/profile-store';
import { disconnectBot } from '../core/service/disconnect-bot';
import { KeyringVault } from '../core/vault';
import { parseFlags } from './args';
import { findConnectedBot } from './connected-bot';
import { EXIT } from './exit-codes';
import { cliText, writeLine, type CliIo } from './io';
import { UsageError, type CliCommand } from './registry';

export const disconnectCommand: CliCommand = {
  name: 'disconnect',
  summaryKey: 'cli:command.disconnect',
  usageKey: 'cli:usage.disconnect',
  async run(args: string[], io: CliIo): Promise<number> {
    const { values, positionals } = parseFlags(args, { 'no-keychain': { type: 'boolean' }, json: { type: 'boolean' } }, { positionals: true });
    const text = cliText(io);
    if (values.help) {
      io.stdout.write(`${text.t('cli:usage.disconnect')}\n`);
      return EXIT.ok;
    }
    if (positionals.length !== 1) throw new UsageError('cli:disconnect.errors.needs_bot');
    const store = await ProfileStore.open(dataHome(io.env));
    const bot = findConnectedBot(store.listBots(), positionals[0]!, io.cwd);
    const leftover = await disconnectBot(store, values['no-keychain'] ? null : new KeyringVault(), bot.id);
    if (values.json) {
      const json = { ok: true, action: 'disconnected', bot: { id: bot.id, name: bot.name, folder: bot.folder, envFile: bot.envFile }, keychainProblem: leftover ? text.say(leftover.message) : null, language: text.language };
      writeLine(io.stdout, JSON.stringify(json, null, 2));
      return EXIT.ok;
    }
    writeLine(io.stdout, text.t('cli:disconnect.done', { name: bot.name, path: bot.envFile }));
    if (leftover) writeLine(io.stderr, `${text.t('cli:disconnect.keychain_left')} ${text.say(leftover.message)}`);
    return EXIT.ok;
  },
};
