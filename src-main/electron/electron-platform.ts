// The host capabilities the service needs, done with Electron: the folder picker, the browser (allowlisted
// Meta pages only), the clipboard, launch at login, the OS languages and the app version.
import type { App, BrowserWindow, Clipboard, Dialog, Shell } from 'electron';
import type { Language } from '../../assets/locales';
import { translate } from '../core/i18n/translate';
import type { Platform } from '../core/service/types';
import { setLaunchAtLogin, type LoginItemHost } from './login-item';
import { openAllowedExternalUrl } from './security/external-url';

export interface ElectronPlatformHost {
  app: Pick<App, 'getPreferredSystemLanguages' | 'getVersion'>;
  dialog: Pick<Dialog, 'showOpenDialog'>;
  shell: Pick<Shell, 'openExternal'>;
  clipboard: Pick<Clipboard, 'readText' | 'clear'>;
  loginItem: LoginItemHost;
  /** The dialog's parent, so it opens in front of the app. */
  window(): BrowserWindow | null;
  language(): Language;
}

export function createElectronPlatform(host: ElectronPlatformHost): Platform {
  return {
    async pickFolder() {
      const language = host.language();
      const options = {
        title: translate(language, { key: 'shell:dialog.pickBotFolder.title' }),
        buttonLabel: translate(language, { key: 'shell:dialog.pickBotFolder.button' }),
        properties: ['openDirectory' as const],
      };
      const parent = host.window();
      const result = parent ? await host.dialog.showOpenDialog(parent, options) : await host.dialog.showOpenDialog(options);
      return result.canceled ? null : (result.filePaths[0] ?? null);
    },
    openExternal: (url) => openAllowedExternalUrl(host.shell, url),
    readClipboardText: () => host.clipboard.readText(),
    async clearClipboardIf(text) {
      if ((await host.clipboard.readText()) === text) host.clipboard.clear();
    },
    setLaunchAtLogin: (enabled) => setLaunchAtLogin(enabled, host.loginItem),
    preferredLanguages: () => host.app.getPreferredSystemLanguages(),
    appVersion: host.app.getVersion(),
  };
}
