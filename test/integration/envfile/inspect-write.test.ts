// inspectWrite, the dry run of writeFileAtomic, on real files: it answers what the write would do (replace, or
// write in place and why) or throws the refusal the write would meet, and it writes nothing.
import { chmodSync, chownSync, linkSync, mkdirSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { inspectWrite, writeFileAtomic } from '../../../src-main/core/envfile/atomic-write';
import { tempFolder } from './temp-folder';

const posix = process.platform !== 'win32';
const asRoot = posix && process.getuid?.() === 0;

async function refusal(path: string): Promise<unknown> {
  return inspectWrite(path).then(
    () => expect.unreachable(`${path} was not refused`),
    (error: unknown) => error,
  );
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('inspectWrite', () => {
  it('says a file, or a file not written yet, would be replaced whole, and writes nothing', async () => {
    const folder = tempFolder();
    writeFileSync(join(folder, '.env'), 'A=1\n');
    expect(await inspectWrite(join(folder, '.env'))).toEqual({ inPlace: null });
    expect(await inspectWrite(join(folder, 'new.env'))).toEqual({ inPlace: null });
    expect(readdirSync(folder)).toEqual(['.env']);
    expect(readFileSync(join(folder, '.env'), 'utf8')).toBe('A=1\n');
  });

  it.skipIf(!posix)('says a file with other hard links would be written in place, as the write then does', async () => {
    const folder = tempFolder();
    writeFileSync(join(folder, '.env'), 'A=1\n');
    linkSync(join(folder, '.env'), join(folder, 'other.env'));
    expect(await inspectWrite(join(folder, '.env'))).toEqual({ inPlace: 'hard_links' });
    expect(await writeFileAtomic(join(folder, '.env'), 'A=2\n')).toEqual({ inPlace: 'hard_links' });
  });

  it('refuses what the write refuses: a folder, a read-only file, a folder that has vanished', async () => {
    const folder = tempFolder();
    mkdirSync(join(folder, 'sub'));
    writeFileSync(join(folder, 'locked.env'), 'A=1\n');
    chmodSync(join(folder, 'locked.env'), 0o444);
    const gone = join(folder, 'gone');
    expect(await refusal(join(folder, 'sub'))).toMatchObject({ code: 'env_is_folder', userMessage: { params: { path: join(folder, 'sub') } } });
    expect(await refusal(join(folder, 'locked.env'))).toMatchObject({ code: 'env_read_only' });
    mkdirSync(gone);
    rmSync(gone, { recursive: true });
    expect(await refusal(join(gone, '.env'))).toMatchObject({ code: 'env_folder_missing', userMessage: { params: { path: join(gone, '.env') } } });
  });

  it.skipIf(!asRoot)("says root replaces another user's file whole (a copy can be given any owner)", async () => {
    const path = join(tempFolder(), '.env');
    writeFileSync(path, 'A=1\n');
    chownSync(path, 1234, 2345);
    expect(await inspectWrite(path)).toEqual({ inPlace: null });
  });

  it.skipIf(!posix)('refuses a loop of symbolic links as the write does', async () => {
    const folder = tempFolder();
    symlinkSync('b.env', join(folder, 'a.env'));
    symlinkSync('a.env', join(folder, 'b.env'));
    expect(await refusal(join(folder, 'a.env'))).toMatchObject({ code: 'env_write_failed' });
  });
});

// This machine's tests run as root, who may give any file away. The answer for an ordinary user is worked out
// from who the process is, so that is what these tests change (writing as `nobody` for real: in-place-write.test.ts).
describe.skipIf(!asRoot)('inspectWrite as an ordinary user (uid 1000, groups 1000 and 100)', () => {
  function asUser(): void {
    vi.spyOn(process, 'getuid').mockReturnValue(1000);
    vi.spyOn(process, 'getegid').mockReturnValue(1000);
    vi.spyOn(process, 'getgroups').mockReturnValue([100]);
  }

  it.each([
    ['their own file in their own group', 1000, 1000, null],
    ['their own file in a group they are in', 1000, 100, null],
    ["their own file in another group (a copy could not keep it)", 1000, 2000, 'owner'],
    ["another user's file in their group (a copy would become theirs)", 1001, 1000, 'owner'],
  ] as const)('%s: %s', async (_name, uid, gid, inPlace) => {
    const path = join(tempFolder(), '.env');
    writeFileSync(path, 'A=1\n');
    chmodSync(path, 0o666);
    chownSync(path, uid, gid);
    asUser();
    expect(await inspectWrite(path)).toEqual({ inPlace });
  });
});
