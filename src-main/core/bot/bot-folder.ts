// Questions about the bot's folder: does it exist, is a path inside it, does a command line point into it.
import { realpath, stat } from 'node:fs/promises';
import { parse, resolve, sep } from 'node:path';
import { DoctorError } from '../errors';

/**
 * The folder as the OS reports processes' folders: absolute, symlinks resolved. Throws `bot_folder_missing`.
 * On Windows the path stays as the owner gave it: the real path of a mapped drive (`Z:\bot`) is its
 * `\\server\share\bot` form, which cmd.exe refuses as a working folder.
 */
export async function resolveBotFolder(folder: string, platform: NodeJS.Platform = process.platform): Promise<string> {
  const info = await stat(folder).catch(() => null);
  if (!info?.isDirectory()) {
    throw new DoctorError(
      'bot_folder_missing',
      { key: 'bot:errors.folderMissing', params: { folder } },
      `The bot's folder ${folder} does not exist (or is not a folder).`,
    );
  }
  if (platform === 'win32') return resolve(folder);
  return realpath(folder).catch(() => resolve(folder));
}

/** `\\server\share\bot` (not `\\?\C:\…`, which is a local path in long form). */
export function isUncPath(path: string): boolean {
  return /^[\\/]{2}(?![?.][\\/])[^\\/]+[\\/][^\\/]+/.test(path);
}

/** A folder that would make every process "the bot's" (the root of a drive) is refused outright. */
export function assertNotFilesystemRoot(folder: string): void {
  const absolute = resolve(folder);
  if (parse(absolute).root === absolute) {
    throw new DoctorError(
      'bot_folder_too_broad',
      { key: 'bot:errors.folderTooBroad', params: { folder } },
      `Refusing to treat ${folder} as a bot's folder: every process would match.`,
    );
  }
}

/** True when `path` is `folder` or inside it (case-insensitive on Windows and macOS). */
export function isInsideFolder(path: string, folder: string, platform: NodeJS.Platform = process.platform): boolean {
  const fold = (text: string) => (platform === 'win32' || platform === 'darwin' ? text.toLowerCase() : text);
  const separator = platform === 'win32' ? '\\' : sep;
  const normalise = (text: string) => fold(platform === 'win32' ? text.replace(/\//g, '\\') : text).replace(/[\\/]+$/, '');
  const target = normalise(path);
  const base = normalise(folder);
  return target === base || target.startsWith(base + separator);
}

/** True when the command line names `folder` or something inside it (`python /srv/bot/run.py`), not `/srv/bot2`. */
export function commandLineMentionsFolder(
  commandLine: string,
  folder: string,
  platform: NodeJS.Platform = process.platform,
): boolean {
  const windows = platform === 'win32';
  const base = (windows ? folder.replace(/\//g, '\\') : folder).replace(/[\\/]+$/, '');
  const line = windows ? commandLine.replace(/\//g, '\\') : commandLine;
  const escaped = base.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const boundary = windows ? '(?=[\\\\\\s"\']|$)' : '(?=[/\\s"\']|$)';
  return new RegExp(`(?:^|[\\s"'=])${escaped}${boundary}`, windows || platform === 'darwin' ? 'i' : '').test(line);
}
