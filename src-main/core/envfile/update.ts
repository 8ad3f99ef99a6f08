// One call for the renewal pipeline: read the bot's .env, change one value, keep a backup, write atomically;
// and the matching rollback.
import type { EnvBackup, EnvBackups } from './backups';
import { writeFileAtomic } from './atomic-write';
import type { InPlaceReason } from './in-place-write';
import { setEnvValue, type EnvValueChange } from './edit';
import { decodeEnvBytes, readEnvBytes } from './read';

export interface EnvUpdateOptions {
  backups: EnvBackups;
  /** The connected bot whose backup folder is used. */
  botId: string;
}

export interface EnvUpdateResult extends Omit<EnvValueChange, 'text'> {
  /** The copy of the file as it was before the write; null when the file already held the value (nothing written). */
  backup: EnvBackup | null;
  written: boolean;
  /** Written into the file itself rather than replaced (other hard links, an owner a copy could not keep), and why. */
  inPlace: InPlaceReason | null;
}

/** Sets `key` to `value` in the .env at `path`, changing nothing else. Errors are DoctorErrors; the file is then intact. */
export async function updateEnvFile(path: string, key: string, value: string, options: EnvUpdateOptions): Promise<EnvUpdateResult> {
  const bytes = await readEnvBytes(path);
  const text = decodeEnvBytes(bytes, path);
  const { text: updated, ...change } = setEnvValue(text, key, value);
  if (updated === text) return { ...change, backup: null, written: false, inPlace: null };
  const backup = await options.backups.save(options.botId, path, bytes);
  const { inPlace } = await writeFileAtomic(path, updated);
  return { ...change, backup, written: true, inPlace };
}

/** Puts the .env back as it was in `backup` (what `updateEnvFile` returned); the replaced file is backed up too. */
export async function restoreEnvFile(path: string, backup: EnvBackup, options: EnvUpdateOptions): Promise<void> {
  await options.backups.restore(options.botId, backup.id, path);
}
