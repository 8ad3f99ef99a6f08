// Start detection against the real bots' layouts (start-commands.json) and the rules behind the ranking.
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { detectStartCommand } from '../../../src-main/core/bot/detect-start';
import { isDoctorError } from '../../../src-main/core/errors';
import { REAL_WORLD_LAYOUTS } from './real-world-layouts';

const CORPUS = fileURLToPath(new URL('../../fixtures/real-world/start-commands.json', import.meta.url));
const made: string[] = [];

async function folderWith(files: Record<string, string>): Promise<string> {
  const root = await mkdtemp(join(tmpdir(), 'wtd-detect-'));
  made.push(root);
  for (const [path, content] of Object.entries(files)) {
    await mkdir(dirname(join(root, path)), { recursive: true });
    await writeFile(join(root, path), content);
  }
  return root;
}

afterAll(async () => {
  await Promise.all(made.map((dir) => rm(dir, { recursive: true, force: true })));
});

const warningKeys = (warnings: { key: string }[]) => warnings.map((warning) => warning.key);

describe('the real bots of start-commands.json', async () => {
  const corpus = JSON.parse(await readFile(CORPUS, 'utf8')) as { repos: Array<{ repo: string; command: string; notes: string }> };

  it('has a layout for every repository in the corpus', () => {
    expect(REAL_WORLD_LAYOUTS.map((layout) => layout.repo).sort()).toEqual(corpus.repos.map((entry) => entry.repo).sort());
  });

  for (const layout of REAL_WORLD_LAYOUTS) {
    it(`proposes "${layout.expect.command}" first for ${layout.repo}`, async () => {
      const entry = corpus.repos.find((candidate) => candidate.repo === layout.repo)!;
      expect(`${entry.command} ${entry.notes}`).toContain(layout.corpusMentions);
      const root = await folderWith(layout.files);
      const [top] = await detectStartCommand(root, { platform: 'linux' });
      expect(top).toMatchObject({ command: layout.expect.command, kind: layout.expect.kind });
      expect(top!.cwd).toBe(layout.expect.cwd ? join(root, layout.expect.cwd) : root);
      expect(top!.reason.key).toMatch(/^bot:detect\.reason\./);
    });
  }
});

describe('detectStartCommand', () => {
  it('prefers a run_*.py script over app.py', async () => {
    const root = await folderWith({ 'run_flask.py': 'from app import app\napp.run()\n', 'app.py': 'from flask import Flask\napp = Flask(__name__)\n' });
    const [top] = await detectStartCommand(root, { platform: 'linux' });
    expect(top!.command).toBe('python3 run_flask.py');
  });

  it('runs a FastAPI main.py under uvicorn, through the venv when there is one', async () => {
    const source = 'from fastapi import FastAPI\n\napp = FastAPI()\n';
    expect((await detectStartCommand(await folderWith({ 'main.py': source }), { platform: 'linux' }))[0]).toMatchObject({
      command: 'uvicorn main:app',
      kind: 'uvicorn',
    });
    const withVenv = await folderWith({ 'main.py': source, 'venv/bin/python': '' });
    expect((await detectStartCommand(withVenv, { platform: 'linux' }))[0]!.command).toBe('venv/bin/python -m uvicorn main:app');
  });

  it("uses a Windows venv's Scripts\\python.exe on Windows, and says when a venv was made for another system", async () => {
    const root = await folderWith({ 'app.py': 'if __name__ == "__main__":\n    app.run()\n', '.venv/Scripts/python.exe': '' });
    expect((await detectStartCommand(root, { platform: 'win32' }))[0]!.command).toBe('.venv\\Scripts\\python.exe app.py');
    const [onLinux] = await detectStartCommand(root, { platform: 'linux' });
    expect(onLinux!.command).toBe('python3 app.py');
    expect(onLinux!.warnings).toContainEqual({ key: 'bot:detect.warning.venvForOtherSystem', params: { folder: '.venv' } });
    expect((await detectStartCommand(root, { platform: 'win32' }))[0]!.warnings).toEqual([]);
  });

  it("proposes the py launcher on Windows when python is not on PATH or is only the Microsoft Store's stub", async () => {
    const root = await folderWith({ 'run_flask.py': 'if __name__ == "__main__":\n    app.run()\n' });
    const machine = (programs: Record<string, string>) => ({ platform: 'win32' as const, findProgram: (name: string) => programs[name] ?? null });
    const storeStub = 'C:\\Users\\Şükrü\\AppData\\Local\\Microsoft\\WindowsApps\\python.exe';
    const launcher = 'C:\\Windows\\py.exe';
    expect((await detectStartCommand(root, machine({ py: launcher })))[0]!.command).toBe('py -3 run_flask.py');
    expect((await detectStartCommand(root, machine({ python: storeStub, py: launcher })))[0]!.command).toBe('py -3 run_flask.py');
    const installed = 'C:\\Users\\Şükrü\\AppData\\Local\\Programs\\Python\\Python312\\python.exe';
    expect((await detectStartCommand(root, machine({ python: installed, py: launcher })))[0]!.command).toBe('python run_flask.py');
    expect((await detectStartCommand(root, machine({})))[0]!.command).toBe('python run_flask.py');
  });

  it('notes the dev watchers that never reload .env', async () => {
    const root = await folderWith({ 'package.json': JSON.stringify({ scripts: { dev: 'nodemon src/app.js' } }) });
    const [top] = await detectStartCommand(root, { platform: 'linux' });
    expect(top).toMatchObject({ command: 'npm run dev', reloadsEnv: false });
    expect(top!.warnings).toContainEqual({ key: 'bot:detect.warning.watcherIgnoresEnv', params: { tool: 'nodemon' } });
    const webhook = REAL_WORLD_LAYOUTS.find((layout) => layout.repo.includes('webhook-service'))!;
    const proposals = await detectStartCommand(await folderWith(webhook.files), { platform: 'linux' });
    const dev = proposals.find((proposal) => proposal.command === 'npm run dev');
    expect(warningKeys(dev!.warnings)).toContain('bot:detect.warning.watcherIgnoresEnv');
    expect(proposals.indexOf(dev!)).toBeGreaterThan(0);
  });

  it('prefers start over dev once the build output exists', async () => {
    const layout = REAL_WORLD_LAYOUTS.find((candidate) => candidate.repo.startsWith('yusuftok'))!;
    const before = await detectStartCommand(await folderWith(layout.files), { platform: 'linux' });
    expect(before.find((proposal) => proposal.command === 'npm start')!.warnings).toContainEqual({
      key: 'bot:detect.warning.needsBuild',
      params: { folder: 'dist' },
    });
    const built = await folderWith({ ...layout.files, 'dist/server.js': '' });
    expect((await detectStartCommand(built, { platform: 'linux' }))[0]!.command).toBe('npm start');
  });

  it('uses the lock file to pick the package manager', async () => {
    const root = await folderWith({ 'package.json': JSON.stringify({ scripts: { start: 'node bot.js' } }), 'yarn.lock': '' });
    expect((await detectStartCommand(root, { platform: 'linux' }))[0]!.command).toBe('yarn start');
  });

  it('recreates a compose service instead of restarting it, and rebuilds when the image holds the .env', async () => {
    const compose = 'services:\n  bot:\n    build: .\n    env_file: .env\n  cache:\n    image: redis:7\n';
    const [top] = await detectStartCommand(await folderWith({ 'compose.yaml': compose }), { platform: 'linux' });
    expect(top).toMatchObject({ command: 'docker compose up -d --force-recreate bot', mode: 'custom' });
    expect(warningKeys(top!.warnings)).toEqual(['bot:detect.warning.composeRestartKeepsEnv']);
    const baked = await folderWith({ 'compose.yaml': compose, Dockerfile: 'FROM node:20\nCOPY .env ./\n' });
    const [rebuilt] = await detectStartCommand(baked, { platform: 'linux' });
    expect(rebuilt!.command).toBe('docker compose up -d --build --force-recreate bot');
    expect(warningKeys(rebuilt!.warnings)).toContain('bot:detect.warning.envBakedIntoImage');
  });

  it("offers a Procfile's web process before its worker", async () => {
    const root = await folderWith({ Procfile: 'web: gunicorn app:app --bind 0.0.0.0:$PORT\nworker: python worker.py\nrelease: flask db upgrade\n' });
    const proposals = await detectStartCommand(root, { platform: 'linux' });
    expect(proposals.map((proposal) => proposal.command)).toEqual(['gunicorn app:app --bind 0.0.0.0:$PORT', 'python worker.py']);
    expect(warningKeys(proposals[0]!.warnings)).toEqual(['bot:detect.warning.needsPort']);
  });

  it('names the PM2 apps it will restart', async () => {
    const layout = REAL_WORLD_LAYOUTS.find((candidate) => candidate.repo.startsWith('ankur'))!;
    const [top] = await detectStartCommand(await folderWith(layout.files), { platform: 'linux' });
    expect(top!.reason).toEqual({ key: 'bot:detect.reason.pm2', params: { file: 'pm2.config.json', apps: 'server, worker' } });
  });

  it('proposes nothing for a folder with nothing runnable, and refuses a folder that is not there', async () => {
    expect(await detectStartCommand(await folderWith({ 'notes.txt': 'hello' }))).toEqual([]);
    const missing = join(tmpdir(), 'wtd-no-such-bot-folder');
    const error = await detectStartCommand(missing).catch((caught: unknown) => caught);
    expect(isDoctorError(error) && error.code).toBe('bot_folder_missing');
  });
});
