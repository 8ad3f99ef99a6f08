// The command-line form of a destination (`apply --dest …`, repeatable) and the short label of one on a progress
// line. `KIND:WHERE`, the file and the key separated by the last `#`:
//   env:backend/.env#WHATSAPP_TOKEN   json:config.json#whatsapp.accessToken   yaml:config.yml#whatsapp.token
//   cmd:python update_whatsapp_token.py   (run in --cwd; it reads the token on standard input)
// Without a kind, a path is a .env file, or a JSON/YAML file when its name ends so (`config.json#a.b`).
import { isAbsolute, relative, resolve } from 'node:path';
import { redactSecrets } from '../redact';
import { destinationError } from './errors';
import { parseKeyPath } from './key-path';
import type { Destination } from './types';

export interface DestinationArgOptions {
  /** Relative paths are read from here, and a command runs here. */
  cwd: string;
  /** The variable of an `env:FILE` without `#VAR` (the CLI's --var, or the bot's token variable). */
  defaultVariable?: string;
}

const KIND_PREFIXES: Record<string, Destination['kind']> = { env: 'env', json: 'json', yaml: 'yaml', yml: 'yaml', cmd: 'command', command: 'command' };
const ENV_VARIABLE = /^[\w.-]+$/;
const LABEL_MAX = 60;

export function parseDestinationArg(text: string, options: DestinationArgOptions): Destination {
  const trimmed = text.trim();
  if (trimmed === '') throw destinationError('arg_empty', 'A --dest value is empty');
  const prefix = /^([A-Za-z][\w-]*):/.exec(trimmed);
  // One letter before a colon is a Windows drive (`C:\bot\.env`), not a kind.
  const kindWord = prefix && prefix[1]!.length > 1 ? prefix[1]!.toLowerCase() : null;
  if (kindWord !== null && !(kindWord in KIND_PREFIXES)) {
    throw destinationError('arg_unknown_kind', `Unknown destination kind "${kindWord}"`, { kind: kindWord });
  }
  const rest = kindWord === null ? trimmed : trimmed.slice(prefix![0].length).trim();
  const kind = kindWord === null ? kindFromFileName(rest) : KIND_PREFIXES[kindWord]!;

  if (kind === 'command') {
    if (rest === '') throw destinationError('arg_empty_command', 'A cmd: destination has no command');
    assertNoTokenInCommand(rest);
    return { kind, command: rest, cwd: resolve(options.cwd) };
  }
  const hash = rest.lastIndexOf('#');
  const fileText = hash < 0 ? rest : rest.slice(0, hash);
  const key = hash < 0 ? '' : rest.slice(hash + 1).trim();
  if (fileText.trim() === '') throw destinationError('arg_missing_file', `The destination "${rest}" names no file`, { arg: rest });
  const file = resolve(options.cwd, fileText.trim());
  if (kind === 'env') {
    const variable = key || options.defaultVariable || '';
    if (!ENV_VARIABLE.test(variable)) {
      throw destinationError('arg_missing_key', `The destination "${rest}" names no valid variable`, { arg: rest, example: `${fileText}#WHATSAPP_TOKEN` });
    }
    return { kind, file, variable };
  }
  if (key === '') throw destinationError('arg_missing_key', `The destination "${rest}" names no key`, { arg: rest, example: `${fileText}#whatsapp.accessToken` });
  parseKeyPath(key); // refuse a malformed path now rather than at write time
  return { kind, file, keyPath: key };
}

/** The inverse of parseDestinationArg (for a command, the `cwd` travels separately, as --cwd). */
export function formatDestinationArg(destination: Destination): string {
  switch (destination.kind) {
    case 'env':
      return `env:${destination.file}#${destination.variable}`;
    case 'json':
    case 'yaml':
      return `${destination.kind}:${destination.file}#${destination.keyPath}`;
    case 'command':
      return `cmd:${destination.command}`;
  }
}

/**
 * A short, language-neutral label for one progress line (`StepOutcome.target`): `backend/.env#WHATSAPP_TOKEN`,
 * `config.json#whatsapp.accessToken`, `$ python update_whatsapp_token.py`. Files inside `folder` are shown
 * relative to it. Never contains a token.
 */
export function describeDestination(destination: Destination, folder?: string): string {
  if (destination.kind === 'command') return shorten(`$ ${redactSecrets(destination.command)}`);
  const key = destination.kind === 'env' ? destination.variable : destination.keyPath;
  return `${shownPath(destination.file, folder)}#${key}`;
}

function shownPath(file: string, folder: string | undefined): string {
  if (!folder) return file;
  const inside = relative(folder, file);
  return inside !== '' && !inside.startsWith('..') && !isAbsolute(inside) ? inside : file;
}

function shorten(text: string): string {
  return text.length <= LABEL_MAX ? text : `${text.slice(0, LABEL_MAX - 1)}…`;
}

function kindFromFileName(text: string): Destination['kind'] {
  const file = text.slice(0, Math.max(text.lastIndexOf('#'), 0) || text.length).toLowerCase();
  if (/\.jsonc?$/.test(file)) return 'json';
  if (/\.ya?ml$/.test(file)) return 'yaml';
  return 'env';
}

/** The token goes on standard input: one in the command line would be readable by every user (`ps`). */
export function assertNoTokenInCommand(command: string): void {
  if (redactSecrets(command) !== command) {
    throw destinationError('arg_token_in_command', 'A destination command contains a token', { command: redactSecrets(command) });
  }
}
