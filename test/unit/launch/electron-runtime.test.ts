// Whether Electron's program is on disk, decided the way `require('electron')` will look for it.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { isElectronRuntimeInstalled, nodeAtLeast } from '../../../src-main/launch/electron-runtime';

const folders: string[] = [];
function electronPackage(files: Record<string, string>): string {
  const folder = mkdtempSync(join(tmpdir(), 'wtd-electron-'));
  folders.push(folder);
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(join(folder, name, '..'), { recursive: true });
    writeFileSync(join(folder, name), text);
  }
  return folder;
}
afterEach(() => folders.splice(0).forEach((folder) => rmSync(folder, { recursive: true, force: true })));

describe('isElectronRuntimeInstalled', () => {
  it('is false right after npm ci: no path.txt, no dist', () => {
    expect(isElectronRuntimeInstalled(electronPackage({ 'package.json': '{}' }), {})).toBe(false);
  });

  it('is false when path.txt names a program that is not in dist', () => {
    expect(isElectronRuntimeInstalled(electronPackage({ 'path.txt': 'electron' }), {})).toBe(false);
  });

  it('is true when path.txt names a program that is in dist', () => {
    expect(isElectronRuntimeInstalled(electronPackage({ 'path.txt': 'electron', 'dist/electron': '' }), {})).toBe(true);
  });

  it('follows ELECTRON_OVERRIDE_DIST_PATH as Electron does', () => {
    const folder = electronPackage({ 'path.txt': 'electron', 'dist/electron': '', 'elsewhere/electron': '' });
    expect(isElectronRuntimeInstalled(folder, { ELECTRON_OVERRIDE_DIST_PATH: join(folder, 'nowhere') })).toBe(false);
    expect(isElectronRuntimeInstalled(folder, { ELECTRON_OVERRIDE_DIST_PATH: join(folder, 'elsewhere') })).toBe(true);
  });
});

describe('nodeAtLeast', () => {
  it.each([
    ['20.20.2', '22.12.0', false],
    ['22.11.9', '22.12.0', false],
    ['22.12.0', '22.12.0', true],
    ['v22.12.1', '22.12.0', true],
    ['23.0.0', '22.12.0', true],
    ['100.0.0', '22.12.0', true],
  ])('%s against %s → %s', (version, minimum, expected) => {
    expect(nodeAtLeast(version, minimum)).toBe(expected);
  });
});
