// Where the app keeps its data: the same folder for the desktop app and the CLI.
import { homedir } from 'node:os';
import { join } from 'node:path';

/** Electron names its userData folder after productName; the CLI must find the same one. */
export const APP_FOLDER_NAME = 'WA Token Doctor';

/** The OS app-data folder, as Electron's app.getPath('userData') computes it. */
export function defaultDataHome(
  platform: NodeJS.Platform = process.platform,
  env: NodeJS.ProcessEnv = process.env,
  home: string = homedir(),
): string {
  if (platform === 'win32') return join(env.APPDATA ?? join(home, 'AppData', 'Roaming'), APP_FOLDER_NAME);
  if (platform === 'darwin') return join(home, 'Library', 'Application Support', APP_FOLDER_NAME);
  return join(env.XDG_CONFIG_HOME ?? join(home, '.config'), APP_FOLDER_NAME);
}

/** `WA_TOKEN_DOCTOR_HOME` wins (tests, portable installs); otherwise the OS folder. */
export function dataHome(env: NodeJS.ProcessEnv = process.env): string {
  return env.WA_TOKEN_DOCTOR_HOME || defaultDataHome(process.platform, env);
}
