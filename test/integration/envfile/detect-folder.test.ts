// Detection from a bot's folder on disk: which .env files it has (and where not to look), and which variable
// its code really reads.
import { mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { detectBotVariables } from '../../../src-main/core/envfile/detect-variables';
import { findEnvFiles } from '../../../src-main/core/envfile/detect-files';
import { readEnvFile } from '../../../src-main/core/envfile/read';
import { scanCodeForEnvReads } from '../../../src-main/core/envfile/code-reads';
import { REAL_WORLD_ENV_FOLDER } from '../../unit/envfile/real-world-files';
import { tempFolder } from './temp-folder';

function folderWith(files: Record<string, string>): string {
  const folder = tempFolder('bot-');
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(folder, path)), { recursive: true });
    writeFileSync(join(folder, path), content);
  }
  return folder;
}

describe('findEnvFiles', () => {
  it('lists the .env files likeliest first and skips templates to the end', async () => {
    const folder = folderWith({
      '.env.example': '',
      'backend/.env': '',
      'docs/.env': '',
      '.env.local': '',
      '.env': '',
      'localvariables.env': '',
      env: '',
      '.env.production': '',
      'example.env': '',
      'examples/01-router/.env.example': '',
    });
    const found = await findEnvFiles(folder);
    expect(found.map((file) => file.relativePath)).toEqual([
      '.env', '.env.local', '.env.production', 'env', 'localvariables.env',
      join('backend', '.env'), join('docs', '.env'),
      '.env.example', 'example.env', join('examples', '01-router', '.env.example'),
    ]);
    expect(found.filter((file) => file.example).length).toBe(3);
    expect(found[0]?.path).toBe(join(folder, '.env'));
  });

  it('never looks into dependencies, virtual environments or git data, nor too deep, nor at editor copies', async () => {
    const folder = folderWith({
      'node_modules/some-package/.env': '',
      '.git/.env': '',
      'venv/.env': '',
      '.venv/.env': '',
      'myenv/pyvenv.cfg': 'home = /usr/bin',
      'myenv/.env': '',
      'a/b/c/.env': '',
      '.env.vault': '',
      '.env.swp': '',
      '..env.123-0123456789ab.tmp': '',
      '.envrc': '',
      'server/.env': '',
    });
    expect((await findEnvFiles(folder)).map((file) => file.relativePath)).toEqual([join('server', '.env')]);
  });

  it.skipIf(process.platform === 'win32')('finds a symlinked .env', async () => {
    const folder = folderWith({ 'config/bot.env': 'A=1\n' });
    symlinkSync(join('config', 'bot.env'), join(folder, '.env'));
    expect((await findEnvFiles(folder)).map((file) => file.relativePath)).toEqual(['.env', join('config', 'bot.env')]);
  });
});

describe('detectBotVariables with the bot folder', () => {
  const env031 = readFileSync(join(REAL_WORLD_ENV_FOLDER, '031.env'), 'utf8');

  it('follows the code of 031 (app/config.py reads ACCESS_TOKEN), ignoring node_modules', async () => {
    const folder = folderWith({
      '.env': env031,
      'app/config.py': 'import os\nACCESS_TOKEN = os.getenv("ACCESS_TOKEN")\nVERSION = os.getenv("VERSION")\n',
      'node_modules/lib/index.js': 'module.exports = process.env.WHATSAPP_TOKEN;\n',
    });
    const detected = await detectBotVariables(await readEnvFile(join(folder, '.env')), { folder });
    expect(detected.token).toMatchObject({ name: 'ACCESS_TOKEN', confidence: 'high' });
    expect(detected.token.candidates[0]?.reasons).toContain('read-by-code');
  });

  it('picks WHATSAPP_TOKEN in the same .env when that is what the code reads', async () => {
    const folder = folderWith({ '.env': env031, 'src/send.ts': 'const token = process.env.WHATSAPP_TOKEN ?? "";\n' });
    const detected = await detectBotVariables(await readEnvFile(join(folder, '.env')), { folder });
    expect(detected.token).toMatchObject({ name: 'WHATSAPP_TOKEN', confidence: 'high' });
  });

  it('reports the variable 024\'s code reads but its .env lacks', async () => {
    const folder = folderWith({
      '.env': readFileSync(join(REAL_WORLD_ENV_FOLDER, '024.env'), 'utf8'),
      'whatsapp.helper.cjs': 'const token = process.env.META_ACCESS_TOKEN;\nconst api = process.env.META_API_URI;\n',
    });
    const detected = await detectBotVariables(await readEnvFile(join(folder, '.env')), { folder });
    expect(detected.token).toMatchObject({ name: null, readByCodeButMissing: ['META_ACCESS_TOKEN'] });
  });

  it('collects reads from Python, JavaScript, TypeScript and PHP files, with where they are', async () => {
    const folder = folderWith({
      'bot.py': 'from os import environ\nenviron["PHONE_NUMBER_ID"]\n',
      'web/index.mjs': 'const { GRAPH_API_TOKEN, PORT } = process.env;\n',
      'config/whatsapp.php': "<?php return ['token' => env('WHATSAPP_TOKEN'), 'v' => getenv('API_VERSION')];\n",
    });
    const reads = await scanCodeForEnvReads(folder);
    expect(Object.fromEntries(reads)).toEqual({
      PHONE_NUMBER_ID: ['bot.py'],
      GRAPH_API_TOKEN: [join('web', 'index.mjs')],
      PORT: [join('web', 'index.mjs')],
      WHATSAPP_TOKEN: [join('config', 'whatsapp.php')],
      API_VERSION: [join('config', 'whatsapp.php')],
    });
  });
});
