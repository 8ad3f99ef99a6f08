// writeFileAtomic on real files: what it keeps (mode, owner, symlinks) and how it fails without harming the old file.
import { execFileSync } from 'node:child_process';
import {
  chmodSync,
  chownSync,
  lstatSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { rename } from 'node:fs/promises';
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
    expect(await writeFileAtomic(path, `A=2\nTOKEN=${token}\n`)).toEqual({ inPlace: null });
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

  it.skipIf(!posix || process.getuid?.() !== 0)("keeps the file's owner and group (when running as root)", async () => {
    const folder = tempFolder();
    const path = join(folder, '.env');
    writeFileSync(path, 'A=1\n');
    for (const [uid, gid] of [
      [1234, 2345],
      [0, 2345],
      [1234, 0],
    ] as const) {
      chownSync(path, uid, gid);
      // Replaced by a copy given the owner and group, not written in place.
      expect(await writeFileAtomic(path, `owner ${uid}:${gid}\n`)).toEqual({ inPlace: null });
      expect(statSync(path)).toMatchObject({ uid, gid });
    }
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

  it('refuses to replace a folder, naming it', async () => {
    const folder = tempFolder();
    const path = join(folder, '.env');
    mkdirSync(path);
    expect(await failure(writeFileAtomic(path, 'A=1\n'))).toMatchObject({
      code: 'env_is_folder',
      message: `${path} is a folder`,
      userMessage: { key: 'envfile:errors.is_folder', params: { path } },
    });
  });

  it.skipIf(!posix)('refuses to replace something that is no regular file (a named pipe), naming it', async () => {
    // Never a system path such as /dev/null here: under a mutant that drops the check, the write would replace it.
    const folder = tempFolder();
    const path = join(folder, '.env');
    execFileSync('mkfifo', [path]);
    expect(await failure(writeFileAtomic(path, 'A=1\n'))).toMatchObject({
      code: 'env_not_a_file',
      message: `${path} is not a regular file`,
      userMessage: { key: 'envfile:errors.not_a_file', params: { path } },
    });
  });

  it('says the read-only file is read-only, in the log line too', async () => {
    const folder = tempFolder();
    const path = join(folder, '.env');
    writeFileSync(path, 'A=1\n');
    chmodSync(path, 0o400);
    expect(await failure(writeFileAtomic(path, 'A=2\n'))).toMatchObject({ code: 'env_read_only', message: `${path} is read-only` });
  });

  it.skipIf(!posix)('writes through a chain of 39 links, and refuses 40 as a loop would be', async () => {
    const folder = tempFolder();
    writeFileSync(join(folder, 'real.env'), 'A=1\n');
    symlinkSync('real.env', join(folder, 'link0'));
    for (let index = 1; index <= 40; index += 1) symlinkSync(`link${String(index - 1)}`, join(folder, `link${String(index)}`));
    await writeFileAtomic(join(folder, 'link38'), 'A=2\n');
    expect(readFileSync(join(folder, 'real.env'), 'utf8')).toBe('A=2\n');
    const path = join(folder, 'link39');
    const error = await failure(writeFileAtomic(path, 'A=3\n'));
    expect(error).toMatchObject({ code: 'env_write_failed', message: `Could not write ${path} (ELOOP)` });
    expect((error.cause as Error).message).toBe(`Too many symbolic links at ${path}`);
    expect(readFileSync(join(folder, 'real.env'), 'utf8')).toBe('A=2\n');
  });

  it.skipIf(!posix)('refuses a loop of symbolic links', async () => {
    const folder = tempFolder();
    symlinkSync('b.env', join(folder, 'a.env'));
    symlinkSync('a.env', join(folder, 'b.env'));
    expect(await failure(writeFileAtomic(join(folder, 'a.env'), 'A=1\n'))).toMatchObject({ code: 'env_write_failed' });
    expect(readdirSync(folder).sort()).toEqual(['a.env', 'b.env']);
  });

  it('explains a path through a file as a missing folder', async () => {
    const folder = tempFolder();
    writeFileSync(join(folder, 'plain'), 'x');
    expect(await failure(writeFileAtomic(join(folder, 'plain', '.env'), 'A=1\n'))).toMatchObject({ code: 'env_folder_missing' });
  });

  it("removes temporary files a killed writer left behind, but not another live writer's", async () => {
    const folder = tempFolder();
    writeFileSync(join(folder, '.env'), 'A=1\n');
    const abandoned = `..env.999999999-0123456789ab.tmp`; // the writer names its temporaries `.<name>.<pid>-<random>.tmp`
    const live = [`..env.${process.ppid}-0123456789ab.tmp`, `..env.${process.pid}-0123456789ab.tmp`];
    // Not ours: another name's, another suffix, another shape.
    const others = [
      '..env.local.999999999-0123456789ab.tmp',
      '..env.999999999-0123456789ab.bak',
      '..env.999999999-0123456789abcdef.tmp',
      '..env.x999999999-0123456789ab.tmp',
      '..env.999999999-0123456789AB.tmp',
      '.env.999999999-0123456789ab.tmp',
    ];
    for (const name of [abandoned, ...live, ...others]) writeFileSync(join(folder, name), `TOKEN=${token}`);
    await writeFileAtomic(join(folder, '.env'), 'A=2\n');
    expect(readdirSync(folder).sort()).toEqual(['.env', ...live, ...others].sort());
  });
});

describe('writeFileAtomic while another program holds the file (Windows)', () => {
  const refused = (code: string) => Object.assign(new Error(`${code}: operation not permitted, rename`), { code });

  /** A rename that fails with `code` the first `times` attempts, recording when each attempt came. */
  function heldFor(times: number, code: string, attempts: number[]) {
    return async (from: string, to: string) => {
      attempts.push(Date.now());
      if (attempts.length <= times) throw refused(code);
      await rename(from, to);
    };
  }

  it.each(['EPERM', 'EACCES', 'EBUSY'])('retries a rename refused with %s until the other program lets go', async (code) => {
    const folder = tempFolder();
    const path = join(folder, '.env');
    writeFileSync(path, 'A=1\n');
    const attempts: number[] = [];
    await writeFileAtomic(path, 'A=2\n', { platform: 'win32', renameFile: heldFor(3, code, attempts) });
    expect(attempts).toHaveLength(4);
    expect(readFileSync(path, 'utf8')).toBe('A=2\n');
    expect(readdirSync(folder)).toEqual(['.env']);
  });

  it('gives up at the deadline, keeps the old file and removes its temporary copy', async () => {
    const folder = tempFolder();
    const path = join(folder, '.env');
    writeFileSync(path, 'A=1\n');
    const attempts: number[] = [];
    const started = Date.now();
    const error = await failure(writeFileAtomic(path, `TOKEN=${token}\n`, { platform: 'win32', renameDeadlineMs: 2_000, renameFile: heldFor(1_000, 'EBUSY', attempts) }));
    expect(error).toMatchObject({ code: 'env_write_denied', userMessage: { key: 'envfile:errors.write_denied', params: { path } } });
    // Pauses double from 50 ms: 50, 100, 200, 400 and 800 ms fit in 2 s (six attempts), the next would not; a busy
    // machine's late timers may leave room for one or two fewer.
    expect(attempts.length).toBeGreaterThanOrEqual(4);
    expect(attempts.length).toBeLessThanOrEqual(6);
    expect(Date.now() - started).toBeLessThan(4_000);
    expect(readFileSync(path, 'utf8')).toBe('A=1\n');
    expect(readdirSync(folder)).toEqual(['.env']);
  });

  it('does not retry what waiting cannot fix, nor anything on Linux and macOS', async () => {
    const folder = tempFolder();
    const path = join(folder, '.env');
    writeFileSync(path, 'A=1\n');
    for (const [platform, code] of [
      ['win32', 'EXDEV'],
      ['linux', 'EBUSY'],
      ['darwin', 'EPERM'],
    ] as const) {
      const attempts: number[] = [];
      await failure(writeFileAtomic(path, 'A=2\n', { platform, renameFile: heldFor(1, code, attempts) }));
      expect(attempts).toHaveLength(1);
    }
    expect(readFileSync(path, 'utf8')).toBe('A=1\n');
  });
});
