// Every file kind for real on disk: only the token's bytes change, the old file goes to the app's backup folder
// (0600), undo puts back the exact bytes, and bad input leaves the file and the backups untouched.
import { chmodSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { pipelineDestination } from '../../../src-main/core/destinations/pipeline-destination';
import type { Destination } from '../../../src-main/core/destinations/types';
import { orderForWriting, readDestinationToken, undoDestination, writeDestination } from '../../../src-main/core/destinations/write-destination';
import { EnvBackups } from '../../../src-main/core/envfile';
import { hasTranslation } from '../../../src-main/core/i18n/translate';
import { tempFolder } from '../envfile/temp-folder';
import { fakeAccessToken, realWorldEnvFiles } from '../../unit/envfile/real-world-files';

const NEW_TOKEN = fakeAccessToken(7);

function setUp(name: string, content: string | Buffer, mode = 0o640) {
  const folder = tempFolder('dest-write-');
  const file = join(folder, name);
  writeFileSync(file, content);
  chmodSync(file, mode);
  const dataHome = tempFolder('dest-data-');
  return { folder, file, dataHome, context: { botId: 'shop-bot', backups: new EnvBackups({ dataHome }) } };
}

const backupFiles = (dataHome: string) => {
  try {
    return readdirSync(join(dataHome, 'backups', 'shop-bot')).map((name) => join(dataHome, 'backups', 'shop-bot', name));
  } catch {
    return [];
  }
};

const JSON_FILE = '\uFEFF{\r\n  // WhatsApp\r\n  "whatsapp": { "accessToken": "EAAold", "phoneId": "123" },\r\n  "port": 3000\r\n}';
const YAML_FILE = "# bot\nwhatsapp:\n  access_token: 'EAAold'   # renew me\n  phone_id: '123'\n";

describe.each<[string, string, (file: string) => Destination, string, string]>([
  ['json', 'config.jsonc', (file) => ({ kind: 'json', file, keyPath: 'whatsapp.accessToken' }), JSON_FILE, JSON_FILE.replace('"EAAold"', `"${NEW_TOKEN}"`)],
  ['yaml', 'config.yml', (file) => ({ kind: 'yaml', file, keyPath: 'whatsapp.access_token' }), YAML_FILE, YAML_FILE.replace("'EAAold'", `'${NEW_TOKEN}'`)],
  ['env', '.env', (file) => ({ kind: 'env', file, variable: 'WHATSAPP_TOKEN' }), 'A=1\r\nWHATSAPP_TOKEN="EAAold" # x\r\n', `A=1\r\nWHATSAPP_TOKEN="${NEW_TOKEN}" # x\r\n`],
])('a %s destination', (_kind, name, destinationFor, original, expected) => {
  it('changes only the token, keeps a 0600 backup, and undoes to the exact bytes', async () => {
    const { file, dataHome, context } = setUp(name, original);
    const destination = destinationFor(file);
    const outcome = await writeDestination(destination, NEW_TOKEN, context);
    expect(outcome.changed).toBe(true);
    expect(readFileSync(file, 'utf8')).toBe(expected);
    expect(statSync(file).mode & 0o777).toBe(0o640);
    expect(await readDestinationToken(destination)).toBe(NEW_TOKEN);
    for (const language of ['en', 'tr', 'ar'] as const) expect(hasTranslation(language, outcome.message.key)).toBe(true);

    const [backup] = backupFiles(dataHome);
    expect(backup).toBe(outcome.backup?.path);
    expect(readFileSync(backup!, 'utf8')).toBe(original);
    expect(statSync(backup!).mode & 0o777).toBe(0o600);

    const undo = await undoDestination(destination, outcome, context);
    expect(undo.undone).toBe(true);
    expect(readFileSync(file)).toEqual(Buffer.from(original, 'utf8'));
    expect(statSync(file).mode & 0o777).toBe(0o640);
  });

  it('writes nothing and keeps no backup when the token is already there', async () => {
    const { file, dataHome, context } = setUp(name, expected);
    const outcome = await writeDestination(destinationFor(file), NEW_TOKEN, context);
    expect(outcome).toMatchObject({ changed: false, backup: null });
    expect(readFileSync(file, 'utf8')).toBe(expected);
    expect(backupFiles(dataHome)).toEqual([]);
    expect(await undoDestination(destinationFor(file), outcome, context)).toMatchObject({ undone: true, message: { key: 'destinations:undo.nothing_written' } });
  });
});

describe('bad input loses nothing', () => {
  it.each([
    ['broken.json', '{"whatsapp": {"accessToken": "x",}}', { kind: 'json', keyPath: 'whatsapp.accessToken.deep' }, 'dest_key_not_container'],
    ['broken.json', '{"whatsapp": ', { kind: 'json', keyPath: 'whatsapp.accessToken' }, 'dest_json_invalid'],
    ['c.yml', 'a: &x {t: old}\nb: *x\n', { kind: 'yaml', keyPath: 'b.t' }, 'dest_yaml_through_alias'],
    ['c.yml', 'whatsapp:\n  token: 5\n', { kind: 'yaml', keyPath: 'whatsapp.token' }, 'dest_value_not_text'],
  ] as const)('%s: %s → %s, file and backups untouched', async (name, content, partial, code) => {
    const { file, dataHome, context } = setUp(name, content);
    const failure = await writeDestination({ ...partial, file } as Destination, NEW_TOKEN, context).catch((error: unknown) => error);
    expect(failure).toMatchObject({ code });
    expect(readFileSync(file, 'utf8')).toBe(content);
    expect(backupFiles(dataHome)).toEqual([]);
    expect(JSON.stringify(failure)).not.toContain(NEW_TOKEN);
  });

  it('a missing settings file is reported in words about settings files', async () => {
    const { folder, context } = setUp('x.json', '{}');
    const failure = await writeDestination({ kind: 'json', file: join(folder, 'nope.json'), keyPath: 'a' }, NEW_TOKEN, context).catch((error: unknown) => error);
    expect(failure).toMatchObject({ code: 'dest_file_missing', userMessage: { key: 'destinations:errors.file_missing' } });
  });

  it('a read-only file is refused by the shared writer, unchanged', async () => {
    const { file, dataHome, context } = setUp('config.json', '{"t": "old"}', 0o444);
    const failure = await writeDestination({ kind: 'json', file, keyPath: 't' }, NEW_TOKEN, context).catch((error: unknown) => error);
    expect(failure).toMatchObject({ code: 'env_read_only' });
    expect(readFileSync(file, 'utf8')).toBe('{"t": "old"}');
    expect(backupFiles(dataHome)).toHaveLength(1); // kept before the write was tried; harmless, and pruned later
  });
});

describe('real-world .env files', () => {
  it('017 and 018 (one token in two files) both get the new token and come back byte for byte', async () => {
    const files = realWorldEnvFiles().filter((entry) => entry.name === '017.env' || entry.name === '018.env');
    expect(files).toHaveLength(2);
    for (const entry of files) {
      const { file, context } = setUp('.env', entry.bytes);
      const destination: Destination = { kind: 'env', file, variable: entry.meta.token_var! };
      const oldToken = await readDestinationToken(destination);
      const outcome = await writeDestination(destination, NEW_TOKEN, context);
      expect(readFileSync(file, 'latin1')).toBe(entry.bytes.toString('latin1').replace(oldToken!, NEW_TOKEN));
      await undoDestination(destination, outcome, context);
      expect(readFileSync(file).equals(entry.bytes)).toBe(true);
    }
  });
});

describe('for the renewal pipeline', () => {
  it('a destination has a label, writes, and undoes', async () => {
    const { folder, file, context } = setUp('config.json', '{"t": "old"}');
    const undone: boolean[] = [];
    const step = pipelineDestination({ kind: 'json', file, keyPath: 't' }, { ...context, folder, onUndo: (result) => undone.push(result.undone) });
    expect(step.label).toBe('config.json#t');
    const applied = await step.write(NEW_TOKEN);
    expect(applied.message).toMatchObject({ key: 'destinations:change.replaced' });
    expect(readFileSync(file, 'utf8')).toBe(`{"t": "${NEW_TOKEN}"}`);
    await applied.undo();
    expect(readFileSync(file, 'utf8')).toBe('{"t": "old"}');
    expect(undone).toEqual([true]);
  });

  it('files are written before commands', () => {
    const command: Destination = { kind: 'command', command: 'x', cwd: '/' };
    const env: Destination = { kind: 'env', file: '/a/.env', variable: 'T' };
    const yaml: Destination = { kind: 'yaml', file: '/a/c.yml', keyPath: 't' };
    expect(orderForWriting([command, env, yaml])).toEqual([env, yaml, command]);
  });
});
