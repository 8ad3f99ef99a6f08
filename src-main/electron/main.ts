// The Electron entry point: hands the real Electron objects, the built app's paths and the service factory to
// the lifecycle. Everything worth testing lives in the modules it imports.
import { join } from 'node:path';
import * as electron from 'electron';
import { dataHome } from '../core/paths';
import { createDoctorService } from '../core/service';
import { createVault } from '../core/vault';
import { startDesktopApp } from './app-lifecycle';
import { writeShellLog } from './log';

// This file is bundled to out/main/index.js; the preload and the renderer are built next to it.
const builtMain = import.meta.dirname;

startDesktopApp({
  electron,
  platform: process.platform,
  argv: process.argv,
  env: process.env,
  execPath: process.execPath,
  paths: {
    rendererDir: join(builtMain, '..', 'renderer'),
    preloadFile: join(builtMain, '..', 'preload', 'index.cjs'),
    // The app's root: the project in development, app.asar once packaged.
    assetsDir: join(electron.app.getAppPath(), 'assets'),
    watchMemoryFile: join(dataHome(), 'watch.json'),
  },
  createHost: (platform, emit) =>
    createDoctorService({ home: dataHome(), vault: createVault({ kind: 'keyring' }), platform, emit, log: writeShellLog }),
  log: writeShellLog,
});
