// readEnvFile on real files: each way of failing gives its own DoctorError, in all three languages.
import { execFileSync } from 'node:child_process';
import { chmodSync, mkdirSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MAX_ENV_FILE_BYTES, readEnvBytes, readEnvFile } from '../../../src-main/core/envfile/read';
import { serializeEnv } from '../../../src-main/core/envfile/parse';
import { tempFolder } from './temp-folder';

async function failure(path: string): Promise<{ code: string; key: string; params: unknown; message: string }> {
  try {
    await readEnvFile(path);
  } catch (error) {
    const { code, userMessage, message } = error as { code: string; userMessage: { key: string; params: unknown }; message: string };
    return { code, key: userMessage.key, params: userMessage.params, message };
  }
  throw new Error('readEnvFile did not fail');
}

describe('readEnvFile', () => {
  it('reads a file with a BOM and CRLF and gives back its exact text', async () => {
    const folder = tempFolder();
    const bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('A=1\r\nB="two"\r\n', 'utf8')]);
    writeFileSync(join(folder, '.env'), bytes);
    const doc = await readEnvFile(join(folder, '.env'));
    expect(doc.bom).toBe(true);
    expect(doc.newline).toBe('\r\n');
    expect(Buffer.from(serializeEnv(doc), 'utf8').equals(bytes)).toBe(true);
  });

  it('explains a missing file, a folder, and a path through a file, naming the file', async () => {
    const folder = tempFolder();
    writeFileSync(join(folder, 'plain'), 'x');
    mkdirSync(join(folder, 'backend'));
    const missing = join(folder, '.env');
    expect(await failure(missing)).toEqual({ code: 'env_not_found', key: 'envfile:errors.not_found', params: { path: missing }, message: `No file at ${missing}` });
    expect(await failure(join(folder, 'plain', '.env'))).toMatchObject({ code: 'env_not_found' });
    const backend = join(folder, 'backend');
    expect(await failure(backend)).toEqual({ code: 'env_is_folder', key: 'envfile:errors.is_folder', params: { path: backend }, message: `${backend} is a folder` });
  });

  it('explains a .env that is a loop of symbolic links, instead of calling it missing', async () => {
    const folder = tempFolder();
    symlinkSync('.env.local', join(folder, '.env'));
    symlinkSync('.env', join(folder, '.env.local'));
    const path = join(folder, '.env');
    expect(await failure(path)).toEqual({ code: 'env_unreadable', key: 'envfile:errors.unreadable', params: { path }, message: `Cannot look at ${path} (ELOOP)` });
  });

  it.skipIf(process.platform !== 'linux')('explains a file the system lists but refuses to read, even to root', async () => {
    // /proc/self/mem is a regular file to stat; reading it from the start fails with EIO.
    expect(await failure('/proc/self/mem')).toEqual({
      code: 'env_unreadable',
      key: 'envfile:errors.unreadable',
      params: { path: '/proc/self/mem' },
      message: 'Cannot read /proc/self/mem (EIO)',
    });
  });

  it.skipIf(process.platform === 'win32')('refuses a named pipe instead of hanging on it', async () => {
    const folder = tempFolder();
    const path = join(folder, '.env');
    execFileSync('mkfifo', [path]);
    expect(await failure(path)).toEqual({ code: 'env_not_a_file', key: 'envfile:errors.not_a_file', params: { path }, message: `${path} is not a regular file` });
  });

  it('refuses UTF-16 text (Notepad\'s "Unicode") rather than garbling it', async () => {
    const folder = tempFolder();
    const path = join(folder, '.env');
    writeFileSync(path, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('A=1\n', 'utf16le')]));
    expect(await failure(path)).toEqual({ code: 'env_not_utf8', key: 'envfile:errors.not_utf8', params: { path }, message: `${path} is not UTF-8 text` });
  });

  it('refuses a file far too big to be a .env, saying how big in megabytes', async () => {
    const folder = tempFolder();
    const path = join(folder, '.env');
    writeFileSync(path, '');
    truncateSync(path, 11 * 1024 * 1024);
    expect(await failure(path)).toEqual({
      code: 'env_too_large',
      key: 'envfile:errors.too_large',
      params: { path, megabytes: 11 },
      message: `${path} has 11534336 bytes`,
    });
  });

  it('takes a file of exactly the largest size', async () => {
    const folder = tempFolder();
    const path = join(folder, '.env');
    writeFileSync(path, '');
    truncateSync(path, MAX_ENV_FILE_BYTES);
    expect((await readEnvBytes(path)).byteLength).toBe(MAX_ENV_FILE_BYTES);
  });

  it.skipIf(process.platform === 'win32' || process.getuid?.() === 0)('explains a file it may not read', async () => {
    const folder = tempFolder();
    writeFileSync(join(folder, '.env'), 'A=1\n');
    chmodSync(join(folder, '.env'), 0o000);
    expect(await failure(join(folder, '.env'))).toMatchObject({ code: 'env_unreadable' });
  });
});
