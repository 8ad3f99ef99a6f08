// writeFileAtomic on real files: what it keeps (mode, owner, symlinks) and how it fails without harming the old file.
import { chmodSync, chownSync, lstatSync, mkdirSync, readdirSync, readFileSync, readlinkSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeFileAtomic } from '../../../src-main/core/envfile/atomic-write';
import { fakeAccessToken } from '../../unit/envfile/real-world-files';
import { tempFolder } from './temp-folder';

const posix = process.platform !== 'win32';
const token = fakeAccessToken(3);

async function failure(promise: Promise<unknown>): Promise<Error & { code?: string }> {
  try {
    await promise;
  } catch (error) {
    return error as Error & { code?: string };
  }
  throw new Error('the write did not fail');
}

describe('writeFileAtomic', () => {
  it('replaces the content and leaves no temporary file behind', async () => {
    const folder = tempFolder();
    const path = join(folder, '.env');
    writeFileSync(path, 'A=1\n');
    await writeFileAtomic(path, `A=2\nTOKEN=${token}\n`);
    expect(readFileSync(path, 'utf8')).toBe(`A=2\nTOKEN=${token}\n`);
    expect(readdirSync(folder)).toEqual(['.env']);
  });

  it('writes bytes as given and creates a file that did not exist', async () => {
    const folder = tempFolder();
    const bytes = Uint8Array.from([0xef, 0xbb, 0xbf, 0x41, 0x3d, 0x31]);
    await writeFileAtomic(join(folder, 'new.env'), bytes);
    expect(readFileSync(join(folder, 'new.env')).equals(Buffer.from(bytes))).toBe(true);
  });

  it.skipIf(!posix)("keeps the file's mode, even bits the umask would drop", async () => {
    const folder = tempFolder();
    const path = join(folder, '.env');
    writeFileSync(path, 'A=1\n');
    for (const mode of [0o600, 0o640, 0o664, 0o755]) {
      chmodSync(path, mode);
      await writeFileAtomic(path, `mode ${mode}\n`);
      expect(statSync(path).mode & 0o7777).toBe(mode);
    }
  });

  it.skipIf(!posix)('sets the mode it is asked for', async () => {
    const folder = tempFolder();
    await writeFileAtomic(join(folder, 'private.json'), '{}', { mode: 0o600 });
    expect(statSync(join(folder, 'private.json')).mode & 0o777).toBe(0o600);
  });

  it.skipIf(!posix || process.getuid?.() !== 0)("keeps the file's owner (when running as root)", async () => {
    const folder = tempFolder();
    const path = join(folder, '.env');
    writeFileSync(path, 'A=1\n');
    chownSync(path, 1234, 2345);
    await writeFileAtomic(path, 'A=2\n');
    expect(statSync(path)).toMatchObject({ uid: 1234, gid: 2345 });
  });

  it.skipIf(!posix)('writes through a symlinked .env to its target and keeps the link', async () => {
    const folder = tempFolder();
    mkdirSync(join(folder, 'shared'));
    writeFileSync(join(folder, 'shared', 'bot.env'), 'A=1\n');
    chmodSync(join(folder, 'shared', 'bot.env'), 0o640);
    symlinkSync(join('shared', 'bot.env'), join(folder, '.env'));
    symlinkSync('.env', join(folder, 'link-to-link'));
    await writeFileAtomic(join(folder, 'link-to-link'), 'A=2\n');
    expect(lstatSync(join(folder, '.env')).isSymbolicLink()).toBe(true);
    expect(readlinkSync(join(folder, '.env'))).toBe(join('shared', 'bot.env'));
    expect(readFileSync(join(folder, 'shared', 'bot.env'), 'utf8')).toBe('A=2\n');
    expect(statSync(join(folder, 'shared', 'bot.env')).mode & 0o777).toBe(0o640);
    expect(readdirSync(join(folder, 'shared'))).toEqual(['bot.env']);
  });

  it.skipIf(!posix)('creates the target of a dangling symlink instead of replacing the link', async () => {
    const folder = tempFolder();
    symlinkSync('real.env', join(folder, '.env'));
    await writeFileAtomic(join(folder, '.env'), 'A=1\n');
    expect(lstatSync(join(folder, '.env')).isSymbolicLink()).toBe(true);
    expect(readFileSync(join(folder, 'real.env'), 'utf8')).toBe('A=1\n');
  });

  it('refuses a read-only file and leaves it as it was', async () => {
    const folder = tempFolder();
    const path = join(folder, '.env');
    writeFileSync(path, 'A=1\n');
    chmodSync(path, 0o444);
    const error = await failure(writeFileAtomic(path, `TOKEN=${token}\n`));
    expect(error).toMatchObject({ code: 'env_read_only', userMessage: { key: 'envfile:errors.read_only', params: { path } } });
    expect(readFileSync(path, 'utf8')).toBe('A=1\n');
    expect(readdirSync(folder)).toEqual(['.env']);
    expect(`${error.message} ${JSON.stringify(error)}`).not.toContain(token);
  });

  it('explains a folder that has vanished', async () => {
    const folder = tempFolder();
    rmSync(folder, { recursive: true });
    const error = await failure(writeFileAtomic(join(folder, '.env'), 'A=1\n'));
    expect(error).toMatchObject({ code: 'env_folder_missing', userMessage: { key: 'envfile:errors.folder_missing' } });
  });

  it('keeps the old file whole when the disk fills up mid-write, and removes the partial copy', async () => {
    const folder = tempFolder();
    const path = join(folder, '.env');
    writeFileSync(path, 'A=old\n');
    const error = await failure(
      writeFileAtomic(path, `A=new\nTOKEN=${token}\n`, {
        writeTemporary: async (handle, data) => {
          await handle.write(data.subarray(0, 4)); // some bytes reach the disk, then it is full
          throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
        },
      }),
    );
    expect(error).toMatchObject({ code: 'env_disk_full', userMessage: { key: 'envfile:errors.disk_full' } });
    expect(readFileSync(path, 'utf8')).toBe('A=old\n');
    expect(readdirSync(folder)).toEqual(['.env']);
    expect(`${error.message} ${JSON.stringify(error)}`).not.toContain(token);
  });

  it('refuses to replace a folder', async () => {
    const folder = tempFolder();
    mkdirSync(join(folder, '.env'));
    expect(await failure(writeFileAtomic(join(folder, '.env'), 'A=1\n'))).toMatchObject({ code: 'env_is_folder' });
  });

  it("removes temporary files a killed writer left behind, but not another live writer's", async () => {
    const folder = tempFolder();
    writeFileSync(join(folder, '.env'), 'A=1\n');
    const abandoned = `..env.999999999-0123456789ab.tmp`; // the writer names its temporaries `.<name>.<pid>-<random>.tmp`
    const live = `..env.${process.ppid}-0123456789ab.tmp`;
    writeFileSync(join(folder, abandoned), `TOKEN=${token}`);
    writeFileSync(join(folder, live), 'partial');
    await writeFileAtomic(join(folder, '.env'), 'A=2\n');
    expect(readdirSync(folder).sort()).toEqual(['.env', live].sort());
  });
});
