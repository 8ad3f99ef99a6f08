// The desktop app's life: what must happen before "ready" (sandbox for every renderer, the app:// scheme, the
// single-instance lock, the Windows app id, guards on every page), the shell once ready, and a real quit.
import { join } from 'node:path';
import { translate } from '../core/i18n/translate';
import { redactSecrets } from '../core/redact';
import type { DoctorHost } from '../core/service';
import type { Emit, Platform } from '../core/service/types';
import { startDesktopShell, type RunningShell, type ShellPaths } from './desktop-shell';
import { resolveAppLanguage } from './language';
import { describeError } from './log';
import { HIDDEN_FLAG, startsHidden } from './login-item';
import { APP_SCHEME_PRIVILEGES } from './security/app-protocol';
import type { ShellElectron } from './shell-electron';
import { MainWindow } from './window/main-window';
import { rendererLocation } from './window/renderer-location';
import { secureWindowOptions } from './window/secure-window-options';
import { guardAllWebContents } from './window/web-contents-guards';

/** Must equal electron-builder's appId: Windows shows notifications only for a registered app id. */
export const APP_USER_MODEL_ID = 'com.watokendoctor.app';
export const PRODUCT_NAME = 'WA Token Doctor';

export interface DesktopAppOptions {
  electron: ShellElectron;
  platform: NodeJS.Platform;
  argv: readonly string[];
  env: NodeJS.ProcessEnv;
  execPath: string;
  paths: ShellPaths;
  createHost(platform: Platform, emit: Emit): Promise<DoctorHost>;
  log(line: string): void;
}

export function startDesktopApp(options: DesktopAppOptions): void {
  const { electron, platform, paths, log } = options;
  const { app } = electron;

  app.enableSandbox();
  // Only possible before "ready", and only once.
  electron.protocol.registerSchemesAsPrivileged([APP_SCHEME_PRIVILEGES]);
  if (!app.requestSingleInstanceLock()) {
    // The first copy hears "second-instance" and shows its window; this one has nothing to do.
    app.quit();
    return;
  }
  if (platform === 'win32') app.setAppUserModelId(APP_USER_MODEL_ID);
  guardAllWebContents(app);

  const location = rendererLocation(app.isPackaged, options.env.ELECTRON_RENDERER_URL);
  const window = new MainWindow({
    createWindow: (windowOptions) => new electron.BrowserWindow(windowOptions),
    options: secureWindowOptions({
      preloadPath: paths.preloadFile,
      devTools: !app.isPackaged,
      iconPath: platform === 'linux' ? join(paths.assetsDir, 'icon.png') : null,
      title: PRODUCT_NAME,
    }),
    url: location.entryUrl,
    log,
  });
  const loginItem = { platform, app, env: options.env, execPath: options.execPath };

  let shell: RunningShell | null = null;
  let quitting = false;
  let showOnceReady = !startsHidden(options.argv, loginItem);
  const showWindow = () => {
    if (shell) window.show();
    else showOnceReady = true;
  };

  app.on('second-instance', (_event, argv) => {
    // A login start while we already run changes nothing on screen.
    if (!argv.includes(HIDDEN_FLAG)) showWindow();
  });
  // Closing the window only hides it; even if it is ever destroyed, the tray and the watch carry on.
  app.on('window-all-closed', () => {});
  app.on('before-quit', () => {
    quitting = true;
    window.allowClose();
    shell?.stop();
    shell = null;
  });

  app
    .whenReady()
    .then(() => startDesktopShell({ ...options, window, location, loginItem }))
    .then((started) => {
      // Quit was chosen while the service was still starting.
      if (quitting) return started.stop();
      shell = started;
      // macOS: the dock icon was clicked.
      app.on('activate', showWindow);
      if (showOnceReady) window.show();
    })
    .catch((error: unknown) => {
      const detail = redactSecrets(describeError(error));
      log(`the app could not start: ${detail}`);
      // Started from the desktop, a silent exit would look like nothing happened at all.
      const language = resolveAppLanguage(null, app.getPreferredSystemLanguages());
      electron.dialog.showErrorBox(
        translate(language, { key: 'shell:dialog.startFailed.title' }),
        translate(language, { key: 'shell:dialog.startFailed.body', params: { detail } }),
      );
      app.exit(1);
    });
}
