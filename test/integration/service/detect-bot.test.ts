// "Connect a bot" on real folders: what the service proposes from the bot's own files.
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { detectBot } from '../../../src-main/core/service/detect-bot';

const TOKEN = `EAAG${'x7Kq'.repeat(50)}`;

async function folderWith(files: Record<string, string>): Promise<string> {
  const folder = await mkdtemp(join(tmpdir(), 'detect-bot-'));
  for (const [name, content] of Object.entries(files)) {
    await mkdir(join(folder, name, '..'), { recursive: true });
    await writeFile(join(folder, name), content);
  }
  return folder;
}

describe('detectBot', () => {
  it('proposes the .env, the token line, the ids and a Python start, without ever returning the token', async () => {
    const folder = await folderWith({
      '.env': `VERIFY_TOKEN=abc\nWHATSAPP_TOKEN=${TOKEN}\nPHONE_NUMBER_ID=300000000000003\nVERSION=v18.0\n`,
      'run_flask.py': 'from app import create_app\nif __name__ == "__main__":\n    create_app().run()\n',
    });
    const detection = await detectBot(folder);
    expect(detection).toMatchObject({
      envFile: join(folder, '.env'),
      tokenVariable: 'WHATSAPP_TOKEN',
      phoneNumberId: { variable: 'PHONE_NUMBER_ID', value: '300000000000003' },
      apiVersion: { variable: 'VERSION', value: 'v18.0' },
      maskedToken: `${TOKEN.slice(0, 4)}…${TOKEN.slice(-5)}`,
    });
    expect(detection.start[0]?.command).toMatch(/python.*run_flask\.py/);
    expect(JSON.stringify(detection)).not.toContain(TOKEN);
  });

  it('recreates exactly the compose service that receives the token, and offers both .env copies', async () => {
    const folder = await folderWith({
      '.env': `WHATSAPP_TOKEN=${TOKEN}\n`,
      'backend/.env': `WHATSAPP_TOKEN=${TOKEN}\n`,
      'docker-compose.yml': 'services:\n  db:\n    image: postgres\n  bot:\n    build: .\n    environment:\n      WHATSAPP_TOKEN: ${WHATSAPP_TOKEN}\n',
    });
    const detection = await detectBot(folder);
    const compose = detection.start.find((proposal) => proposal.kind === 'docker-compose');
    expect(compose?.command).toMatch(/docker compose up -d .*--force-recreate bot$/);
    expect(detection.destinations.map((view) => view.label)).toEqual(expect.arrayContaining([expect.stringContaining('backend/.env')]));
    expect(detection.destinations).toHaveLength(2);
  });

  it('warns when the token is baked into a front-end bundle', async () => {
    const folder = await folderWith({ '.env': `VITE_WHATSAPP_TOKEN=${TOKEN}\n`, 'package.json': '{"scripts":{"build":"vite build"}}' });
    const detection = await detectBot(folder);
    expect(detection.tokenVariable).toBe('VITE_WHATSAPP_TOKEN');
    expect(detection.warnings.map((warning) => warning.key).join(' ')).toMatch(/destinations:/);
  });

  it('says plainly when the folder is gone', async () => {
    await expect(detectBot('/nonexistent/bot')).rejects.toMatchObject({ code: 'folder_missing', userMessage: { key: 'bot:errors.folderMissing' } });
  });
});
