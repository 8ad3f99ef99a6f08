// Keeps the previous .env before each write, in the app's own data folder (never beside the bot's files):
// `<dataHome>/backups/<botId>/`, folders 0700, files 0600, the newest 10 per bot. Restoring is itself a
// write, so the file being replaced is backed up first and the restore can be undone.
import { randomBytes } from 'node:crypto';
import { chmod, mkdir, readdir, readFile, stat, unlink } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { dataHome } from '../paths';
import { redactSecrets } from '../redact';
import { writeFileAtomic } from './atomic-write';
import { envFileError } from './errors';
import { readEnvBytes } from './read';

export const DEFAULT_BACKUPS_KEPT = 10;

export interface EnvBackup {
  /** Stable name to restore it by. */
  id: string;
  path: string;
  createdAt: Date;
  size: number;
  /** The name the file had (`.env`, `localvariables.env`…). */
  fileName: string;
}

export interface EnvBackupsOptions {
  /** The app's data folder; defaults to `dataHome()` (which honours WA_TOKEN_DOCTOR_HOME). */
  dataHome?: string;
  keep?: number;
}

const VALID_BOT_ID = /^[A-Za-z0-9][\w.-]{0,127}$/;
const BACKUP_ID = /^(\d{8}T\d{9}Z)-[0-9a-f]{6}--([\w.-]+)$/;

let lastStamp = 0;

/** Millisecond timestamps that never repeat within this process, so backups sort in the order they were made. */
function nextStamp(): Date {
  lastStamp = Math.max(Date.now(), lastStamp + 1);
  return new Date(lastStamp);
}

function stampText(date: Date): string {
  return date.toISOString().replace(/[-:]/g, '').replace('.', '');
}

/** The date of a stamp of ours (BACKUP_ID has matched it). */
function stampDate(text: string): Date {
  // Stryker disable next-line Regex: equivalent, the text is always a whole stamp
  return new Date(text.replace(/^(\d{4})(\d\d)(\d\d)T(\d\d)(\d\d)(\d\d)(\d{3})Z$/, '$1-$2-$3T$4:$5:$6.$7Z'));
}

export class EnvBackups {
  readonly folder: string;
  readonly keep: number;

  constructor(options: EnvBackupsOptions = {}) {
    this.folder = join(options.dataHome ?? dataHome(), 'backups');
    this.keep = options.keep ?? DEFAULT_BACKUPS_KEPT;
  }

  /** Keeps a copy of `envPath` (or of `content`, the bytes just read from it), then drops the oldest beyond `keep`. */
  async save(botId: string, envPath: string, content?: Uint8Array): Promise<EnvBackup> {
    const bytes = content ?? (await readEnvBytes(envPath));
    const folder = await this.botFolder(botId);
    const safeName = basename(envPath).replace(/[^\w.-]/g, '_');
    // Stryker disable next-line LogicalOperator,StringLiteral: equivalent, the path of a file always ends in a name
    const fileName = safeName || 'env';
    const id = `${stampText(nextStamp())}-${randomBytes(3).toString('hex')}--${fileName}`;
    const path = join(folder, id);
    await writeFileAtomic(path, bytes, { mode: 0o600 });
    const backups = await this.list(botId);
    await Promise.all(backups.slice(this.keep).map((old) => unlink(old.path).catch(() => undefined)));
    return { id, path, createdAt: stampDate(id.slice(0, 19)), size: bytes.byteLength, fileName };
  }

  /** This bot's backups, newest first. */
  async list(botId: string): Promise<EnvBackup[]> {
    const folder = join(this.folder, checkedBotId(botId));
    // Stryker disable next-line ArrayDeclaration: equivalent, Stryker's name is no backup's
    const names = await readdir(folder).catch((): string[] => []);
    const backups = await Promise.all(
      names.map(async (id): Promise<EnvBackup | null> => {
        const match = BACKUP_ID.exec(id);
        if (!match) return null;
        // Stryker disable next-line ArrowFunction: equivalent, undefined and null both mean "gone"
        const info = await stat(join(folder, id)).catch(() => null);
        if (!info?.isFile()) return null;
        return { id, path: join(folder, id), createdAt: stampDate(match[1]!), size: info.size, fileName: match[2]! };
      }),
    );
    return backups.filter((backup): backup is EnvBackup => backup !== null).sort((a, b) => b.id.localeCompare(a.id));
  }

  /**
   * Puts backup `backupId` back at `envPath` atomically. The file it replaces is backed up first
   * (`previous`, null when there was no file).
   */
  async restore(botId: string, backupId: string, envPath: string): Promise<{ restored: EnvBackup; previous: EnvBackup | null }> {
    const restored = (await this.list(botId)).find((backup) => backup.id === backupId);
    // Read before the safety backup below, which may prune this very backup when it is the oldest.
    // Stryker disable next-line ArrowFunction: equivalent, undefined and null both mean "gone"
    const bytes = restored ? await readFile(restored.path).catch(() => null) : null;
    if (!bytes) {
      throw envFileError('backup_not_found', redactSecrets(`No backup ${backupId} for bot ${botId}`), { id: redactSecrets(backupId) });
    }
    // Stryker disable next-line ArrowFunction: equivalent, undefined and null both mean "no file to keep"
    const current = await readEnvBytes(envPath).catch(() => null);
    const previous = current ? await this.save(botId, envPath, current) : null;
    await writeFileAtomic(envPath, bytes);
    return { restored: restored!, previous };
  }

  private async botFolder(botId: string): Promise<string> {
    const folder = join(this.folder, checkedBotId(botId));
    await mkdir(folder, { recursive: true, mode: 0o700 });
    // mkdir's mode is filtered by the umask and ignored for folders that already exist.
    await chmod(this.folder, 0o700);
    await chmod(folder, 0o700);
    return folder;
  }
}

function checkedBotId(botId: string): string {
  if (!VALID_BOT_ID.test(botId) || botId.includes('..')) {
    throw envFileError('invalid_bot_id', redactSecrets(`Bot id ${JSON.stringify(botId)} cannot name a folder`));
  }
  return botId;
}
