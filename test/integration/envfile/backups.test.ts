// Backups of the .env in the app's data folder: private, capped at 10 per bot, restorable (and the restore undoable).
import { mkdirSync, readdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { isMainThread } from 'node:worker_threads';
import { describe, expect, it, vi } from 'vitest';
import { EnvBackups } from '../../../src-main/core/envfile/backups';
import { fakeAccessToken } from '../../unit/envfile/real-world-files';
import { tempFolder } from './temp-folder';

const posix = process.platform !== 'win32';

function setUp() {
  const bot = tempFolder('bot-');
  const home = tempFolder('home-');
  const envPath = join(bot, '.env');
  return { bot, home, envPath, backups: new EnvBackups({ dataHome: home }) };
}

describe('EnvBackups', () => {
  it('keeps the newest 10 per bot, newest first, in the data folder and never beside the .env', async () => {
    const { bot, home, envPath, backups } = setUp();
    for (let version = 1; version <= 12; version += 1) {
      writeFileSync(envPath, `VERSION=${version}\n`);
      await backups.save('bot-1', envPath);
    }
    const list = await backups.list('bot-1');
    expect(list).toHaveLength(10);
    expect(list.map((backup) => readFileSync(backup.path, 'utf8'))).toEqual(
      Array.from({ length: 10 }, (_unused, index) => `VERSION=${12 - index}\n`),
    );
    expect(list.every((backup) => backup.path.startsWith(join(home, 'backups', 'bot-1')) && backup.fileName === '.env')).toBe(true);
    expect(list[0]!.createdAt.getTime()).toBeGreaterThan(list[9]!.createdAt.getTime());
    expect(Math.abs(list[0]!.createdAt.getTime() - Date.now())).toBeLessThan(60_000);
    expect(readdirSync(bot)).toEqual(['.env']);
    expect(await backups.list('another-bot')).toEqual([]);
  });

  it.skipIf(!posix)('makes the folders 0700 and the files 0600, whatever the umask', async () => {
    const { home, envPath, backups } = setUp();
    writeFileSync(envPath, 'A=1\n', { mode: 0o644 });
    // A worker thread (how `npm run mutation` runs tests) may not change the umask: there the inherited one must
    // let group and others in, or the modes below would prove nothing.
    if (!isMainThread) expect(process.umask() & 0o077).not.toBe(0o077);
    const previousUmask = isMainThread ? process.umask(0o022) : process.umask();
    try {
      const backup = await backups.save('bot-1', envPath);
      expect(statSync(backup.path).mode & 0o777).toBe(0o600);
      expect(statSync(join(home, 'backups')).mode & 0o777).toBe(0o700);
      expect(statSync(join(home, 'backups', 'bot-1')).mode & 0o777).toBe(0o700);
    } finally {
      if (isMainThread) process.umask(previousUmask);
    }
  });

  it('restores a backup atomically and backs up the file it replaces', async () => {
    const { envPath, backups } = setUp();
    writeFileSync(envPath, 'TOKEN=first\n');
    const first = await backups.save('bot-1', envPath);
    writeFileSync(envPath, 'TOKEN=second\n');
    const { restored, previous } = await backups.restore('bot-1', first.id, envPath);
    expect(restored.id).toBe(first.id);
    expect(readFileSync(envPath, 'utf8')).toBe('TOKEN=first\n');
    expect(readFileSync(previous!.path, 'utf8')).toBe('TOKEN=second\n');
    await backups.restore('bot-1', previous!.id, envPath);
    expect(readFileSync(envPath, 'utf8')).toBe('TOKEN=second\n');
  });

  it('restores the oldest backup even when the safety copy pushes it out of the 10 kept', async () => {
    const { envPath, backups } = setUp();
    for (let version = 1; version <= 10; version += 1) {
      writeFileSync(envPath, `VERSION=${version}\n`);
      await backups.save('bot-1', envPath);
    }
    const oldest = (await backups.list('bot-1')).at(-1)!;
    await backups.restore('bot-1', oldest.id, envPath);
    expect(readFileSync(envPath, 'utf8')).toBe('VERSION=1\n');
  });

  it('says so when a backup is gone, and refuses bot ids that could leave the backup folder', async () => {
    const { envPath, backups } = setUp();
    writeFileSync(envPath, 'A=1\n');
    await expect(backups.restore('bot-1', '20260101T000000000Z-abcdef--.env', envPath)).rejects.toMatchObject({
      code: 'env_backup_not_found',
      message: 'No backup 20260101T000000000Z-abcdef--.env for bot bot-1',
      userMessage: { key: 'envfile:errors.backup_not_found', params: { id: '20260101T000000000Z-abcdef--.env' } },
    });
    for (const botId of ['../escape', '..', 'a/b', '', '.hidden']) {
      await expect(backups.save(botId, envPath), botId).rejects.toMatchObject({ code: 'env_invalid_bot_id', message: `Bot id ${JSON.stringify(botId)} cannot name a folder` });
    }
  });

  it('never repeats a token pasted as a backup id or bot id', async () => {
    const { envPath, backups } = setUp();
    const token = fakeAccessToken(9);
    const error = (await backups.restore('bot-1', token, envPath).catch((caught: unknown) => caught)) as Error & { userMessage: unknown };
    expect(`${error.message} ${JSON.stringify(error.userMessage)}`).not.toContain(token);
    const badId = (await backups.save(token, envPath).catch((caught: unknown) => caught)) as Error;
    expect(badId.message).not.toContain(token);
  });

  it('keeps the file name, made safe for every file system, and gives the same backup back in the list', async () => {
    const { bot, backups } = setUp();
    const envPath = join(bot, 'bot ayarları.env');
    writeFileSync(envPath, 'A=1\n');
    const saved = await backups.save('bot-1', envPath);
    expect(saved.fileName).toBe('bot_ayarlar_.env');
    expect(saved.size).toBe(4);
    expect(await backups.list('bot-1')).toEqual([saved]);
  });

  it('lists only backups: not a stranger file, a copy, an editor\'s backup, a folder or a dangling link that look like one', async () => {
    const { home, envPath, backups } = setUp();
    writeFileSync(envPath, 'A=1\n');
    const saved = await backups.save('bot-1', envPath);
    const folder = join(home, 'backups', 'bot-1');
    writeFileSync(join(folder, '.DS_Store'), 'x');
    writeFileSync(join(folder, `copy-${saved.id}`), 'x');
    writeFileSync(join(folder, `${saved.id}~`), 'x');
    mkdirSync(join(folder, '20260101T000000000Z-abcdef--.env'));
    symlinkSync('gone', join(folder, '20260102T000000000Z-abcdef--.env'));
    expect((await backups.list('bot-1')).map((backup) => backup.id)).toEqual([saved.id]);
  });

  // Last in this file: the stamps it makes lie in 2030, and the next ones follow them.
  it('stamps backups made within one millisecond one millisecond apart, so they sort in the order they were made', async () => {
    const { envPath, backups } = setUp();
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2030-01-01T00:00:00.000Z'));
    try {
      const made = [];
      for (let version = 1; version <= 3; version += 1) {
        writeFileSync(envPath, `VERSION=${version}\n`);
        made.push(await backups.save('bot-1', envPath));
      }
      expect(made.map((backup) => backup.createdAt.toISOString())).toEqual(['2030-01-01T00:00:00.000Z', '2030-01-01T00:00:00.001Z', '2030-01-01T00:00:00.002Z']);
      expect(made[0]!.id).toMatch(/^20300101T000000000Z-[0-9a-f]{6}--\.env$/);
      expect((await backups.list('bot-1')).map((backup) => backup.id)).toEqual(made.map((backup) => backup.id).reverse());
    } finally {
      vi.useRealTimers();
    }
  });
});
