// The window's construction options: the security checklist in one object (isolated, sandboxed, no Node, web
// security on, no webview, DevTools only in development) plus a size that fits the wizard on a small laptop.
import type { BrowserWindowConstructorOptions } from 'electron';

export interface SecureWindowSettings {
  preloadPath: string;
  /** False in the packaged app. */
  devTools: boolean;
  /** Linux takes the window icon from here; Windows and macOS from the executable. */
  iconPath: string | null;
  title: string;
}

export function secureWindowOptions(settings: SecureWindowSettings): BrowserWindowConstructorOptions {
  return {
    title: settings.title,
    width: 1040,
    height: 760,
    minWidth: 760,
    minHeight: 560,
    // Shown on "ready-to-show", so the owner never sees an empty white frame.
    show: false,
    backgroundColor: '#ffffff',
    autoHideMenuBar: true,
    ...(settings.iconPath ? { icon: settings.iconPath } : {}),
    webPreferences: {
      preload: settings.preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      safeDialogs: true,
      spellcheck: false,
      devTools: settings.devTools,
    },
  };
}
