// Where a bot's run leaves its traces in the app's data folder: its log and the record of the process we started.
import { mkdir, readFile, rm } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import * as v from 'valibot';
import { writeFileAtomic } from '../envfile';
import { dataHome } from '../paths';
import { ManagedProcessStateSchema, type ManagedProcessState } from './types';

/** Bot ids become file names, so they are checked before any path is built from them. */
export function assertBotId(botId: string): void {
  if (!/^[A-Za-z0-9_-]{1,64}$/.test(botId)) {
    throw new RangeError('A bot id is 1-64 letters, digits, "-" or "_".');
  }
}

export function botLogFile(botId: string, home: string = dataHome()): string {
  assertBotId(botId);
  return join(home, 'logs', `${botId}.log`);
}

export function botStateFile(botId: string, home: string = dataHome()): string {
  assertBotId(botId);
  return join(home, 'run', `${botId}.json`);
}

/** Held while the bot restarts (see restart-lock.ts). */
export function botLockFile(botId: string, home: string = dataHome()): string {
  assertBotId(botId);
  return join(home, 'run', `${botId}.restart.lock`);
}

/** The record of the process we started for this bot; null when there is none or it is unreadable. */
export async function readManagedState(botId: string, home: string = dataHome()): Promise<ManagedProcessState | null> {
  const text = await readFile(botStateFile(botId, home), 'utf8').catch(() => null);
  if (text === null) return null;
  try {
    const parsed = v.safeParse(ManagedProcessStateSchema, JSON.parse(text));
    return parsed.success ? parsed.output : null;
  } catch {
    return null;
  }
}

/** Written whole or not at all: a torn record would lose the PID of a running bot. */
export async function writeManagedState(botId: string, state: ManagedProcessState, home: string = dataHome()): Promise<void> {
  const file = botStateFile(botId, home);
  await mkdir(dirname(file), { recursive: true, mode: 0o700 });
  await writeFileAtomic(file, `${JSON.stringify(state, null, 2)}\n`, { mode: 0o600 });
}

export async function clearManagedState(botId: string, home: string = dataHome()): Promise<void> {
  await rm(botStateFile(botId, home), { force: true });
}
