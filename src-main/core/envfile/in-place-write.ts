// Writing into a file instead of replacing it, for the two cases a replacement would get wrong: a file with other
// names (hard links), which would keep the old bytes, and a file whose owner or group a new copy could not keep
// (only root may give a file away), which the bot running as that owner might then be unable to read. The file
// keeps its inode, owner, group and mode. This is not atomic, so the bytes it had are written back if the write
// fails half-way (a full disk); the caller's backup in the app's data folder is the second line of defence.
import type { FileHandle } from 'node:fs/promises';
import { open, readFile } from 'node:fs/promises';
import { writeError } from './errors';

/** Why a file was written in place rather than replaced. */
export type InPlaceReason = 'hard_links' | 'owner';

export type WriteBytes = (handle: FileHandle, data: Uint8Array) => Promise<void>;

/** Rewrites `target` with `data` from its first byte; `path` names it in errors. Failures are DoctorErrors. */
export async function writeInPlace(target: string, path: string, data: Uint8Array, writeBytes: WriteBytes): Promise<void> {
  // Stryker disable next-line BlockStatement: not reachable as root, who may read and open the writable regular file the caller found
  const refuse = (error: unknown): never => {
    throw writeError(error, path);
  };
  const original = await readFile(target).catch(refuse);
  const handle = await open(target, 'r+').catch(refuse);
  try {
    await writeBytes(handle, data);
    await handle.truncate(data.length);
    await handle.sync();
  } catch (error) {
    await putBack(handle, original);
    throw writeError(error, path);
  } finally {
    await handle.close().catch(() => undefined);
  }
}

async function putBack(handle: FileHandle, original: Buffer): Promise<void> {
  try {
    await handle.write(original, 0, original.length, 0);
    await handle.truncate(original.length);
    await handle.sync();
  } catch {
    // The disk refuses even the old bytes: the backup in the app's data folder has them.
  }
}
