// Replaces a file's content all at once: a crash, a kill or a full disk leaves either the old file or the new
// one, never a mix. The bytes go to a temporary file in the same folder, are flushed to disk, then renamed over
// the target (a symlink is followed to its target, which is what gets replaced). A file with other names (hard
// links) or whose owner a new copy could not keep is written in place instead, and the result says so.
import { randomBytes } from 'node:crypto';
import { constants } from 'node:fs';
import { access, lstat, open, readdir, readlink, rename, stat, unlink, type FileHandle } from 'node:fs/promises';
import type { Stats } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { envFileError, writeError } from './errors';
import { writeInPlace, type InPlaceReason } from './in-place-write';

export interface AtomicWriteOptions {
  /** The file's mode after the write; by default an existing file keeps its mode, a new one gets 0666 − umask. */
  mode?: number;
  /** Test seam: how the bytes reach the temporary file (a test injects ENOSPC here). */
  writeTemporary?: (handle: FileHandle, data: Uint8Array) => Promise<void>;
  /** How long a rename refused because another program holds the file (Windows) is retried; 10 s by default. */
  renameDeadlineMs?: number;
  /** Test seam: the rename (a test refuses it the way Windows does while another program holds the file). */
  renameFile?: (from: string, to: string) => Promise<void>;
  /** Test seam: whose rules apply (Windows' retry of a refused rename, no folder to flush). */
  platform?: NodeJS.Platform;
}

export interface AtomicWriteResult {
  /** null: replaced whole. Otherwise the file was written in place (same inode, owner, group and mode), and why. */
  inPlace: InPlaceReason | null;
}

const TEMPORARY_SUFFIX = '.tmp';
const RENAME_DEADLINE_MS = 10_000;
const RENAME_FIRST_PAUSE_MS = 50;
const RENAME_LONGEST_PAUSE_MS = 1_000;
const MAX_SYMLINK_HOPS = 40;

/**
 * Writes `content` (text is UTF-8) to `path` atomically, or in place when a replacement would lose the file's
 * other names or its owner (see in-place-write.ts). Failures are DoctorErrors; the old file stays intact.
 */
export async function writeFileAtomic(path: string, content: string | Uint8Array, options: AtomicWriteOptions = {}): Promise<AtomicWriteResult> {
  // Stryker disable next-line ConditionalExpression: equivalent, Buffer.from copies bytes unchanged
  const data = typeof content === 'string' ? Buffer.from(content) : content;
  const platform = options.platform ?? process.platform;
  const target = await symlinkTarget(path).catch((error: unknown) => {
    throw writeError(error, path);
  });
  const existing = await writableExistingFile(target, path);
  const writeBytes = options.writeTemporary ?? writeAll;
  if (existing && existing.nlink > 1) {
    await writeInPlace(target, path, data, writeBytes);
    return { inPlace: 'hard_links' };
  }
  const folder = dirname(target);
  await removeAbandonedTemporaries(folder, basename(target));
  const temporary = join(folder, `.${basename(target)}.${process.pid}-${randomBytes(6).toString('hex')}${TEMPORARY_SUFFIX}`);
  const mode = options.mode ?? (existing ? existing.mode & 0o7777 : undefined);

  let handle: FileHandle | undefined;
  try {
    handle = await open(temporary, 'wx', mode);
    if (mode !== undefined) await handle.chmod(mode); // the umask may have cleared bits the file had
    // Stryker disable next-line BlockStatement: not reachable as root; in-place-write.test.ts writes as nobody for real, in a child process Stryker's mutants do not reach
    if (existing && !(await keptOwner(handle, existing))) {
      await handle.close();
      handle = undefined;
      await unlink(temporary);
      await writeInPlace(target, path, data, writeBytes);
      // Stryker disable next-line ObjectLiteral,StringLiteral: not reachable as root (see above)
      return { inPlace: 'owner' };
    }
    await writeBytes(handle, data);
    await handle.sync();
    await handle.close();
    handle = undefined;
    await renameOver(temporary, target, {
      deadlineMs: options.renameDeadlineMs ?? RENAME_DEADLINE_MS,
      rename: options.renameFile ?? rename,
      platform,
    });
  } catch (error) {
    await handle?.close().catch(() => undefined);
    await unlink(temporary).catch(() => undefined);
    throw writeError(error, path);
  }
  await syncFolder(folder, platform);
  return { inPlace: null };
}

/**
 * What writeFileAtomic would do with `path`, writing nothing (a dry run): throws the DoctorError the write would
 * meet (a folder, a read-only file, no permission), or says whether it would write in place, and why.
 */
export async function inspectWrite(path: string): Promise<AtomicWriteResult> {
  const target = await symlinkTarget(path).catch((error: unknown) => {
    throw writeError(error, path);
  });
  const existing = await writableExistingFile(target, path);
  if (existing && existing.nlink > 1) return { inPlace: 'hard_links' };
  if (existing && !ownerCouldBeKept(existing)) return { inPlace: 'owner' };
  // A replacement is written beside the file first: its folder must take a new file.
  await access(dirname(target), constants.W_OK).catch((error: unknown) => {
    throw writeError(error, path);
  });
  return { inPlace: null };
}

/** Whether this process may give a new copy the file's owner and group (keptOwner's question, asked in advance). */
function ownerCouldBeKept(original: Stats): boolean {
  if (process.platform === 'win32' || !process.getuid || !process.getegid || !process.getgroups) return true;
  if (process.getuid() === 0) return true;
  const groups = [process.getegid(), ...process.getgroups()];
  return original.uid === process.getuid() && groups.includes(original.gid);
}

async function writeAll(handle: FileHandle, data: Uint8Array): Promise<void> {
  await handle.writeFile(data);
}

/** Where a write to `path` really lands: symlinks followed hop by hop, so a dangling link's target is created. */
async function symlinkTarget(path: string): Promise<string> {
  let current = resolve(path);
  for (let hop = 0; hop < MAX_SYMLINK_HOPS; hop += 1) {
    // Stryker disable next-line BlockStatement: equivalent, as below
    const info = await lstat(current).catch((error: NodeJS.ErrnoException) => {
      // Stryker disable next-line ConditionalExpression: equivalent, any other failure fails the write below with the same explanation
      if (error.code === 'ENOENT') return null;
      throw error;
    });
    if (!info?.isSymbolicLink()) return current;
    current = resolve(dirname(current), await readlink(current));
  }
  throw Object.assign(new Error(`Too many symbolic links at ${path}`), { code: 'ELOOP' });
}

/** The target's current stats (null when it does not exist yet), after refusing what must not be replaced. */
async function writableExistingFile(target: string, path: string): Promise<Stats | null> {
  // Stryker disable next-line ArrowFunction: equivalent, undefined and null both mean "no file yet"
  const info = await stat(target).catch(() => null);
  if (!info) return null;
  if (info.isDirectory()) throw envFileError('is_folder', `${path} is a folder`, { path });
  if (!info.isFile()) throw envFileError('not_a_file', `${path} is not a regular file`, { path });
  // A rename would replace even a read-only file (and root may write anything): respect the owner's choice.
  if ((info.mode & 0o222) === 0) throw envFileError('read_only', `${path} is read-only`, { path });
  // Fails for a user the file's ACL or owner shuts out; root only on a read-only mount, and this machine's tests
  // run as root without one.
  // Stryker disable next-line BlockStatement: not reachable as root (see above)
  await access(target, constants.W_OK).catch((error: unknown) => {
    throw writeError(error, path);
  });
  return info;
}

/** Gives the new copy the file's owner and group; false when that is not allowed (only root may give files away). */
async function keptOwner(handle: FileHandle, original: Stats): Promise<boolean> {
  // On Windows both stats say 0, so this is true at once.
  const current = await handle.stat();
  // Stryker disable next-line ConditionalExpression: equivalent, giving a file the owner and group it has always succeeds (this saves the call)
  if (current.uid === original.uid && current.gid === original.gid) return true;
  return handle.chown(original.uid, original.gid).then(
    () => true,
    // Stryker disable next-line ArrowFunction,BooleanLiteral: equivalent, undefined is as false; a refused chown is not reachable as root
    () => false,
  );
}

/**
 * Windows refuses a rename while another program holds the file: an editor, Defender scanning the fresh file,
 * OneDrive uploading it, which can take seconds. Retry with growing pauses until `deadlineMs` has passed.
 */
async function renameOver(
  from: string,
  to: string,
  how: { deadlineMs: number; rename: (from: string, to: string) => Promise<void>; platform: NodeJS.Platform },
): Promise<void> {
  const deadline = Date.now() + how.deadlineMs;
  for (let pause = RENAME_FIRST_PAUSE_MS; ; pause = Math.min(pause * 2, RENAME_LONGEST_PAUSE_MS)) {
    try {
      await how.rename(from, to);
      return;
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      const transient = how.platform === 'win32' && (code === 'EPERM' || code === 'EACCES' || code === 'EBUSY');
      // Stryker disable next-line EqualityOperator: equivalent, a millisecond either way at a deadline of seconds
      if (!transient || Date.now() + pause > deadline) throw error;
      await new Promise((done) => setTimeout(done, pause));
    }
  }
}

// Only a power cut shows whether the folder's new entry reached the disk: nothing a test here can observe.
// Stryker disable all: not observable (see above)
/** Makes the rename itself durable; folders cannot be opened for this on Windows, where NTFS journals it. */
async function syncFolder(folder: string, platform: NodeJS.Platform): Promise<void> {
  if (platform === 'win32') return;
  const handle = await open(folder, 'r').catch(() => null);
  await handle?.sync().catch(() => undefined);
  await handle?.close().catch(() => undefined);
}
// Stryker restore all

/**
 * Deletes temporary files that a killed writer left beside the target (they may hold a token). Only files of
 * our own naming whose writer process is gone are touched.
 */
async function removeAbandonedTemporaries(folder: string, name: string): Promise<void> {
  const prefix = `.${name}.`;
  // Stryker disable next-line ArrayDeclaration: equivalent, no name of ours looks like Stryker's
  const names = await readdir(folder).catch((): string[] => []);
  for (const candidate of names) {
    if (!candidate.startsWith(prefix) || !candidate.endsWith(TEMPORARY_SUFFIX)) continue;
    const writer = /^(\d+)-[0-9a-f]{12}$/.exec(candidate.slice(prefix.length, -TEMPORARY_SUFFIX.length));
    if (!writer || isProcessAlive(Number(writer[1]))) continue;
    await unlink(join(folder, candidate)).catch(() => undefined);
  }
}

function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // Another user's process: alive. Only reachable without root, which this machine's tests run as.
    // Stryker disable next-line ConditionalExpression,StringLiteral: not reachable as root (see above)
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
