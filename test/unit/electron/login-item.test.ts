import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  autostartDesktopEntry,
  autostartFilePath,
  quoteExecArgument,
  setLaunchAtLogin,
  startsHidden,
  type LoginItemHost,
} from '../../../src-main/electron/login-item';
import { createFakeElectron } from './fake-electron';

let home: string;
beforeEach(async () => {
  home = await mkdtemp(join(tmpdir(), 'login-item-'));
});
afterEach(() => rm(home, { recursive: true, force: true }));

function host(platform: NodeJS.Platform, env: NodeJS.ProcessEnv = {}) {
  const { fake, electron } = createFakeElectron();
  const loginItem: LoginItemHost = { platform, app: electron.app, env, execPath: '/opt/WA Token Doctor/wa-token-doctor', home };
  return { fake, loginItem };
}

/** The Exec line as a desktop environment reads it: string escapes first, then the quoting rules. */
function execArguments(entry: string): string[] {
  const line = entry.split('\n').find((text) => text.startsWith('Exec='));
  const raw = (line ?? '').slice('Exec='.length).replace(/\\(.)/g, (_match, char: string) => (char === '\\' ? '\\' : `\\${char}`));
  const args: string[] = [];
  for (const match of raw.matchAll(/"((?:\\.|[^"\\])*)"|(\S+)/g)) {
    args.push(match[1] !== undefined ? match[1].replace(/\\(["`$\\])/g, '$1') : (match[2] ?? ''));
  }
  return args.map((arg) => arg.replace(/%%/g, '%'));
}

describe('launch at login on Linux', () => {
  it('writes an XDG autostart entry that starts the app hidden', async () => {
    const { loginItem } = host('linux');
    await setLaunchAtLogin(true, loginItem);
    const file = join(home, '.config', 'autostart', 'wa-token-doctor.desktop');
    const entry = await readFile(file, 'utf8');
    expect(entry.startsWith('[Desktop Entry]\n')).toBe(true);
    expect(entry).toContain('\nType=Application\n');
    expect(entry).toContain('\nName=WA Token Doctor\n');
    expect(execArguments(entry)).toEqual(['/opt/WA Token Doctor/wa-token-doctor', '--hidden']);
    expect((await stat(file)).mode & 0o777).toBe(0o644);
  });

  it('launches the AppImage itself when running from one', async () => {
    const { loginItem } = host('linux', { APPIMAGE: '/home/owner/Apps/WA Token Doctor-0.1.0.AppImage' });
    await setLaunchAtLogin(true, loginItem);
    const entry = await readFile(autostartFilePath({}, home), 'utf8');
    expect(execArguments(entry)).toEqual(['/home/owner/Apps/WA Token Doctor-0.1.0.AppImage', '--hidden']);
  });

  it('honours XDG_CONFIG_HOME', async () => {
    const configHome = join(home, 'elsewhere');
    const { loginItem } = host('linux', { XDG_CONFIG_HOME: configHome });
    await setLaunchAtLogin(true, loginItem);
    await expect(readFile(join(configHome, 'autostart', 'wa-token-doctor.desktop'), 'utf8')).resolves.toContain('Exec=');
  });

  it('removes the entry when turned off, and turning off twice is fine', async () => {
    const { loginItem } = host('linux');
    await setLaunchAtLogin(true, loginItem);
    await setLaunchAtLogin(false, loginItem);
    await setLaunchAtLogin(false, loginItem);
    await expect(stat(autostartFilePath({}, home))).rejects.toMatchObject({ code: 'ENOENT' });
  });

  it('never touches the OS login-item API on Linux', async () => {
    const { fake, loginItem } = host('linux');
    await setLaunchAtLogin(true, loginItem);
    expect(fake.app.loginItemSettings).toEqual([]);
  });
});

describe('Exec quoting', () => {
  it.each([
    '/usr/bin/wa-token-doctor',
    '/opt/WA Token Doctor/wa-token-doctor',
    '/home/o\'brien/app',
    '/weird/"quoted"/$HOME/`cmd`/back\\slash/100%/app',
  ])('round-trips %s', (path) => {
    expect(execArguments(autostartDesktopEntry(path))).toEqual([path, '--hidden']);
  });

  it('leaves a plain path unquoted', () => {
    expect(quoteExecArgument('/usr/bin/wa-token-doctor')).toBe('/usr/bin/wa-token-doctor');
  });
});

describe('launch at login on Windows and macOS', () => {
  it.each(['win32', 'darwin'] as const)('uses the OS login-item API on %s, with --hidden', async (platform) => {
    const { fake, loginItem } = host(platform);
    await setLaunchAtLogin(true, loginItem);
    await setLaunchAtLogin(false, loginItem);
    expect(fake.app.loginItemSettings).toEqual([
      { openAtLogin: true, args: ['--hidden'] },
      { openAtLogin: false, args: ['--hidden'] },
    ]);
    await expect(stat(autostartFilePath({}, home))).rejects.toMatchObject({ code: 'ENOENT' });
  });
});

describe('a hidden start', () => {
  it('comes from --hidden', () => {
    const { loginItem } = host('win32');
    expect(startsHidden(['app.exe', '--hidden'], loginItem)).toBe(true);
    expect(startsHidden(['app.exe'], loginItem)).toBe(false);
  });

  it('comes from a login start on macOS, which passes no arguments', () => {
    const { fake, loginItem } = host('darwin');
    fake.app.getLoginItemSettings = () => ({ openAtLogin: true, wasOpenedAtLogin: true });
    expect(startsHidden(['WA Token Doctor'], loginItem)).toBe(true);
  });
});
