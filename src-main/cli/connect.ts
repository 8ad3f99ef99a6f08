// `wa-token-doctor connect FOLDER`: the desktop's "connect a bot" for a server without a window. The same
// detection proposes the .env, the token variable, the ids and the other places the token lives; flags correct
// it; the bot is then remembered in the data folder the app uses, so `status` and `renew` know it. Connecting the
// same .env again replaces what was stored (a provisioning script can run it every time).
import { resolve } from 'node:path';
import { envValues, readEnvFile } from '../core/envfile';
import { ProfileStore, type NewBotProfile } from '../core/profiles/profile-store';
import type { BotProfile } from '../core/profiles/schema';
import type { CommandShell } from '../core/bot';
import { dataHome } from '../core/paths';
import { detectBot } from '../core/service/detect-bot';
import type { BotDetection, DetectedValue } from '../contract';
import { parseFlags } from './args';
import { connectJson, connectReport } from './connect-output';
import { botWithEnvFile } from './connected-bot';
import { EXIT } from './exit-codes';
import { cliText, writeLine, writeText, type CliIo } from './io';
import { UsageError, asUsageError, type CliCommand } from './registry';
import { shellFlag } from './shell-flag';

const MAX_NAME_LENGTH = 200;
const MAX_COMMAND_LENGTH = 2000;
const VARIABLE_NAME = /^[A-Za-z_][A-Za-z0-9_.-]{0,127}$/;
/** Meta's ids are digits; `your-phone-number-id` and the like are a sample file's placeholders, not ids. */
const NUMERIC_ID = /^\d{1,32}$/;
// Control characters (a newline, an escape sequence) have no place in a one-line name or command.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f]/;

export interface ConnectFlags {
  folder: string;
  envFile?: string;
  tokenVariable?: string;
  restart?: string;
  /** Windows: the shell --restart runs in; when not said, the one the detection proposes. */
  shell?: CommandShell;
  name?: string;
}

function onlyPositional(positionals: readonly string[]): string {
  if (positionals.length === 0) throw new UsageError('cli:connect.errors.needs_folder');
  if (positionals.length > 1) throw new UsageError('cli:connect.errors.one_folder', { extra: positionals.slice(1).join(' ') });
  return positionals[0]!;
}

function checkedFlags(flags: ConnectFlags): ConnectFlags {
  const name = flags.name?.trim();
  if (name !== undefined && (name === '' || name.length > MAX_NAME_LENGTH || CONTROL.test(name))) {
    throw new UsageError('cli:connect.errors.invalid_name', { max: MAX_NAME_LENGTH });
  }
  const restart = flags.restart?.trim();
  if (restart !== undefined && (restart === '' || restart.length > MAX_COMMAND_LENGTH || CONTROL.test(restart))) {
    throw new UsageError('cli:connect.errors.invalid_restart', { max: MAX_COMMAND_LENGTH });
  }
  if (flags.tokenVariable !== undefined && !VARIABLE_NAME.test(flags.tokenVariable)) {
    throw new UsageError('cli:connect.errors.invalid_variable', { name: flags.tokenVariable.slice(0, 60) });
  }
  return { ...flags, name, restart };
}

/** The .env and the token variable must be there: a typo in --var would otherwise connect a bot with no token. */
async function assertTokenLine(detection: BotDetection, flags: ConnectFlags): Promise<{ envFile: string; tokenVariable: string }> {
  const { envFile, tokenVariable } = detection;
  if (!envFile) throw new UsageError('cli:connect.errors.no_env_file', { folder: detection.folder });
  if (!tokenVariable) throw new UsageError('cli:errors.no_token_variable', { path: envFile });
  if (flags.tokenVariable) {
    const values = envValues(await readEnvFile(envFile));
    if (!values.has(tokenVariable)) throw new UsageError('cli:errors.variable_missing', { path: envFile, name: tokenVariable });
  }
  return { envFile, tokenVariable };
}

export function numericId(detected: DetectedValue | null): string | null {
  return detected && NUMERIC_ID.test(detected.value) ? detected.value : null;
}

/** What the desktop's review form would save when the owner accepts every proposal, with the flags' corrections. */
export function profileFromDetection(detection: BotDetection, line: { envFile: string; tokenVariable: string }, flags: ConnectFlags): NewBotProfile {
  const destinations = detection.destinations.map((view) => view.destination);
  return {
    name: flags.name ?? detection.suggestedName,
    folder: detection.folder,
    envFile: line.envFile,
    tokenVariable: line.tokenVariable,
    phoneNumberId: numericId(detection.phoneNumberId),
    wabaId: numericId(detection.wabaId),
    apiVersion: detection.apiVersion?.value ?? null,
    // Without a command the owner restarts the bot: a server's bot runs under systemd, pm2 or docker, and starting
    // a second copy from cron would fight it. The detected start command is shown as a suggestion instead.
    run: {
      ...(flags.restart ? { mode: 'custom', command: flags.restart } : { mode: 'none', command: null }),
      cwd: null,
      healthUrl: null,
      shell: flags.shell ?? detection.shell.shell,
    },
    // Only the .env line: an empty list (as the app stores it). More places: all of them, the .env line first.
    destinations: destinations.length > 1 ? destinations : [],
  };
}

async function saveBot(store: ProfileStore, fields: NewBotProfile): Promise<{ bot: BotProfile; updated: boolean }> {
  const existing = botWithEnvFile(store.listBots(), fields.envFile);
  const namesake = store.listBots().find((bot) => bot.name === fields.name && bot.id !== existing?.id);
  if (namesake) throw new UsageError('cli:connect.errors.name_taken', { name: fields.name, folder: namesake.folder });
  if (existing) return { bot: await store.updateBot(existing.id, fields), updated: true };
  return { bot: await store.addBot(fields), updated: false };
}

export const connectCommand: CliCommand = {
  name: 'connect',
  summaryKey: 'cli:command.connect',
  usageKey: 'cli:usage.connect',
  async run(args: string[], io: CliIo): Promise<number> {
    const { values, positionals } = parseFlags(
      args,
      {
        env: { type: 'string' },
        var: { type: 'string' },
        restart: { type: 'string' },
        shell: { type: 'string' },
        name: { type: 'string' },
        json: { type: 'boolean' },
      },
      { positionals: true },
    );
    const text = cliText(io);
    if (values.help) {
      io.stdout.write(`${text.t('cli:usage.connect')}\n`);
      return EXIT.ok;
    }
    const flags = checkedFlags({
      folder: resolve(io.cwd, onlyPositional(positionals)),
      envFile: values.env === undefined ? undefined : resolve(io.cwd, values.env),
      tokenVariable: values.var,
      restart: values.restart,
      shell: shellFlag(values.shell, values.restart, io),
      name: values.name,
    });
    let detection: BotDetection;
    let line: { envFile: string; tokenVariable: string };
    try {
      detection = await detectBot(flags.folder, { envFile: flags.envFile, tokenVariable: flags.tokenVariable });
      line = await assertTokenLine(detection, flags);
    } catch (error) {
      throw asUsageError(error);
    }
    const store = await ProfileStore.open(dataHome(io.env));
    const { bot, updated } = await saveBot(store, profileFromDetection(detection, line, flags));
    if (values.json) writeLine(io.stdout, JSON.stringify(connectJson(bot, detection, updated, text), null, 2));
    else writeText(io.stdout, connectReport(bot, detection, updated, text, io));
    return EXIT.ok;
  },
};
