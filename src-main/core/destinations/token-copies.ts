// Finds other places in the bot's folder that hold the very same token (a second .env for the front end, a
// JSON or YAML settings file), so each can be offered as one more destination: a copy left behind keeps
// the old token.
import { readFile, stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { isMap, isScalar, isSeq, parseDocument, type Node } from 'yaml';
import { envValues, findEnvFiles, readEnvFile } from '../envfile';
import { findFiles } from '../envfile/folder-walk';
import { readJsonString } from './json-edit';
import { scanJson, type JsonNode } from './json-scan';
import { formatKeyPath, type KeyPathSegment } from './key-path';
import type { Destination } from './types';
import { readYamlString } from './yaml-edit';

export interface TokenCopy {
  destination: Destination;
  /** The file relative to the bot's folder, for messages. */
  relativePath: string;
}

/** Shorter values (placeholders, empty strings) match by chance; real tokens are far longer. */
const MIN_TOKEN_LENGTH = 20;
const MAX_SETTINGS_BYTES = 1024 * 1024;
const SETTINGS_FILE = /\.(jsonc?|ya?ml)$/i;
/** Tooling files that never hold a bot's own settings. */
const NOT_SETTINGS = /^(package(-lock)?\.json|tsconfig.*\.json|jsconfig\.json|composer\.(json|lock)|pnpm-lock\.yaml|\.?eslintrc.*|\.prettierrc.*)$/i;
const SETTINGS_LIMITS = { maxDepth: 2, maxFiles: 200, maxFolders: 300 };

/** The destination the token is known to be in. */
export interface TokenOrigin {
  envFile: string;
  tokenVariable: string;
}

/** Every other variable or key holding `token` exactly (another .env, another variable of the same one, JSON, YAML). */
export async function findTokenCopies(folder: string, origin: TokenOrigin, token: string): Promise<TokenCopy[]> {
  if (token.length < MIN_TOKEN_LENGTH) return [];
  const [envCopies, settingsCopies] = await Promise.all([envFileCopies(folder, origin, token), settingsFileCopies(folder, token)]);
  return [...envCopies, ...settingsCopies];
}

async function envFileCopies(folder: string, origin: TokenOrigin, token: string): Promise<TokenCopy[]> {
  const copies: TokenCopy[] = [];
  for (const candidate of await findEnvFiles(folder)) {
    if (candidate.example) continue;
    const doc = await readEnvFile(candidate.path).catch(() => null);
    if (!doc) continue;
    const isOrigin = resolve(candidate.path) === resolve(origin.envFile);
    for (const [variable, value] of envValues(doc)) {
      if (value.trim() !== token || (isOrigin && variable === origin.tokenVariable)) continue;
      copies.push({ destination: { kind: 'env', file: candidate.path, variable }, relativePath: candidate.relativePath });
    }
  }
  return copies;
}

async function settingsFileCopies(folder: string, token: string): Promise<TokenCopy[]> {
  const files = await findFiles(folder, (name) => SETTINGS_FILE.test(name) && !NOT_SETTINGS.test(name), SETTINGS_LIMITS);
  const copies: TokenCopy[] = [];
  for (const file of files) {
    const size = await stat(file.path).then((info) => info.size, () => Infinity);
    if (size > MAX_SETTINGS_BYTES) continue;
    const text = await readFile(file.path, 'utf8').catch(() => '');
    if (!text.includes(token)) continue; // most files: no parsing at all
    const kind = /\.jsonc?$/i.test(file.name) ? 'json' : 'yaml';
    for (const path of kind === 'json' ? jsonPathsOf(text, token) : yamlPathsOf(text, token)) {
      const keyPath = formatKeyPath(path);
      // Offer only what the editor will accept (a path through a YAML alias, say, would be refused at write time).
      const readable = (kind === 'json' ? readJsonString : readYamlString)(text, path, file.path);
      if (readable === token) copies.push({ destination: { kind, file: file.path, keyPath }, relativePath: file.relativePath });
    }
  }
  return copies;
}

function jsonPathsOf(text: string, token: string): KeyPathSegment[][] {
  const found: KeyPathSegment[][] = [];
  const visit = (node: JsonNode, path: KeyPathSegment[]): void => {
    if (node.type === 'object') node.members.forEach((member) => visit(member.value, [...path, member.key]));
    else if (node.type === 'array') node.elements.forEach((element, index) => visit(element, [...path, index]));
    else if (node.value === token) found.push(path);
  };
  try {
    visit(scanJson(text).root, []);
  } catch {
    return [];
  }
  return found;
}

function yamlPathsOf(text: string, token: string): KeyPathSegment[][] {
  const doc = parseDocument(text);
  if (doc.errors.length > 0) return [];
  const found: KeyPathSegment[][] = [];
  const visit = (node: unknown, path: KeyPathSegment[]): void => {
    if (isMap(node)) node.items.forEach((pair) => isScalar(pair.key) && visit(pair.value, [...path, String(pair.key.value)]));
    else if (isSeq(node)) node.items.forEach((item, index) => visit(item, [...path, index]));
    else if (isScalar(node) && typeof node.value === 'string' && node.value.trim() === token) found.push(path);
  };
  visit(doc.contents as Node | null, []);
  return found;
}
