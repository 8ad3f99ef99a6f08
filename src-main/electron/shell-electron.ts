// The Electron objects the shell uses, as one injectable value: main.ts passes the real module, tests a fake.
import type * as Electron from 'electron';

export type ShellElectron = Pick<
  typeof Electron,
  | 'app'
  | 'BrowserWindow'
  | 'protocol'
  | 'session'
  | 'ipcMain'
  | 'Tray'
  | 'Menu'
  | 'nativeImage'
  | 'Notification'
  | 'powerMonitor'
  | 'net'
  | 'shell'
  | 'dialog'
  | 'clipboard'
>;
