// `npm start` / `npm run dev`: makes sure Electron's program is installed, then hands over to electron-vite
// (`preview` runs the built app, `dev` adds live reload). Where Electron cannot be downloaded (an offline PC, a CI
// machine) it says so in one sentence, points to the browser harness, and exits non-zero: no stack trace.
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { languageFromEnvironment, translate } from '../core/i18n/translate';
import { ELECTRON_INSTALLER_NODE, electronPackageFolder, isElectronRuntimeInstalled, nodeAtLeast, runElectronInstaller } from './electron-runtime';

const mode = process.argv[2] === 'dev' ? 'dev' : 'preview';
const language = languageFromEnvironment();
const say = (key: string, params?: Record<string, string>) => process.stderr.write(`${translate(language, { key, params })}\n`);

const packageFolder = electronPackageFolder();
if (!isElectronRuntimeInstalled(packageFolder)) {
  say('shell:launch.downloading');
  const installed = await runElectronInstaller(packageFolder);
  if (!installed.ok) {
    const nodeVersion = process.versions.node;
    if (nodeAtLeast(nodeVersion, ELECTRON_INSTALLER_NODE)) say('shell:launch.cannotDownload');
    else say('shell:launch.cannotDownloadOldNode', { version: nodeVersion, minimum: ELECTRON_INSTALLER_NODE });
    process.exit(1);
  }
}

const electronVite = join(dirname(createRequire(import.meta.url).resolve('electron-vite/package.json')), 'bin', 'electron-vite.js');
const child = spawn(process.execPath, [electronVite, mode], { stdio: 'inherit' });
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => child.kill(signal));
child.on('close', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
