// Keychain tests need the private gnome-keyring that `npm test` starts; without it they fail, never skip.
export function requireTestKeyring(): void {
  if (process.env.WA_TOKEN_DOCTOR_TEST_KEYRING !== '1') {
    throw new Error(
      'These keychain tests need a private gnome-keyring. Run them through `npm test` ' +
        '(or `dbus-run-session -- test/support/with-keyring.sh npx vitest run <tests>`).',
    );
  }
}
