#!/usr/bin/env node
// `npm test`: installs the Debian packages the tests need when some are missing (apt-get, with sudo when not root),
// builds the app (the e2e and CLI tests run the built output), then runs every vitest project inside a private D-Bus
// session with a real gnome-keyring, so keychain tests meet a real Secret Service.
// Extra arguments go to vitest (e.g. `npm test -- test/unit`).
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { TEST_PACKAGES } from './support/debian-packages.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const vitestArgs = process.argv.slice(2);
const bin = (name) => fileURLToPath(new URL(`../node_modules/.bin/${name}`, import.meta.url));

function fail(message) {
  process.stderr.write(`\n${message}\n`);
  process.stdout.write('\n0 passed, 1 failed\n');
  process.exit(1);
}

const has = (command) => spawnSync('sh', ['-c', `command -v ${command}`]).status === 0;

function isUbuntu() {
  try {
    return /^(?:ID|ID_LIKE)=.*ubuntu/m.test(readFileSync('/etc/os-release', 'utf8'));
  } catch {
    return false;
  }
}

/** The package names for this system (Ubuntu ships Chromium under another name). */
const packageNames = () => TEST_PACKAGES.map((entry) => (isUbuntu() && entry.ubuntu ? entry.ubuntu : entry.name));

function isInstalled(name) {
  const query = spawnSync('dpkg-query', ['-W', '-f=${Status}', name], { encoding: 'utf8' });
  return query.status === 0 && query.stdout.includes('install ok installed');
}

function installMissingPackages() {
  if (!has('dpkg-query') || !has('apt-get')) {
    const list = TEST_PACKAGES.map((entry) => `  ${entry.name} — ${entry.why}`).join('\n');
    fail(`The tests need these Debian/Ubuntu packages and this system has no apt-get to install them:\n${list}`);
  }
  const missing = packageNames().filter((name) => !isInstalled(name));
  if (missing.length === 0) return;
  const sudo = process.getuid?.() === 0 ? [] : ['sudo'];
  if (sudo.length > 0 && !has('sudo')) fail(`Missing Debian packages: ${missing.join(' ')}. Install them as root: apt-get install ${missing.join(' ')}`);
  const aptGet = (...args) => {
    // `env` inside sudo, because sudo drops the caller's environment.
    const [command, ...rest] = [...sudo, 'env', 'DEBIAN_FRONTEND=noninteractive', 'apt-get', ...args];
    return spawnSync(command, rest, { stdio: ['inherit', 'ignore', 'inherit'] }).status === 0;
  };
  process.stderr.write(`Installing the Debian packages the tests need: ${missing.join(' ')}\n`);
  const optional = new Set(TEST_PACKAGES.filter((entry) => entry.optional).map((entry) => entry.name));
  // One install per kind: an optional package apt cannot find must not stop the required ones.
  if (aptGet('update', '-q')) {
    for (const names of [missing.filter((name) => !optional.has(name)), missing.filter((name) => optional.has(name))]) {
      if (names.length > 0) aptGet('install', '-y', '-q', '--no-install-recommends', ...names);
    }
  }
  const stillMissing = packageNames().filter((name) => !isInstalled(name));
  const required = stillMissing.filter((name) => !optional.has(name));
  if (required.length > 0) {
    fail(`Could not install the Debian packages the tests need: ${required.join(' ')}. Install them with: sudo apt-get install ${required.join(' ')}`);
  }
  for (const name of stillMissing) process.stderr.write(`Could not install ${name}: the tests that need it will skip and say so.\n`);
}

installMissingPackages();

const build = spawnSync(bin('electron-vite'), ['build'], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
if (build.status !== 0) fail('The build failed; see above.');
if (!existsSync(new URL('../out/renderer/index.html', import.meta.url))) fail('The build produced no renderer.');

const run = spawnSync(
  'dbus-run-session',
  ['--', 'test/support/with-keyring.sh', bin('vitest'), 'run', ...vitestArgs],
  { cwd: root, stdio: 'inherit' },
);
process.exit(run.status ?? 1);
