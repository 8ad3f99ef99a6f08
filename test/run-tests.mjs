#!/usr/bin/env node
// `npm test`: builds the app (the e2e tests and the CLI tests run the built output), then runs every vitest
// project inside a private D-Bus session with a real gnome-keyring, so keychain tests meet a real Secret Service.
// Extra arguments go to vitest (e.g. `npm test -- test/unit`).
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const vitestArgs = process.argv.slice(2);
const bin = (name) => fileURLToPath(new URL(`../node_modules/.bin/${name}`, import.meta.url));

function fail(message) {
  process.stderr.write(`\n${message}\n`);
  process.stdout.write('\n0 passed, 1 failed\n');
  process.exit(1);
}

const missing = ['dbus-run-session', 'gnome-keyring-daemon', 'gdbus', 'chromium'].filter(
  (tool) => spawnSync('sh', ['-c', `command -v ${tool}`]).status !== 0,
);
if (missing.length > 0) {
  fail(`Missing ${missing.join(', ')}. Install them with: sudo apt-get install dbus gnome-keyring libglib2.0-bin chromium`);
}

const build = spawnSync(bin('electron-vite'), ['build'], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
if (build.status !== 0) fail('The build failed; see above.');
if (!existsSync(new URL('../out/renderer/index.html', import.meta.url))) fail('The build produced no renderer.');

const run = spawnSync(
  'dbus-run-session',
  ['--', 'test/support/with-keyring.sh', bin('vitest'), 'run', ...vitestArgs],
  { cwd: root, stdio: 'inherit' },
);
process.exit(run.status ?? 1);
