// readEnvFile on real files: each way of failing gives its own DoctorError, in all three languages.
import { execFileSync } from 'node:child_process';
import { chmodSync, mkdirSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readEnvFile } from '../../../src-main/core/envfile/read';
import { serializeEnv } from '../../../src-main/core/envfile/parse';
import { tempFolder } from './temp-folder';

async function failure(path: string): Promise<{ code: string; key: string; message: string }> {
  try {
    await readEnvFile(path);
  } catch (error) {
    const { code, userMessage, message } = error as { code: string; userMessage: { key: string }; message: string };
    return { code, key: userMessage.key, message };
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

  it('explains a missing file, a folder, and a path through a file', async () => {
    const folder = tempFolder();
    writeFileSync(join(folder, 'plain'), 'x');
    mkdirSync(join(folder, 'backend'));
    expect(await failure(join(folder, '.env'))).toMatchObject({ code: 'env_not_found', key: 'envfile:errors.not_found' });
    expect(await failure(join(folder, 'plain', '.env'))).toMatchObject({ code: 'env_not_found' });
    expect(await failure(join(folder, 'backend'))).toMatchObject({ code: 'env_is_folder', key: 'envfile:errors.is_folder' });
  });

  it.skipIf(process.platform === 'win32')('refuses a named pipe instead of hanging on it', async () => {
    const folder = tempFolder();
    execFileSync('mkfifo', [join(folder, '.env')]);
    expect(await failure(join(folder, '.env'))).toMatchObject({ code: 'env_not_a_file' });
  });

  it('refuses UTF-16 text (Notepad\'s "Unicode") rather than garbling it', async () => {
    const folder = tempFolder();
    writeFileSync(join(folder, '.env'), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('A=1\n', 'utf16le')]));
    expect(await failure(join(folder, '.env'))).toMatchObject({ code: 'env_not_utf8', key: 'envfile:errors.not_utf8' });
  });

  it('refuses a file far too big to be a .env', async () => {
    const folder = tempFolder();
    writeFileSync(join(folder, '.env'), '');
    truncateSync(join(folder, '.env'), 11 * 1024 * 1024);
    expect(await failure(join(folder, '.env'))).toMatchObject({ code: 'env_too_large' });
  });

  it.skipIf(process.platform === 'win32' || process.getuid?.() === 0)('explains a file it may not read', async () => {
    const folder = tempFolder();
    writeFileSync(join(folder, '.env'), 'A=1\n');
    chmodSync(join(folder, '.env'), 0o000);
    expect(await failure(join(folder, '.env'))).toMatchObject({ code: 'env_unreadable' });
  });
});
