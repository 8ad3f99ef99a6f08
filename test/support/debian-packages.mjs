// The Debian packages the test suite needs, in one place: `npm test` installs the missing ones (test/run-tests.mjs),
// and `.ci/run` relies on it. Each says what it is for, so nobody has to guess whether it can go.
export const TEST_PACKAGES = [
  { name: 'chromium', why: 'the end-to-end tests drive the real interface in Chromium through Playwright', ubuntu: 'chromium-browser' },
  { name: 'dbus', why: 'a private D-Bus session for the keychain tests (dbus-run-session)' },
  { name: 'gnome-keyring', why: 'a real Secret Service, the Linux keychain the app stores tokens in' },
  { name: 'libglib2.0-bin', why: 'gdbus, to wait until the test keyring is on the bus' },
  { name: 'fonts-noto-core', why: 'Arabic and Turkish glyphs in the screenshots' },
  {
    name: 'wine64',
    why: "runs the Windows build of Node, so the core's Windows paths (cmd.exe, drive letters, UNC, spawning, renames) run for real",
    // Where it cannot be installed, only the Windows tests skip (saying why); everything else still runs.
    optional: true,
  },
  { name: 'prometheus', why: 'promtool checks the metrics format and unit-tests the alert rules; a real Prometheus reads the metrics back' },
  { name: 'prometheus-node-exporter', why: "node_exporter's textfile collector serves the metrics file the CLI writes" },
];
