// One restart per bot at a time, across processes: the desktop app (dashboard, tray, watch) and any number of CLI
// runs. Two restarts at once would each start a bot, and the one no longer tracked would keep the port and the old
// token. The lock is a file in the data folder naming its holder (PID + start time); a holder that is gone leaves
// a stale lock, which the next caller breaks — under a short second lock, so two callers can never both break it.
import { randomBytes } from 'node:crypto';
import { link, mkdir, readFile, stat, unlink, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { DoctorError } from '../errors';
import { botLockFile } from './bot-files';
import { readProcess, readStartTime } from './process-table';

export interface RestartLockOptions {
  dataHome: string;
  /** How long a second caller waits for the first to finish; 0 answers "already restarting" at once. */
  waitMs: number;
  pollMs?: number;
}

/** Long enough for a whole restart (stop grace, start, health wait), short enough that nobody waits forever. */
export const DEFAULT_RESTART_LOCK_WAIT_MS = 60_000;
/** Breaking a stale lock takes milliseconds; a break lock older than this was left by a crash. */
const BREAK_LOCK_STALE_MS = 10_000;
/** A lock file we cannot read (hand-edited, a full disk) counts as stale once it is this old. */
const UNREADABLE_LOCK_STALE_MS = 30_000;
const DEFAULT_POLL_MS = 100;

interface Holder {
  pid: number;
  startTime: string | null;
  since: string;
}

/**
 * Runs `work` while holding the bot's restart lock. Throws `bot_restart_in_progress` when another restart of the
 * same bot still holds it after `waitMs`.
 */
export async function withRestartLock<T>(botId: string, options: RestartLockOptions, work: () => Promise<T>): Promise<T> {
  const file = botLockFile(botId, options.dataHome);
  await mkdir(dirname(file), { recursive: true, mode: 0o700 });
  const content = JSON.stringify(await ourselves());
  const deadline = Date.now() + options.waitMs;
  while (!(await tryAcquire(file, content))) {
    if (Date.now() >= deadline) {
      throw new DoctorError(
        'bot_restart_in_progress',
        { key: 'bot:errors.restartInProgress' },
        `Another restart of bot ${botId} is still running.`,
      );
    }
    await new Promise((resolve) => setTimeout(resolve, Math.min(options.pollMs ?? DEFAULT_POLL_MS, Math.max(0, deadline - Date.now()))));
  }
  try {
    return await work();
  } finally {
    // Only our own lock goes: had it been broken and taken by another caller, that one's stays.
    if ((await readFile(file, 'utf8').catch(() => null)) === content) await unlink(file).catch(() => undefined);
  }
}

let self: Holder | undefined;

async function ourselves(): Promise<Holder> {
  self ??= { pid: process.pid, startTime: await readStartTime(process.pid), since: '' };
  // Each acquisition is told apart (two restarts of one bot in this very process wait for each other too).
  return { ...self, since: `${new Date().toISOString()} ${randomBytes(4).toString('hex')}` };
}

async function tryAcquire(file: string, content: string): Promise<boolean> {
  if (await createWhole(file, content)) return true;
  const seen = await readFile(file, 'utf8').catch(() => null);
  if (seen === null) return createWhole(file, content); // released in the meantime
  if (!(await isStale(file, seen))) return false;
  await breakStaleLock(file, seen);
  return createWhole(file, content);
}

/** The lock appears with its whole content or not at all (written aside, then hard-linked into place). */
async function createWhole(file: string, content: string): Promise<boolean> {
  const aside = `${file}.${process.pid}-${randomBytes(6).toString('hex')}.tmp`;
  await writeFile(aside, content, { mode: 0o600 });
  try {
    await link(aside, file);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  } finally {
    await unlink(aside).catch(() => undefined);
  }
}

async function isStale(file: string, content: string): Promise<boolean> {
  const holder = parseHolder(content);
  if (!holder) return olderThan(file, UNREADABLE_LOCK_STALE_MS);
  if (holder.startTime !== null) return (await readStartTime(holder.pid)) !== holder.startTime;
  return (await readProcess(holder.pid)) === null;
}

/** Removes the lock only if it still holds what was judged stale, and only one caller at a time may try. */
async function breakStaleLock(file: string, staleContent: string): Promise<void> {
  const breaker = `${file}.break`;
  if (!(await createWhole(breaker, String(process.pid)))) {
    if (await olderThan(breaker, BREAK_LOCK_STALE_MS)) await unlink(breaker).catch(() => undefined);
    return;
  }
  try {
    if ((await readFile(file, 'utf8').catch(() => null)) === staleContent) await unlink(file).catch(() => undefined);
  } finally {
    await unlink(breaker).catch(() => undefined);
  }
}

function parseHolder(content: string): Holder | null {
  try {
    const value = JSON.parse(content) as Partial<Holder>;
    if (!Number.isInteger(value.pid) || (value.pid ?? 0) < 1) return null;
    return { pid: value.pid!, startTime: typeof value.startTime === 'string' ? value.startTime : null, since: String(value.since ?? '') };
  } catch {
    return null;
  }
}

async function olderThan(file: string, ms: number): Promise<boolean> {
  const info = await stat(file).catch(() => null);
  return info !== null && Date.now() - info.mtimeMs > ms;
}

