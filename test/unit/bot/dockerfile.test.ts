// Which Dockerfiles bake the bot's .env into the image, so that a new token needs a rebuild.
import { describe, expect, it } from 'vitest';
import { envCopiedIntoImage } from '../../../src-main/core/bot/dockerfile';

describe('envCopiedIntoImage', () => {
  it.each([
    ['COPY .env ./', '.env', null, 'copies_env'],
    ['copy ./.env /app/.env', '.env', null, 'copies_env'],
    ['COPY --chown=node:node .env package.json ./', '.env', null, 'copies_env'],
    ['COPY [".env", "/app/"]', '.env', null, 'copies_env'],
    ['ADD backend/.env /srv/', 'backend/.env', null, 'copies_env'],
    ['COPY .env* ./', '.env', null, 'copies_env'],
    ['COPY . .', '.env', null, 'copies_folder'],
    ['COPY --chown=app . /app', '.env', 'node_modules\n', 'copies_folder'],
    ['COPY backend/ /app/', 'backend/.env', null, 'copies_folder'],
    ['RUN echo \\\n && true\nCOPY \\\n  .env \\\n  ./', '.env', null, 'copies_env'],
  ])('%j (env at %s, .dockerignore %j) → %s', (dockerfile, envPath, dockerignore, expected) => {
    expect(envCopiedIntoImage(`FROM node:20\nWORKDIR /app\n${dockerfile}\nCMD ["node", "index.js"]\n`, envPath, dockerignore)).toBe(expected);
  });

  it.each([
    ['COPY package*.json ./\nCOPY src ./src', '.env', null],
    ['COPY . .', '.env', '.env\n'],
    ['COPY . .', '.env', '# secrets\r\n.env*\r\n'],
    ['COPY .env ./', '.env', '**/.env\n'],
    ['COPY . .', 'backend/.env', 'backend/.env\n'],
    ['COPY --from=build /app/.env ./', '.env', null],
    ['COPY frontend/.env ./', 'backend/.env', null],
    ['# COPY .env ./', '.env', null],
  ])('%j (env at %s, .dockerignore %j) → not in the image', (dockerfile, envPath, dockerignore) => {
    expect(envCopiedIntoImage(`FROM python:3.12\n${dockerfile}\n`, envPath, dockerignore)).toBeNull();
  });

  it('follows .dockerignore in order: a later "!" puts the file back', () => {
    expect(envCopiedIntoImage('COPY . .', '.env', '.env*\n!.env\n')).toBe('copies_folder');
    expect(envCopiedIntoImage('COPY . .', '.env', '!.env\n*\n')).toBeNull();
  });
});
