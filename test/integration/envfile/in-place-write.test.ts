// A .env that a replacement would get wrong is written into instead, and says so: one with other hard links (each
// name must see the new token) and, as a user who may not give files away, one whose owner a copy could not keep.
// A write that fails half-way puts the old bytes back.
import { spawnSync } from 'node:child_process';
import { chmodSync, chownSync, linkSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { writeFileAtomic } from '../../../src-main/core/envfile/atomic-write';
import { EnvBackups } from '../../../src-main/core/envfile/backups';
import { updateEnvFile } from '../../../src-main/core/envfile/update';
import { fakeAccessToken } from '../../unit/envfile/real-world-files';
import { tempFolder } from './temp-folder';

const posix = process.platform !== 'win32';
const asRoot = posix && process.getuid?.() === 0;
const token = fakeAccessToken(5);
const WRITER = fileURLToPath(new URL('./write-as-child.ts', import.meta.url));

describe('a .env with other hard links', () => {
  it.skipIf(!posix)('is written in place: every name has the new token, and the result says why', async () => {
    const folder = tempFolder();
    const path = join(folder, '.env');
    const other = join(folder, 'shared.env');
    writeFileSync(path, '# shop\nWHATSAPP_TOKEN=old\nPORT=3000\n');
    chmodSync(path, 0o640);
    linkSync(path, other);
    const before = statSync(path);

    const result = await updateEnvFile(path, 'WHATSAPP_TOKEN', token, { backups: new EnvBackups({ dataHome: join(folder, 'home') }), botId: 'shop' });
    expect(result).toMatchObject({ written: true, inPlace: 'hard_links', line: 2 });
    const expected = `# shop\nWHATSAPP_TOKEN=${token}\nPORT=3000\n`;
    expect(readFileSync(path, 'utf8')).toBe(expected);
    expect(readFileSync(other, 'utf8')).toBe(expected);
    const after = statSync(path);
    expect([after.ino, after.nlink, after.mode]).toEqual([before.ino, 2, before.mode]);
    expect(result.backup).not.toBeNull();
  });

  it.skipIf(!posix)('puts the old bytes back when the disk fills up half-way', async () => {
    const folder = tempFolder();
    const path = join(folder, '.env');
    // Its first bytes differ from the new content's, so the half-written file differs from the old one.
    const original = 'PORT=3000\nWHATSAPP_TOKEN=old-token-value\n';
    writeFileSync(path, original);
    linkSync(path, join(folder, 'other-name.env'));
    const error = await writeFileAtomic(path, `WHATSAPP_TOKEN=${token}\n`, {
      writeTemporary: async (handle, data) => {
        await handle.write(data, 0, 10, 0);
        throw Object.assign(new Error('no space left'), { code: 'ENOSPC' });
      },
    }).catch((caught: unknown) => caught);
    expect(error).toMatchObject({ code: 'env_disk_full' });
    expect(readFileSync(path, 'utf8')).toBe(original);
    expect(readFileSync(join(folder, 'other-name.env'), 'utf8')).toBe(original);
  });
});

describe.skipIf(process.platform !== 'linux')('writing in place', () => {
  const openFiles = () => readdirSync('/proc/self/fd').length;

  it('closes the file it wrote into, after a write and after a failed one', async () => {
    const folder = tempFolder();
    const path = join(folder, '.env');
    writeFileSync(path, 'A=1\n');
    linkSync(path, join(folder, 'other.env'));
    const before = openFiles();
    expect(await writeFileAtomic(path, 'A=2\n')).toEqual({ inPlace: 'hard_links' });
    expect(openFiles()).toBe(before);
    const full = Object.assign(new Error('no space left'), { code: 'ENOSPC' });
    await expect(writeFileAtomic(path, 'A=3\n', { writeTemporary: () => Promise.reject(full) })).rejects.toMatchObject({ code: 'env_disk_full' });
    expect(openFiles()).toBe(before);
    expect(readFileSync(path, 'utf8')).toBe('A=2\n');
  });
});

describe('a .env whose owner a copy could not keep', () => {
  /** Runs write-as-child.ts as `nobody`, with the `users` group (100) among its groups. */
  function writeAsNobody(path: string, content: string) {
    const run = spawnSync(
      'setpriv',
      ['--reuid=65534', '--regid=65534', '--groups=100', '--', process.execPath, '--import', 'tsx', WRITER, path, content],
      { encoding: 'utf8', cwd: fileURLToPath(new URL('../../..', import.meta.url)) },
    );
    expect(run.status, run.stderr).toBe(0);
    return JSON.parse(run.stdout) as { inPlace: string | null };
  }

  it.skipIf(!asRoot)('is written in place by a user who may not give files away: owner, group and mode stay, and it says so', () => {
    const folder = tempFolder();
    chmodSync(folder, 0o755);
    chownSync(folder, 65534, 65534); // nobody may create files here, so a replacement would be possible
    const path = join(folder, '.env');
    writeFileSync(path, 'WHATSAPP_TOKEN=old\n');
    chownSync(path, 0, 100); // root:users, group-writable: nobody (in users) may write it
    chmodSync(path, 0o660);

    expect(writeAsNobody(path, `WHATSAPP_TOKEN=${token}\n`)).toEqual({ inPlace: 'owner' });
    const after = statSync(path);
    expect([after.uid, after.gid, after.mode & 0o777]).toEqual([0, 100, 0o660]);
    expect(readFileSync(path, 'utf8')).toBe(`WHATSAPP_TOKEN=${token}\n`);
    // The bot, another member of the group, still reads its file.
    const bot = spawnSync('setpriv', ['--reuid=1', '--regid=1', '--groups=100', '--', 'cat', path], { encoding: 'utf8' });
    expect(bot.stdout).toBe(`WHATSAPP_TOKEN=${token}\n`);
  });

  it.skipIf(!asRoot)('is replaced whole when the group can be kept (the writer belongs to it)', () => {
    const folder = tempFolder();
    chmodSync(folder, 0o755);
    chownSync(folder, 65534, 65534);
    const path = join(folder, '.env');
    writeFileSync(path, 'WHATSAPP_TOKEN=old\n');
    chownSync(path, 65534, 100); // nobody's own file, group users: a copy can have both
    chmodSync(path, 0o640);
    const before = statSync(path);
    expect(writeAsNobody(path, `WHATSAPP_TOKEN=${token}\n`)).toEqual({ inPlace: null });
    const after = statSync(path);
    expect(after.ino).not.toBe(before.ino);
    expect([after.uid, after.gid, after.mode & 0o777]).toEqual([65534, 100, 0o640]);
  });
});
