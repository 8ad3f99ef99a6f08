// `npm start` where Electron's program cannot be downloaded (this machine, CI, an offline PC): one plain sentence in
// the owner's language that points to `npm run harness`, a non-zero exit, no stack trace, and no build started.
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { translate } from '../../../src-main/core/i18n/translate';
import { ELECTRON_INSTALLER_NODE, nodeAtLeast } from '../../../src-main/launch/electron-runtime';

let work: string;
let closedPort: number;

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'wtd-start-'));
  // A port that refuses connections: the download fails at once and nothing ever leaves this machine.
  const probe = createServer();
  await new Promise<void>((listening) => probe.listen(0, '127.0.0.1', listening));
  closedPort = (probe.address() as { port: number }).port;
  await new Promise<void>((closed) => probe.close(() => closed()));
});
afterAll(() => rm(work, { recursive: true, force: true }));

function npmStart(lang: string): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn('npm', ['start'], {
      env: {
        PATH: process.env.PATH ?? '',
        HOME: process.env.HOME ?? work,
        LANG: lang,
        // Wherever Electron may already be installed, look for it in an empty place and download from nowhere.
        ELECTRON_OVERRIDE_DIST_PATH: join(work, 'no-electron-here'),
        electron_config_cache: join(work, 'empty-cache'),
        ELECTRON_MIRROR: `http://127.0.0.1:${closedPort}/`,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, output }));
  });
}

const expectedKey = nodeAtLeast(process.versions.node, ELECTRON_INSTALLER_NODE) ? 'shell:launch.cannotDownload' : 'shell:launch.cannotDownloadOldNode';
const params = { version: process.versions.node, minimum: ELECTRON_INSTALLER_NODE };

describe('npm start without Electron', () => {
  it.each([
    ['en', 'en_US.UTF-8'],
    ['tr', 'tr_TR.UTF-8'],
    ['ar', 'ar_EG.UTF-8'],
  ] as const)('says why in one sentence (%s) and exits non-zero', async (language, lang) => {
    const { code, output } = await npmStart(lang);
    expect(code).not.toBe(0);
    expect(output).toContain(translate(language, { key: expectedKey, params }));
    expect(output).toContain('npm run harness');
    expect(output).not.toMatch(/^\s+at\s/m); // no stack trace
    expect(output).not.toMatch(/Error:|vite|building/i); // neither Electron's nor electron-vite's own output
  }, 60_000);
});
