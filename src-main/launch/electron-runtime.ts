// Electron's own program (the runtime the desktop app runs in) is no longer fetched by `npm ci`: Electron 45
// downloads it lazily on the first `require('electron')`, and electron-vite throws a stack trace when it is absent.
// This finds out whether it is there and, if not, runs Electron's own installer before anything else looks for it.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/** Electron's installer tools declare this Node.js as their minimum (`engines` of electron and @electron/get). */
export const ELECTRON_INSTALLER_NODE = '22.12.0';

/** The folder of the installed `electron` npm package (its package.json only: requiring it would download). */
export function electronPackageFolder(): string {
  return dirname(createRequire(import.meta.url).resolve('electron/package.json'));
}

/**
 * True when Electron's program is on disk where `require('electron')` will look for it: `path.txt` names the
 * executable inside `dist/` (or inside ELECTRON_OVERRIDE_DIST_PATH, as Electron itself honours).
 */
export function isElectronRuntimeInstalled(packageFolder: string, env: NodeJS.ProcessEnv = process.env): boolean {
  const pathFile = join(packageFolder, 'path.txt');
  if (!existsSync(pathFile)) return false;
  const executable = readFileSync(pathFile, 'utf8').trim();
  const distFolder = env.ELECTRON_OVERRIDE_DIST_PATH || join(packageFolder, 'dist');
  return executable !== '' && existsSync(join(distFolder, executable));
}

/** True when `version` (as in `process.versions.node`) is at least `minimum`. */
export function nodeAtLeast(version: string, minimum: string): boolean {
  const parts = (text: string) => text.replace(/^v/, '').split('.').map((part) => Number.parseInt(part, 10) || 0);
  const have = parts(version);
  const need = parts(minimum);
  for (let index = 0; index < need.length; index += 1) {
    const difference = (have[index] ?? 0) - (need[index] ?? 0);
    if (difference !== 0) return difference > 0;
  }
  return true;
}

/**
 * Runs Electron's own installer (`install.js`, the download + unzip it would do on first use). Its output is kept,
 * not shown: on failure it is a stack trace the owner cannot act on, and the caller says what it means instead.
 */
export function runElectronInstaller(packageFolder: string, env: NodeJS.ProcessEnv = process.env): Promise<{ ok: boolean; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [join(packageFolder, 'install.js')], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    const keep = (chunk: Buffer) => {
      output = (output + chunk.toString('utf8')).slice(-8_000);
    };
    child.stdout.on('data', keep);
    child.stderr.on('data', keep);
    child.on('error', (error) => resolve({ ok: false, output: error.message }));
    child.on('close', (code) => resolve({ ok: code === 0 && isElectronRuntimeInstalled(packageFolder, env), output }));
  });
}
