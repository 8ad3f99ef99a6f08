// Delivers a token to one destination, and takes it back: the same three calls for every kind. Files are edited
// in place (only the token's bytes change), backed up first in the app's data folder and written atomically,
// through the .env editor's one writer and one backup store; a command gets the token on standard input.
import type { BotEnvironmentOptions } from '../bot/bot-environment';
import { EnvBackups, envValues, readEnvFile, restoreEnvFile, updateEnvFile, writeFileAtomic, type EnvBackup } from '../envfile';
import type { UserMessage } from '../errors';
import { setJsonString, readJsonString } from './json-edit';
import { parseKeyPath } from './key-path';
import { readSettingsText } from './settings-file';
import { runTokenCommand } from './token-command';
import type { CommandDestination, Destination, JsonDestination, YamlDestination } from './types';
import { readYamlString, setYamlString } from './yaml-edit';

export interface DestinationContext {
  /** The connected bot: its backups live in `<dataHome>/backups/<botId>/`. */
  botId: string;
  backups: EnvBackups;
  /** What a command destination must not inherit (the bot's token variables, the app secret). */
  environment?: BotEnvironmentOptions;
}

export interface DestinationOutcome {
  /** False when the destination already held the token (a file is then not rewritten). */
  changed: boolean;
  /** The file as it was before the write, to undo it; null for a command or when nothing was written. */
  backup: EnvBackup | null;
  /** For the destination's progress line. */
  message: UserMessage;
  /** A command's output, redacted; null for files. */
  output: string | null;
}

export interface UndoResult {
  undone: boolean;
  message: UserMessage;
}

export async function writeDestination(destination: Destination, token: string, context: DestinationContext): Promise<DestinationOutcome> {
  switch (destination.kind) {
    case 'env':
      return writeEnv(destination.file, destination.variable, token, context);
    case 'json':
    case 'yaml':
      return writeSettings(destination, token, context);
    case 'command':
      return writeCommand(destination, token, context.environment);
  }
}

/**
 * Puts a destination back as it was before `outcome`'s write. A file comes back byte for byte from its backup
 * (the replaced version is backed up in turn). A command cannot be taken back unless the owner gave an undo
 * command, which then gets `previousToken` on standard input; otherwise `undone` is false and the message says so.
 */
export async function undoDestination(
  destination: Destination,
  outcome: DestinationOutcome,
  context: DestinationContext & { previousToken?: string | null },
): Promise<UndoResult> {
  if (destination.kind === 'command') return undoCommand(destination, context.previousToken ?? null, context.environment);
  if (!outcome.backup) return { undone: true, message: { key: 'destinations:undo.nothing_written' } };
  await restoreEnvFile(destination.file, outcome.backup, context);
  return { undone: true, message: { key: 'destinations:undo.restored', params: { path: destination.file } } };
}

/** The token the destination holds now (for diagnosis); null when it is empty or missing, and for a command. */
export async function readDestinationToken(destination: Destination): Promise<string | null> {
  switch (destination.kind) {
    case 'env': {
      const value = envValues(await readEnvFile(destination.file)).get(destination.variable);
      return value ? value : null;
    }
    case 'json':
    case 'yaml': {
      const { text } = await readSettingsText(destination.file);
      const read = destination.kind === 'json' ? readJsonString : readYamlString;
      return read(text, parseKeyPath(destination.keyPath), destination.file) || null;
    }
    case 'command':
      return null;
  }
}

/** Files first, commands last: a failing file is then undone before any command has run (commands rarely undo). */
export function orderForWriting(destinations: readonly Destination[]): Destination[] {
  return [...destinations].sort((a, b) => Number(a.kind === 'command') - Number(b.kind === 'command'));
}

async function writeEnv(file: string, variable: string, token: string, context: DestinationContext): Promise<DestinationOutcome> {
  const result = await updateEnvFile(file, variable, token, context);
  const params = { key: variable, line: result.line, path: file };
  let message: UserMessage;
  if (!result.written) message = { key: 'envfile:change.unchanged', params };
  // Never silently: the file was written into, so its other names and its owner are as they were.
  else if (result.inPlace) message = { key: `envfile:change.in_place_${result.inPlace}`, params };
  else if (result.duplicateCount > 0) message = { key: 'envfile:change.duplicates', params: { ...params, count: result.duplicateCount } };
  else message = { key: `envfile:change.${result.change}`, params };
  return { changed: result.written, backup: result.backup, message, output: null };
}

async function writeSettings(destination: JsonDestination | YamlDestination, token: string, context: DestinationContext): Promise<DestinationOutcome> {
  const { bytes, text } = await readSettingsText(destination.file);
  const path = parseKeyPath(destination.keyPath);
  const set = destination.kind === 'json' ? setJsonString : setYamlString;
  const result = set(text, path, token, destination.file);
  const params = { keyPath: destination.keyPath, path: destination.file };
  if (result.change === 'unchanged') {
    return { changed: false, backup: null, message: { key: 'destinations:change.unchanged', params }, output: null };
  }
  const backup = await context.backups.save(context.botId, destination.file, bytes);
  await writeFileAtomic(destination.file, result.text);
  return { changed: true, backup, message: { key: `destinations:change.${result.change}`, params }, output: null };
}

async function writeCommand(destination: CommandDestination, token: string, environment?: BotEnvironmentOptions): Promise<DestinationOutcome> {
  const run = await runTokenCommand(destination.command, destination.cwd, token, destination.timeoutMs, environment);
  const key = destination.undoCommand ? 'destinations:change.command_ran' : 'destinations:change.command_ran_no_undo';
  return { changed: true, backup: null, message: { key, params: { exitCode: run.exitCode } }, output: run.output };
}

async function undoCommand(destination: CommandDestination, previousToken: string | null, environment?: BotEnvironmentOptions): Promise<UndoResult> {
  if (!destination.undoCommand) return { undone: false, message: { key: 'destinations:undo.command_not_undoable' } };
  if (!previousToken) return { undone: false, message: { key: 'destinations:undo.previous_token_unknown' } };
  await runTokenCommand(destination.undoCommand, destination.cwd, previousToken, destination.timeoutMs, environment);
  return { undone: true, message: { key: 'destinations:undo.command_undone' } };
}
