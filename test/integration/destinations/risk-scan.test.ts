// The connect-time scan on bot folders built like the real-world projects: each setup where a restart is not
// enough is found and explained, copies of the token are offered as destinations, and a plain bot gets nothing.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { scanTokenDeliveryRisks, suggestDestinations } from '../../../src-main/core/destinations/risk-scan';
import type { UserMessage } from '../../../src-main/core/errors';
import { hasTranslation, translate } from '../../../src-main/core/i18n/translate';
import { tempFolder } from '../envfile/temp-folder';
import { realWorldEnvFiles } from '../../unit/envfile/real-world-files';

const realWorld = (name: string) => realWorldEnvFiles().find((file) => file.name === name)!.bytes;

function botFolder(files: Record<string, string | Buffer>): string {
  const folder = tempFolder('dest-risk-');
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(dirname(join(folder, name)), { recursive: true });
    writeFileSync(join(folder, name), content);
  }
  return folder;
}

const scan = (folder: string, envFile: string, tokenVariable: string) => scanTokenDeliveryRisks(folder, { envFile: join(folder, envFile), tokenVariable });
const keys = (messages: UserMessage[]) => messages.map((message) => message.key);

function expectTranslated(messages: UserMessage[]): void {
  for (const message of messages) {
    for (const language of ['en', 'tr', 'ar'] as const) {
      expect(hasTranslation(language, message.key), `${language} ${message.key}`).toBe(true);
      expect(translate(language, message)).not.toMatch(/\{\{/);
    }
  }
}

describe('scanTokenDeliveryRisks', () => {
  it('sami2515: the backend token is duplicated into a VITE_ variable of the front end (017 + 018)', async () => {
    const folder = botFolder({ 'backend/.env': realWorld('017.env'), '.env': realWorld('018.env'), 'backend/server.js': "require('dotenv').config()\n" });
    const messages = await scan(folder, 'backend/.env', 'WHATSAPP_TOKEN');
    expect(messages).toEqual([
      { key: 'destinations:risk.token_duplicated', params: { where: '.env#VITE_WHATSAPP_TOKEN' } },
      { key: 'destinations:risk.front_end_bundle', params: { variable: 'VITE_WHATSAPP_TOKEN', prefix: 'VITE_', tool: 'Vite', file: '.env' } },
    ]);
    expectTranslated(messages);
    expect(await suggestDestinations(folder, { envFile: join(folder, 'backend/.env'), tokenVariable: 'WHATSAPP_TOKEN' })).toEqual([
      { kind: 'env', file: join(folder, 'backend/.env'), variable: 'WHATSAPP_TOKEN' },
      { kind: 'env', file: join(folder, '.env'), variable: 'VITE_WHATSAPP_TOKEN' },
    ]);
  });

  it('a token variable with a front-end prefix is baked into the bundle (018 as the bot\'s own file)', async () => {
    const folder = botFolder({ '.env': realWorld('018.env') });
    expect(keys(await scan(folder, '.env', 'VITE_WHATSAPP_TOKEN'))).toEqual(['destinations:risk.front_end_bundle']);
    const next = botFolder({ '.env.local': 'NEXT_PUBLIC_WA_TOKEN=EAAx\n' });
    expect(await scan(next, '.env.local', 'NEXT_PUBLIC_WA_TOKEN')).toMatchObject([{ params: { tool: 'Next.js', prefix: 'NEXT_PUBLIC_' } }]);
  });

  it('tars47: the Dockerfile copies .env into the image', async () => {
    const folder = botFolder({
      '.env': "WHATSAPP_SYS_USER_ACCESS_TOKEN = 'EAAold'\n",
      'Dockerfile': 'FROM node:20-alpine\nWORKDIR /usr/src/app\nCOPY package*.json ./\nRUN npm ci\nCOPY .env ./\nCOPY . .\nRUN npm run build\nCMD ["node", "dist/Server.js"]\n',
    });
    const messages = await scan(folder, '.env', 'WHATSAPP_SYS_USER_ACCESS_TOKEN');
    expect(messages).toEqual([{ key: 'destinations:risk.copies_env', params: { dockerfile: 'Dockerfile', envFile: '.env' } }]);
    expectTranslated(messages);
  });

  it('COPY . . bakes the .env in unless .dockerignore leaves it out; a Dockerfile whose context cannot see the .env is ignored', async () => {
    const files = { '.env': 'WHATSAPP_TOKEN=EAAold\n', 'deploy/api.Dockerfile': 'FROM python:3.12\nCOPY .. /app\n', 'app/Dockerfile': 'FROM python:3.12\nCOPY . .\n', 'app/.env': 'WHATSAPP_TOKEN=EAAold\n' };
    expect(await scan(botFolder(files), 'app/.env', 'WHATSAPP_TOKEN')).toEqual([
      { key: 'destinations:risk.copies_folder', params: { dockerfile: 'app/Dockerfile', envFile: '.env' } },
    ]);
    expect(await scan(botFolder({ ...files, 'app/.dockerignore': '.env\n' }), 'app/.env', 'WHATSAPP_TOKEN')).toEqual([]);
  });

  it('Lakshman (026): the .env comment says the token is only the first one, persisted to Mongo', async () => {
    const folder = botFolder({ '.env': realWorld('026.env') });
    const messages = await scan(folder, '.env', 'WHATSAPP_ACCESS_TOKEN');
    expect(messages).toEqual([{ key: 'destinations:risk.seed_comment', params: { variable: 'WHATSAPP_ACCESS_TOKEN', file: '.env', line: 23 } }]);
    expectTranslated(messages);
  });

  it('prince62058 (021): a comment says WhatsApp tokens are kept encrypted in the database', async () => {
    const folder = botFolder({ '.env': realWorld('021.env') });
    expect(await scan(folder, '.env', 'systemUserAccessToken')).toEqual([
      { key: 'destinations:risk.tokens_in_database_comment', params: { variable: 'systemUserAccessToken', file: '.env', line: 28 } },
    ]);
  });

  it('code that seeds a Mongo config document from the .env token, when no comment says so', async () => {
    const configService = [
      "const WhatsAppConfig = require('../models/WhatsAppConfig');",
      '',
      'async function loadConfig() {',
      '  let config = await WhatsAppConfig.findOne({});',
      '  if (!config) {',
      '    config = await WhatsAppConfig.create({',
      '      phoneNumberId: process.env.WHATSAPP_PHONE_NUMBER_ID,',
      '      accessToken: process.env.WHATSAPP_ACCESS_TOKEN,',
      '    });',
      '  }',
      '  return config;',
      '}',
    ].join('\n');
    const sender = "await axios.post(url, body, { headers: { Authorization: `Bearer ${process.env.WHATSAPP_ACCESS_TOKEN}` } });\nawait Message.create({ to, body });\n";
    const folder = botFolder({ '.env': 'WHATSAPP_ACCESS_TOKEN=EAAold\n', 'src/services/ConfigService.js': configService, 'src/services/send.js': sender });
    const messages = await scan(folder, '.env', 'WHATSAPP_ACCESS_TOKEN');
    expect(messages).toEqual([{ key: 'destinations:risk.code_saves_token', params: { variable: 'WHATSAPP_ACCESS_TOKEN', file: 'src/services/ConfigService.js', line: 6 } }]);
    expectTranslated(messages);

    // Sending with the token and saving a message nearby is not saving the token.
    expect(await scan(botFolder({ '.env': 'WHATSAPP_ACCESS_TOKEN=EAAold\n', 'src/send.js': sender }), '.env', 'WHATSAPP_ACCESS_TOKEN')).toEqual([]);
  });

  it('a JSON or YAML file holding the same token is offered as a destination (not package.json, not node_modules)', async () => {
    const token = 'EAAGm0PX4ZCpsBAKZBxQ7vR2mN8dL5tY1wE9uI3oP6aS4dF7gH0jK2';
    const folder = botFolder({
      '.env': `WHATSAPP_TOKEN=${token}\n`,
      'config/settings.json': `{\n  "meta": { "whatsapp": { "token": "${token}" } }\n}\n`,
      'package.json': `{"name": "bot", "description": "${token}"}`,
      'node_modules/some-sdk/config.json': `{"token": "${token}"}`,
      'docker-compose.yml': `services:\n  bot:\n    image: bot\n    environment:\n      WHATSAPP_TOKEN: ${token}\n`,
    });
    expect(await scan(folder, '.env', 'WHATSAPP_TOKEN')).toEqual([
      { key: 'destinations:risk.token_duplicated', params: { where: 'docker-compose.yml#services.bot.environment.WHATSAPP_TOKEN' } },
      { key: 'destinations:risk.token_duplicated', params: { where: 'config/settings.json#meta.whatsapp.token' } },
    ]);
  });

  it('a second variable of the same .env holding the token is offered too', async () => {
    const token = 'EAAGm0PX4ZCpsBAKZBxQ7vR2mN8dL5tY1wE9uI3oP6aS4dF7gH0jK2';
    const folder = botFolder({ '.env': `WHATSAPP_TOKEN=${token}\nGRAPH_API_TOKEN="${token}"\n` });
    expect(await suggestDestinations(folder, { envFile: join(folder, '.env'), tokenVariable: 'WHATSAPP_TOKEN' })).toEqual([
      { kind: 'env', file: join(folder, '.env'), variable: 'WHATSAPP_TOKEN' },
      { kind: 'env', file: join(folder, '.env'), variable: 'GRAPH_API_TOKEN' },
    ]);
  });

  it('finds nothing to warn about in a plain bot, or when the .env cannot be read', async () => {
    const folder = botFolder({ '.env': realWorld('001.env'), 'app.py': 'import os\nTOKEN = os.getenv("WHATSAPP_TOKEN")\n', '.env.example': realWorld('001.env') });
    const tokenVariable = realWorldEnvFiles().find((file) => file.name === '001.env')!.meta.token_var!;
    expect(await scan(folder, '.env', tokenVariable)).toEqual([]);
    expect(await scan(folder, 'missing.env', tokenVariable)).toEqual([]);
  });
});
