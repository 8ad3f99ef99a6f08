// The restart lock with real processes and files: one holder at a time within a process and across processes,
// "already restarting" when the caller will not wait, and a lock left by a process that is gone taken over,
// by exactly one of several callers.
import { spawn } from 'node:child_process';
import { readFile, utimes, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { botLockFile } from '../../../src-main/core/bot/bot-files';
import { readStartTime } from '../../../src-main/core/bot/process-table';
import { restartBot } from '../../../src-main/core/bot/restart';
import { withRestartLock } from '../../../src-main/core/bot/restart-lock';
import { cleanUpEverything, makeTempFolder, startSentinel } from './bot-processes';

const CHILD = fileURLToPath(new URL('./lock-child.ts', import.meta.url));

afterAll(cleanUpEverything);

function exitOf(command: string, args: string[]): Promise<{ pid: number; code: number | null; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.once('error', reject);
    child.once('close', (code) => resolve({ pid: child.pid!, code, stderr }));
  });
}

/** A PID that belonged to a process which has exited, with the start time it had. */
async function deadHolder(): Promise<{ pid: number; startTime: string | null }> {
  const child = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 200)'], { stdio: 'ignore' });
  const pid = child.pid!;
  const startTime = await readStartTime(pid);
  await new Promise((resolve) => child.once('close', resolve));
  return { pid, startTime };
}

function intervals(journal: string): Array<{ pid: string; enter: number; leave: number }> {
  const byPid = new Map<string, { pid: string; enter: number; leave: number }>();
  for (const line of journal.trim().split('\n')) {
    const [what, pid, ms] = line.split(' ') as [string, string, string];
    const entry = byPid.get(pid) ?? { pid, enter: 0, leave: 0 };
    entry[what as 'enter' | 'leave'] = Number(ms);
    byPid.set(pid, entry);
  }
  return [...byPid.values()].sort((a, b) => a.enter - b.enter);
}

describe('the restart lock', () => {
  it('lets one restart of a bot run at a time in one process, and releases the lock after a failure', async () => {
    const home = await makeTempFolder('wtd-lock-');
    const order: string[] = [];
    const hold = (name: string, ms: number) =>
      withRestartLock('shop', { dataHome: home, waitMs: 5_000, pollMs: 10 }, async () => {
        order.push(`${name} in`);
        await new Promise((resolve) => setTimeout(resolve, ms));
        order.push(`${name} out`);
      });
    await Promise.all([hold('first', 150), hold('second', 10)]);
    // Either may win the race for the lock; what matters is that the other enters only after the winner left.
    const winner = order[0]!.split(' ')[0]!;
    const loser = winner === 'first' ? 'second' : 'first';
    expect(order).toEqual([`${winner} in`, `${winner} out`, `${loser} in`, `${loser} out`]);

    await expect(withRestartLock('shop', { dataHome: home, waitMs: 0 }, () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    await expect(readFile(botLockFile('shop', home))).rejects.toMatchObject({ code: 'ENOENT' });
    // Another bot's restart never waits for this one.
    await withRestartLock('shop', { dataHome: home, waitMs: 5_000 }, () =>
      withRestartLock('other-bot', { dataHome: home, waitMs: 0 }, async () => undefined),
    );
  });

  it('says "already restarting" when the caller will not wait, or waited long enough', async () => {
    const home = await makeTempFolder('wtd-lock-');
    let release!: () => void;
    const holding = withRestartLock('shop', { dataHome: home, waitMs: 0 }, () => new Promise<void>((resolve) => (release = resolve)));
    await expect.poll(() => readFile(botLockFile('shop', home), 'utf8').catch(() => null)).not.toBeNull();
    const started = Date.now();
    await expect(withRestartLock('shop', { dataHome: home, waitMs: 300, pollMs: 20 }, async () => 'ran')).rejects.toMatchObject({
      code: 'bot_restart_in_progress',
      userMessage: { key: 'bot:errors.restartInProgress' },
    });
    expect(Date.now() - started).toBeGreaterThanOrEqual(280);
    // restartBot goes through the same lock: the dashboard's button does not wait.
    await expect(
      restartBot({ mode: 'custom', command: 'true', cwd: home }, { botId: 'shop', dataHome: home, lockWaitMs: 0 }),
    ).rejects.toMatchObject({ code: 'bot_restart_in_progress' });
    release();
    await holding;
  });

  it('waits for a holder that is alive in another process, and takes over once it is gone', async () => {
    const home = await makeTempFolder('wtd-lock-');
    const sentinel = await startSentinel();
    const file = botLockFile('shop', home);
    await withRestartLock('setup', { dataHome: home, waitMs: 0 }, async () => undefined); // creates the run folder
    await writeFile(file, JSON.stringify({ pid: sentinel.pid, startTime: sentinel.startTime, since: 'earlier' }));
    await expect(withRestartLock('shop', { dataHome: home, waitMs: 200, pollMs: 20 }, async () => 'ran')).rejects.toMatchObject({
      code: 'bot_restart_in_progress',
    });
    process.kill(sentinel.pid, 'SIGKILL');
    await expect(withRestartLock('shop', { dataHome: home, waitMs: 5_000, pollMs: 20 }, async () => 'ran')).resolves.toBe('ran');
  });

  it('breaks a lock whose holder died, and one whose PID now belongs to another program', async () => {
    const home = await makeTempFolder('wtd-lock-');
    await withRestartLock('setup', { dataHome: home, waitMs: 0 }, async () => undefined);
    const dead = await deadHolder();
    await writeFile(botLockFile('shop', home), JSON.stringify({ ...dead, since: 'earlier' }));
    await expect(withRestartLock('shop', { dataHome: home, waitMs: 0 }, async () => 'ran')).resolves.toBe('ran');

    const reused = await startSentinel();
    await writeFile(botLockFile('shop', home), JSON.stringify({ pid: reused.pid, startTime: 'another start time', since: 'earlier' }));
    await expect(withRestartLock('shop', { dataHome: home, waitMs: 0 }, async () => 'ran')).resolves.toBe('ran');
  });

  it('treats an unreadable lock as held until it is old, then as stale', async () => {
    const home = await makeTempFolder('wtd-lock-');
    await withRestartLock('setup', { dataHome: home, waitMs: 0 }, async () => undefined);
    const file = botLockFile('shop', home);
    await writeFile(file, 'not json');
    await expect(withRestartLock('shop', { dataHome: home, waitMs: 0 }, async () => 'ran')).rejects.toMatchObject({ code: 'bot_restart_in_progress' });
    const anHourAgo = new Date(Date.now() - 3_600_000);
    await utimes(file, anHourAgo, anHourAgo);
    await expect(withRestartLock('shop', { dataHome: home, waitMs: 0 }, async () => 'ran')).resolves.toBe('ran');
  });

  it('breaks a stale lock only while holding the break lock, and clears a break lock left by a crash', async () => {
    const home = await makeTempFolder('wtd-lock-');
    await withRestartLock('setup', { dataHome: home, waitMs: 0 }, async () => undefined);
    const file = botLockFile('shop', home);
    await writeFile(file, JSON.stringify({ ...(await deadHolder()), since: 'earlier' }));
    await writeFile(`${file}.break`, 'another caller is breaking it right now');
    await expect(withRestartLock('shop', { dataHome: home, waitMs: 0 }, async () => 'ran')).rejects.toMatchObject({ code: 'bot_restart_in_progress' });
    expect(await readFile(file, 'utf8')).toContain('earlier');
    const aMinuteAgo = new Date(Date.now() - 60_000);
    await utimes(`${file}.break`, aMinuteAgo, aMinuteAgo);
    await expect(withRestartLock('shop', { dataHome: home, waitMs: 2_000, pollMs: 20 }, async () => 'ran')).resolves.toBe('ran');
  });

  it('keeps four processes that start from the same stale lock out of each other', async () => {
    const home = await makeTempFolder('wtd-lock-');
    await withRestartLock('setup', { dataHome: home, waitMs: 0 }, async () => undefined);
    await writeFile(botLockFile('shop', home), JSON.stringify({ ...(await deadHolder()), since: 'earlier' }));
    const journal = join(home, 'journal.txt');
    const runs = await Promise.all(
      Array.from({ length: 4 }, () => exitOf(process.execPath, ['--import', 'tsx', CHILD, home, 'shop', journal, '150'])),
    );
    for (const run of runs) expect(run.code, run.stderr).toBe(0);
    const held = intervals(await readFile(journal, 'utf8'));
    expect(held).toHaveLength(4);
    for (let index = 1; index < held.length; index += 1) expect(held[index]!.enter).toBeGreaterThanOrEqual(held[index - 1]!.leave);
  });
});
