// Docker Compose: which services get the token (env_file in its forms, ${VAR} interpolation from the project
// .env) and the restart that really applies it. Compose itself does not run here; its files are parsed.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { composeRestart } from '../../../src-main/core/destinations/compose';
import { hasTranslation } from '../../../src-main/core/i18n/translate';
import { tempFolder } from '../envfile/temp-folder';

function project(files: Record<string, string>): string {
  const folder = tempFolder('dest-compose-');
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(dirname(join(folder, name)), { recursive: true });
    writeFileSync(join(folder, name), content);
  }
  return folder;
}

const lookup = (folder: string, envFile = '.env', tokenVariable = 'WHATSAPP_TOKEN') => composeRestart(folder, { envFile: join(folder, envFile), tokenVariable });

describe('composeRestart', () => {
  it('finds the Spring app that interpolates ${WHATSAPP_TOKEN:-default} from the project .env (harypalkar)', async () => {
    const folder = project({
      '.env': 'WHATSAPP_TOKEN=EAAold\n',
      'docker-compose.yml': [
        'services:',
        '  app:',
        '    build: .',
        '    ports: ["8080:8080"]',
        '    environment:',
        '      WHATSAPP_TOKEN: ${WHATSAPP_TOKEN:-your-access-token}',
        '      WHATSAPP_PHONE_NUMBER_ID: ${WHATSAPP_PHONE_NUMBER_ID}',
        '  db:',
        '    image: postgres:16',
        '    environment:',
        '      POSTGRES_PASSWORD: example',
      ].join('\n'),
    });
    const restart = await lookup(folder);
    expect(restart).toMatchObject({
      composeFile: join(folder, 'docker-compose.yml'),
      cwd: folder,
      services: [{ name: 'app', via: 'environment' }],
      rebuild: false,
      command: 'docker compose up -d --force-recreate app',
      message: { key: 'destinations:compose.recreate', params: { services: 'app', file: 'docker-compose.yml' } },
    });
    for (const language of ['en', 'tr', 'ar'] as const) expect(hasTranslation(language, restart!.message.key)).toBe(true);
  });

  it('reads env_file as a string, a list and a list of { path } objects, for several services', async () => {
    const folder = project({
      'backend/.env': 'WHATSAPP_TOKEN=EAAold\n',
      'compose.yaml': [
        'services:',
        '  api:',
        '    build: ./backend',
        '    env_file: ./backend/.env',
        '  worker:',
        '    build: ./backend',
        '    env_file:',
        '      - ./common.env',
        '      - backend/.env',
        '  scheduler:',
        '    image: bot',
        '    env_file:',
        '      - path: ./backend/.env',
        '        required: true',
        '  mongo:',
        '    image: mongo:7',
        '    env_file: ./mongo.env',
      ].join('\n'),
    });
    const restart = await lookup(folder, 'backend/.env');
    expect(restart?.services).toEqual([
      { name: 'api', via: 'env_file' },
      { name: 'worker', via: 'env_file' },
      { name: 'scheduler', via: 'env_file' },
    ]);
    expect(restart?.command).toBe('docker compose up -d --force-recreate api worker scheduler');
  });

  it('does not take $$VAR (a literal dollar), a longer name, or interpolation from a .env that is not the project one', async () => {
    const folder = project({
      '.env': 'WHATSAPP_TOKEN=EAAold\n',
      'sub/.env': 'WHATSAPP_TOKEN=EAAold\n',
      'docker-compose.yml': [
        'services:',
        '  a:',
        '    image: x',
        '    command: echo $$WHATSAPP_TOKEN',
        '  b:',
        '    image: x',
        '    environment: ["OLD=${WHATSAPP_TOKEN_OLD}"]',
        '  c:',
        '    image: x',
        '    environment: ["T=$WHATSAPP_TOKEN"]',
        '  d:',
        '    image: x',
        '    environment: [WHATSAPP_TOKEN]',
      ].join('\n'),
    });
    expect((await lookup(folder))?.services.map((service) => service.name)).toEqual(['c', 'd']);
    expect(await lookup(folder, 'sub/.env')).toBeNull();
  });

  it('rebuilds when the token is a build argument or the Dockerfile copies the .env (tars47)', async () => {
    const buildArg = project({
      '.env': 'WHATSAPP_TOKEN=EAAold\n',
      'compose.yml': 'services:\n  web:\n    build:\n      context: .\n      args:\n        TOKEN: ${WHATSAPP_TOKEN}\n',
    });
    expect(await lookup(buildArg)).toMatchObject({ rebuild: true, command: 'docker compose up -d --build --force-recreate web', message: { key: 'destinations:compose.recreate_rebuild' } });

    const copied = project({
      '.env': "WHATSAPP_SYS_USER_ACCESS_TOKEN = 'EAAold'\n",
      'docker/Dockerfile.prod': 'FROM node:20\nWORKDIR /app\nCOPY package*.json ./\nRUN npm ci\nCOPY .env ./\nCOPY dist ./dist\nCMD ["node", "dist/Server.js"]\n',
      'docker-compose.yaml': 'services:\n  service:\n    build:\n      context: .\n      dockerfile: docker/Dockerfile.prod\n    env_file: .env\n',
    });
    expect(await lookup(copied, '.env', 'WHATSAPP_SYS_USER_ACCESS_TOKEN')).toMatchObject({ rebuild: true, services: [{ name: 'service', via: 'env_file' }] });

    const ignored = project({
      '.env': 'WHATSAPP_TOKEN=EAAold\n',
      '.dockerignore': 'node_modules\n.env*\n',
      'Dockerfile': 'FROM python:3.12\nCOPY . .\n',
      'docker-compose.yml': 'services:\n  bot:\n    build: .\n    env_file: [.env]\n',
    });
    expect(await lookup(ignored)).toMatchObject({ rebuild: false, command: 'docker compose up -d --force-recreate bot' });
  });

  it('prefers compose.yaml like compose does, merges the override file, and quotes odd service names', async () => {
    const folder = project({
      '.env': 'WHATSAPP_TOKEN=EAAold\n',
      'compose.yaml': 'services:\n  "my bot":\n    image: bot\n',
      'docker-compose.yml': 'services:\n  legacy:\n    image: bot\n    env_file: .env\n',
      'compose.override.yaml': 'services:\n  "my bot":\n    env_file: .env\n',
    });
    expect(await lookup(folder)).toMatchObject({ composeFile: join(folder, 'compose.yaml'), command: "docker compose up -d --force-recreate 'my bot'" });
  });

  it('looks beside the .env first, then in the bot folder', async () => {
    const folder = project({
      'backend/.env': 'WHATSAPP_TOKEN=EAAold\n',
      'backend/docker-compose.yml': 'services:\n  api:\n    image: bot\n    env_file: .env\n',
    });
    expect(await lookup(folder, 'backend/.env')).toMatchObject({ cwd: join(folder, 'backend'), services: [{ name: 'api', via: 'env_file' }] });
  });

  it('gives nothing without compose, for services that never see the token, and for a broken file', async () => {
    expect(await lookup(project({ '.env': 'WHATSAPP_TOKEN=x\n' }))).toBeNull();
    expect(await lookup(project({ '.env': 'WHATSAPP_TOKEN=x\n', 'docker-compose.yml': 'services:\n  mongo:\n    image: mongo\n  minio:\n    image: minio/minio\n' }))).toBeNull();
    expect(await lookup(project({ '.env': 'WHATSAPP_TOKEN=x\n', 'docker-compose.yml': 'services:\n  app: [unclosed\n' }))).toBeNull();
  });
});
