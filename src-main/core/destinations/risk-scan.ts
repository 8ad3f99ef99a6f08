// At connect time: reads the bot's files for setups where writing the token and restarting the bot is not
// enough, and says what the owner must do — the token baked into a Docker image or a web page's code, copied
// into a database at first start, or present in a second file that would keep the old one.
import { dirname, relative, sep } from 'node:path';
import { readFile } from 'node:fs/promises';
import { envValues, readEnvFile, type EnvDocument } from '../envfile';
import { findFiles } from '../envfile/folder-walk';
import type { UserMessage } from '../errors';
import { databaseHintInCode, databaseHintInEnv, type DatabaseHint } from './database-hints';
import { describeDestination } from './destination-arg';
import { envCopiedIntoImage } from '../bot/dockerfile';
import { findTokenCopies, type TokenCopy } from './token-copies';
import type { Destination } from './types';

export interface TokenDeliveryOptions {
  /** The variable that holds the token in `envFile`. */
  tokenVariable: string;
  envFile: string;
}

/** Build tools that copy these variables into the JavaScript sent to every visitor's browser at build time. */
const FRONT_END_PREFIXES: ReadonlyArray<[prefix: string, tool: string]> = [
  ['VITE_', 'Vite'],
  ['NEXT_PUBLIC_', 'Next.js'],
  ['REACT_APP_', 'Create React App'],
  ['EXPO_PUBLIC_', 'Expo'],
];
/** "The same token is also in …": moot for a caller that makes every copy a destination (the CLI's connect). */
export const TOKEN_DUPLICATED_KEY = 'destinations:risk.token_duplicated';
const DOCKERFILE = /^(?:Dockerfile(?:\..+)?|.+\.[Dd]ockerfile)$/;
const DOCKERFILE_LIMITS = { maxDepth: 3, maxFiles: 20, maxFolders: 300 };

export async function scanTokenDeliveryRisks(folder: string, options: TokenDeliveryOptions): Promise<UserMessage[]> {
  const doc = await readEnvFile(options.envFile).catch(() => null);
  const token = doc ? (envValues(doc).get(options.tokenVariable)?.trim() ?? '') : '';
  const [images, database, copies] = await Promise.all([
    dockerImageRisks(folder, options.envFile),
    databaseRisk(folder, doc, options),
    findTokenCopies(folder, options, token).catch((): TokenCopy[] => []),
  ]);
  return [
    ...images,
    ...frontEndRisk(options.tokenVariable, shown(folder, options.envFile)),
    ...database,
    ...copies.flatMap((copy) => copyRisks(copy, folder)),
  ];
}

/** The .env destination, and every other file that holds the same token: what "connect a bot" should propose. */
export async function suggestDestinations(folder: string, options: TokenDeliveryOptions): Promise<Destination[]> {
  const doc = await readEnvFile(options.envFile);
  const token = envValues(doc).get(options.tokenVariable)?.trim() ?? '';
  const copies = await findTokenCopies(folder, options, token);
  return [{ kind: 'env', file: options.envFile, variable: options.tokenVariable }, ...copies.map((copy) => copy.destination)];
}

function shown(folder: string, file: string): string {
  const inside = relative(folder, file);
  return inside.startsWith('..') ? file : inside.split(sep).join('/');
}

async function dockerImageRisks(folder: string, envFile: string): Promise<UserMessage[]> {
  const dockerfiles = await findFiles(folder, (name) => DOCKERFILE.test(name), DOCKERFILE_LIMITS);
  const messages: UserMessage[] = [];
  for (const dockerfile of dockerfiles) {
    // The usual build context is the Dockerfile's own folder (compose files are checked in compose.ts).
    const context = dirname(dockerfile.path);
    const envPath = relative(context, envFile).split(sep).join('/');
    if (envPath.startsWith('..')) continue;
    const text = await readFile(dockerfile.path, 'utf8').catch(() => '');
    const dockerignore = await readFile(`${context}${sep}.dockerignore`, 'utf8').catch(() => null);
    const copied = envCopiedIntoImage(text, envPath, dockerignore);
    if (copied) {
      messages.push({ key: `destinations:risk.${copied}`, params: { dockerfile: dockerfile.relativePath.split(sep).join('/'), envFile: envPath } });
    }
  }
  return messages;
}

function frontEndRisk(variable: string, file: string): UserMessage[] {
  const match = FRONT_END_PREFIXES.find(([prefix]) => variable.toUpperCase().startsWith(prefix));
  return match ? [{ key: 'destinations:risk.front_end_bundle', params: { variable, prefix: match[0], tool: match[1], file } }] : [];
}

async function databaseRisk(folder: string, doc: EnvDocument | null, options: TokenDeliveryOptions): Promise<UserMessage[]> {
  const hint: DatabaseHint | null = (doc && databaseHintInEnv(doc, options.tokenVariable)) ?? (await databaseHintInCode(folder, options.tokenVariable));
  if (!hint) return [];
  const params = { variable: options.tokenVariable, file: hint.kind === 'code_saves_token' ? hint.file.split(sep).join('/') : shown(folder, options.envFile), line: hint.line };
  return [{ key: `destinations:risk.${hint.kind}`, params }];
}

function copyRisks(copy: TokenCopy, folder: string): UserMessage[] {
  const where = describeDestination(copy.destination, folder);
  const duplicated: UserMessage = { key: TOKEN_DUPLICATED_KEY, params: { where } };
  return copy.destination.kind === 'env' ? [duplicated, ...frontEndRisk(copy.destination.variable, copy.relativePath.split(sep).join('/'))] : [duplicated];
}
