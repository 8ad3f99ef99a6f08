// Launch at login, always with --hidden so a login start stays in the tray: the OS login-item API on Windows
// and macOS, an XDG autostart entry on Linux (Electron has no login-item API there).
import { mkdir, rm } from 'node:fs/promises';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import type { App } from 'electron';
import { writeFileAtomic } from '../core/envfile/atomic-write';

export const HIDDEN_FLAG = '--hidden';
export const AUTOSTART_FILE_NAME = 'wa-token-doctor.desktop';

export interface LoginItemHost {
  platform: NodeJS.Platform;
  app: Pick<App, 'setLoginItemSettings' | 'getLoginItemSettings'>;
  env: NodeJS.ProcessEnv;
  execPath: string;
  home?: string;
}

/** $XDG_CONFIG_HOME/autostart (default ~/.config/autostart), per the XDG autostart spec. */
export function autostartFilePath(env: NodeJS.ProcessEnv, home: string = homedir()): string {
  const configHome = env.XDG_CONFIG_HOME && env.XDG_CONFIG_HOME.startsWith('/') ? env.XDG_CONFIG_HOME : join(home, '.config');
  return join(configHome, 'autostart', AUTOSTART_FILE_NAME);
}

/**
 * One Exec argument, quoted per the Desktop Entry spec: inside double quotes, `"`, `` ` ``, `$` and `\` take a
 * backslash; then the value is escaped as a string (a backslash doubles) and `%` doubles (field codes).
 * AppImages are named "WA Token Doctor-0.1.0.AppImage" by default, so the spaces matter.
 */
export function quoteExecArgument(argument: string): string {
  const needsQuotes = /[\s"'\\><~|&;$*?#()`%=]/.test(argument) || argument === '';
  const quoted = needsQuotes ? `"${argument.replace(/["`$\\]/g, (char) => `\\${char}`)}"` : argument;
  return quoted.replace(/\\/g, '\\\\').replace(/%/g, '%%');
}

/** The AppImage itself when running from one (execPath then points inside its temporary mount). */
export function linuxLaunchTarget(env: NodeJS.ProcessEnv, execPath: string): string {
  return env.APPIMAGE || execPath;
}

export function autostartDesktopEntry(launchTarget: string): string {
  return [
    '[Desktop Entry]',
    'Type=Application',
    'Version=1.0',
    'Name=WA Token Doctor',
    'Comment=Watches your WhatsApp bot access tokens and warns before they expire',
    `Exec=${quoteExecArgument(launchTarget)} ${HIDDEN_FLAG}`,
    'Icon=wa-token-doctor',
    'Terminal=false',
    'X-GNOME-Autostart-enabled=true',
    '',
  ].join('\n');
}

export async function setLaunchAtLogin(enabled: boolean, host: LoginItemHost): Promise<void> {
  if (host.platform === 'linux') {
    const file = autostartFilePath(host.env, host.home);
    if (enabled) {
      await mkdir(dirname(file), { recursive: true });
      await writeFileAtomic(file, autostartDesktopEntry(linuxLaunchTarget(host.env, host.execPath)), { mode: 0o644 });
    } else {
      await rm(file, { force: true });
    }
    return;
  }
  // Windows keeps the args in the Run key; macOS ignores them and reports wasOpenedAtLogin instead.
  host.app.setLoginItemSettings({ openAtLogin: enabled, args: [HIDDEN_FLAG] });
}

/** A login start (or an explicit --hidden) opens no window: the app lives in the tray. */
export function startsHidden(argv: readonly string[], host: Pick<LoginItemHost, 'platform' | 'app'>): boolean {
  if (argv.includes(HIDDEN_FLAG)) return true;
  return host.platform === 'darwin' && host.app.getLoginItemSettings().wasOpenedAtLogin;
}
