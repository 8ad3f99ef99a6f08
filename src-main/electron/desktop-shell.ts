// Everything the app runs once Electron is ready: the app:// handler, the permission wall, the service behind
// the IPC bridge, the tray, notifications and the watch, all in the app's language and kept in step by events.
import type { EventName, Events } from '../contract';
import { DoctorError } from '../core/errors';
import type { Watch } from '../core/monitor';
import type { DoctorHost } from '../core/service';
import type { Emit, Platform } from '../core/service/types';
import { createElectronPlatform } from './electron-platform';
import { registerDoctorCalls } from './ipc/register-calls';
import { createWindowEmitter } from './ipc/send-event';
import { isTrustedSender } from './ipc/trusted-sender';
import { AppLanguage } from './language';
import { describeError } from './log';
import type { LoginItemHost } from './login-item';
import { watchNetworkRegained } from './network-watch';
import { NotificationCenter } from './notifications';
import { serveRendererOverAppScheme } from './security/app-protocol';
import { denyAllPermissions } from './security/permissions';
import type { ShellElectron } from './shell-electron';
import { createShellWatch, toWatchedBots, watchSettingsFrom } from './shell-watch';
import { StatusTray } from './tray/status-tray';
import { loadTrayIcon } from './tray/tray-icon';
import type { MainWindow } from './window/main-window';
import type { RendererLocation } from './window/renderer-location';

export interface ShellPaths {
  /** out/renderer: the only folder app:// serves. */
  rendererDir: string;
  preloadFile: string;
  /** assets/ (tray icons, app icon). */
  assetsDir: string;
  watchMemoryFile: string;
}

export interface DesktopShellOptions {
  electron: ShellElectron;
  platform: NodeJS.Platform;
  window: MainWindow;
  location: RendererLocation;
  paths: ShellPaths;
  loginItem: LoginItemHost;
  /** createDoctorService in the app; a fake in tests. */
  createHost(platform: Platform, emit: Emit): Promise<DoctorHost>;
  log(line: string): void;
}

export interface RunningShell {
  stop(): void;
}

type ShellListeners = { [E in EventName]?: (payload: Events[E]) => void };

export async function startDesktopShell(options: DesktopShellOptions): Promise<RunningShell> {
  const { electron, window, location, paths, log } = options;
  const { app, BrowserWindow, Notification } = electron;

  serveRendererOverAppScheme(electron.protocol, paths.rendererDir);
  denyAllPermissions(electron.session.defaultSession);

  const language = new AppLanguage(() => app.getPreferredSystemLanguages());
  const ownWindows = () => [window.current()].filter((own) => own !== null);
  // The watch needs the service and the service needs `emit`, so the listeners reach them late.
  let watch: Watch | null = null;
  let doctor: DoctorHost | null = null;
  // Bot lists arrive in order even though reading each bot's token fingerprint is asynchronous.
  let botsInStep: Promise<void> = Promise.resolve();
  const syncWatchedBots = () => {
    botsInStep = botsInStep
      .then(async () => {
        if (doctor && watch) watch.setBots(toWatchedBots(await doctor.watchedBots()));
      })
      .catch((error: unknown) => log(`could not refresh the watched bots: ${describeError(error)}`));
  };

  const sendToWindows = createWindowEmitter(ownWindows, location.trustedOrigins);
  const shellListeners: ShellListeners = {
    botsChanged: syncWatchedBots,
    settingsChanged: (settings) => {
      language.applyChoice(settings.language);
      watch?.updateSettings(watchSettingsFrom(settings));
    },
  };
  const emit: Emit = (event, payload) => {
    sendToWindows(event, payload);
    (shellListeners[event] as ((payload: unknown) => void) | undefined)?.(payload);
  };
  const openWizard = (botId: string) => window.showThen(() => emit('openWizard', { botId }));
  const openAppCredentials = () => window.showThen(() => emit('openSettings', { section: 'appCredentials' }));

  doctor = await options.createHost(
    createElectronPlatform({
      app,
      dialog: electron.dialog,
      shell: electron.shell,
      clipboard: electron.clipboard,
      loginItem: options.loginItem,
      window: () => window.current(),
      language: () => language.current,
    }),
    emit,
  );
  const { service } = doctor;
  registerDoctorCalls(
    electron.ipcMain,
    service,
    (event) =>
      isTrustedSender(event, {
        ownWindows,
        windowOf: (contents) => BrowserWindow.fromWebContents(contents),
        trustedOrigins: location.trustedOrigins,
      }),
    log,
  );

  const notifications = new NotificationCenter({
    isSupported: () => Notification.isSupported(),
    create: (notificationOptions) => new Notification(notificationOptions),
    language: () => language.current,
    open: ({ wizardFor }) => (wizardFor === null ? window.show() : openWizard(wizardFor)),
  });

  /** Restarting from the tray happens out of sight, so its outcome comes back as a notification. */
  async function restartFromTray(botId: string): Promise<void> {
    try {
      const report = await service.restartBot({ id: botId });
      const outcome = report.ok ? 'restarted' : 'restartFailed';
      notifications.show({
        botId,
        title: { key: `shell:tray.notice.${outcome}`, params: { botName: report.bot.name } },
        body: report.message,
        action: 'open-dashboard',
      });
    } catch (error) {
      if (!(error instanceof DoctorError)) log(`restart from the tray crashed: ${describeError(error)}`);
      notifications.show({
        botId,
        title: { key: 'shell:tray.notice.restartFailedTitle' },
        body: error instanceof DoctorError ? error.userMessage : { key: 'common:errors.internal' },
        action: 'open-dashboard',
      });
    }
  }

  const tray = new StatusTray({
    createTray: (image) => new electron.Tray(image),
    loadIcon: (state) => loadTrayIcon(electron.nativeImage, paths.assetsDir, state, options.platform),
    buildMenu: (template) => electron.Menu.buildFromTemplate(template),
    language: () => language.current,
    now: () => Date.now(),
    clickOpensWindow: options.platform !== 'darwin',
    actions: {
      renewToken: openWizard,
      addAppCredentials: openAppCredentials,
      restartBot: (botId) => void restartFromTray(botId),
      checkNow: () => void watch?.checkNow(),
      open: () => window.show(),
      quit: () => app.quit(),
    },
  });
  language.onChange(() => tray.render());

  const runningWatch = createShellWatch({
    doctor,
    notify: (notification) => notifications.show(notification),
    onStatus: (status) => tray.update(status),
    memoryFile: paths.watchMemoryFile,
    log,
  });
  watch = runningWatch;
  electron.powerMonitor.on('resume', () => runningWatch.onResume());
  const stopNetworkWatch = watchNetworkRegained(electron.net, () => runningWatch.onNetworkRegained());

  const settings = doctor.settings();
  language.applyChoice(settings.language);
  runningWatch.updateSettings(watchSettingsFrom(settings));
  syncWatchedBots();
  void botsInStep.then(() => runningWatch.start());

  return {
    stop() {
      stopNetworkWatch();
      tray.destroy();
      void runningWatch.stop();
    },
  };
}
