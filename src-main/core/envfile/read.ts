// Reads a bot's .env from disk into a lossless document, with a plain explanation for every way that can fail.
import { readFile, stat } from 'node:fs/promises';
import { envFileError } from './errors';
import { parseEnv } from './parse';
import type { EnvDocument } from './types';

/** Far above any real .env (the largest seen is 7 KB); only here so a wrong pick is refused, not loaded. */
export const MAX_ENV_FILE_BYTES = 10 * 1024 * 1024;

export async function readEnvFile(path: string): Promise<EnvDocument> {
  return parseEnv(decodeEnvBytes(await readEnvBytes(path), path));
}

/** The file's exact bytes, after checking that it is a readable regular file of a sane size. */
export async function readEnvBytes(path: string): Promise<Uint8Array> {
  const params = { path };
  const info = await stat(path).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT' || error.code === 'ENOTDIR') {
      throw envFileError('not_found', `No file at ${path}`, params, error);
    }
    throw envFileError('unreadable', `Cannot look at ${path} (${error.code ?? 'unknown'})`, params, error);
  });
  if (info.isDirectory()) throw envFileError('is_folder', `${path} is a folder`, params);
  if (!info.isFile()) throw envFileError('not_a_file', `${path} is not a regular file`, params);
  if (info.size > MAX_ENV_FILE_BYTES) {
    throw envFileError('too_large', `${path} has ${info.size} bytes`, { ...params, megabytes: Math.round(info.size / 2 ** 20) });
  }
  return readFile(path).catch((error: NodeJS.ErrnoException) => {
    throw envFileError('unreadable', `Cannot read ${path} (${error.code ?? 'unknown'})`, params, error);
  });
}

/** UTF-8 text with a BOM kept as U+FEFF, so encoding the text again gives the same bytes. */
export function decodeEnvBytes(bytes: Uint8Array, path: string): string {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch (error) {
    throw envFileError('not_utf8', `${path} is not UTF-8 text`, { path }, error);
  }
}
