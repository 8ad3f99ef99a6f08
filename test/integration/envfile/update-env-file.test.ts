// updateEnvFile on a copy of every real-world file: only the token's bytes change, a backup of the exact old bytes
// is kept, the mode stays, and the rollback brings the original back byte for byte.
import { chmodSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EnvBackups } from '../../../src-main/core/envfile/backups';
import { envValues } from '../../../src-main/core/envfile/parse';
import { readEnvFile } from '../../../src-main/core/envfile/read';
import { restoreEnvFile, updateEnvFile } from '../../../src-main/core/envfile/update';
import { expectedAfterReplacing, fakeAccessToken, realWorldEnvFiles } from '../../unit/envfile/real-world-files';
import { tempFolder } from './temp-folder';

const token = fakeAccessToken(11);

function botWith(bytes: Buffer, name = '.env') {
  const folder = tempFolder('bot-');
  const path = join(folder, name);
  writeFileSync(path, bytes);
  if (process.platform !== 'win32') chmodSync(path, 0o640);
  return { folder, path, options: { backups: new EnvBackups({ dataHome: tempFolder('home-') }), botId: 'bot' } };
}

describe('updateEnvFile on every real-world file', () => {
  const files = realWorldEnvFiles().filter((file) => file.meta.token_var);

  it.each(files.map((file) => [file.name, file] as const))('%s', async (name, file) => {
    const { folder, path, options } = botWith(file.bytes, name);
    const key = file.meta.token_var!;
    const result = await updateEnvFile(path, key, token, options);

    const expected = Buffer.from(expectedAfterReplacing(file.bytes.toString('utf8'), key, token), 'utf8');
    expect(readFileSync(path).equals(expected)).toBe(true);
    expect(result).toMatchObject({ change: 'replaced', written: true });
    expect(envValues(await readEnvFile(path)).get(key)).toBe(token);
    expect(readFileSync(result.backup!.path).equals(file.bytes)).toBe(true);
    expect(readdirSync(folder)).toEqual([name]);
    if (process.platform !== 'win32') expect(statSync(path).mode & 0o777).toBe(0o640);

    await restoreEnvFile(path, result.backup!, options);
    expect(readFileSync(path).equals(file.bytes)).toBe(true);
  });

  it('appends the variable a bot reads but its .env lacks (024), keeping the missing final newline missing', async () => {
    const file = realWorldEnvFiles().find((candidate) => candidate.name === '024.env')!;
    const { path, options } = botWith(file.bytes);
    const result = await updateEnvFile(path, 'META_ACCESS_TOKEN', token, options);
    expect(result).toMatchObject({ change: 'appended', duplicateCount: 0 });
    expect(readFileSync(path, 'utf8')).toBe(`${file.bytes.toString('utf8')}\nMETA_ACCESS_TOKEN=${token}`);
  });

  it('writes nothing and keeps no backup when the value is already there', async () => {
    const { path, options } = botWith(Buffer.from(`WHATSAPP_TOKEN=${token}\n`));
    const result = await updateEnvFile(path, 'WHATSAPP_TOKEN', token, options);
    expect(result).toMatchObject({ written: false, backup: null });
    expect(await options.backups.list('bot')).toEqual([]);
  });

  it('leaves the file alone and leaks no token when the file is read-only', async () => {
    const { path, options } = botWith(Buffer.from('WHATSAPP_TOKEN=old\n'));
    chmodSync(path, 0o444);
    const error = await updateEnvFile(path, 'WHATSAPP_TOKEN', token, options).catch((caught: unknown) => caught as Error);
    expect(error).toMatchObject({ code: 'env_read_only' });
    expect(readFileSync(path, 'utf8')).toBe('WHATSAPP_TOKEN=old\n');
    expect(`${String(error)} ${JSON.stringify(error)}`).not.toContain(token);
  });
});
