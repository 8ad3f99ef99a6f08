import { describe, expect, it } from 'vitest';
import { LANGUAGES } from '../../../assets/locales';
import { hasTranslation, translate } from '../../../src-main/core/i18n/translate';
import {
  VAULT_ERROR_CODES,
  classifyKeychainFailure,
  statusFromFailure,
  toVaultError,
  vaultError,
  vaultMessageKey,
} from '../../../src-main/core/vault/vault-errors';
import type { VaultProblem } from '../../../src-main/core/vault/vault';
import { DoctorError } from '../../../src-main/core/errors';

const PROBLEMS: VaultProblem[] = ['unavailable', 'locked', 'denied', 'failed'];
const PLATFORMS: NodeJS.Platform[] = ['linux', 'darwin', 'win32', 'freebsd'];

describe('classifyKeychainFailure', () => {
  // The Linux messages were captured from @napi-rs/keyring 2.1.2 against gnome-keyring (see the integration tests).
  it.each<[string, VaultProblem]>([
    ['Platform failure: DBus error: Failed to connect to socket /tmp/dead: No such file or directory', 'unavailable'],
    ['Platform failure: DBus error: Using X11 for dbus-daemon autolaunch was disabled at compile time, set your DBUS_SESSION_BUS_ADDRESS instead', 'unavailable'],
    ['Platform failure: DBus error: The name org.freedesktop.secrets was not provided by any .service files', 'unavailable'],
    ["Couldn't access platform storage: Secret Service: no result found", 'unavailable'],
    ['No DBus session or Secret Service provider found', 'unavailable'],
    ["Couldn't access platform storage: Secret Service: unlock prompt was dismissed", 'locked'],
    ["Couldn't access platform storage: Secret Service: object locked", 'locked'],
    ["Couldn't access platform storage: User interaction is not allowed.", 'locked'],
    ["Couldn't access platform storage: The specified keychain could not be found.", 'unavailable'],
    ["Couldn't access platform storage: A default keychain could not be found.", 'unavailable'],
    ["Couldn't access platform storage: User canceled the operation.", 'denied'],
    ['Platform failure: Access is denied. (os error 5)', 'denied'],
    ['Platform failure: A specified logon session does not exist. It may already have been terminated.', 'unavailable'],
    ['Entry is matched by 2 credentials', 'failed'],
    ['something nobody has seen before', 'failed'],
  ])('%s → %s', (message, problem) => {
    expect(classifyKeychainFailure(message)).toBe(problem);
  });
});

describe('vault errors', () => {
  it('picks OS-specific advice for a missing or locked keychain, one message for the rest', () => {
    expect(vaultMessageKey('unavailable', 'linux')).toBe('vault:unavailable.linux');
    expect(vaultMessageKey('unavailable', 'darwin')).toBe('vault:unavailable.macos');
    expect(vaultMessageKey('locked', 'win32')).toBe('vault:locked.windows');
    expect(vaultMessageKey('locked', 'freebsd')).toBe('vault:locked.linux');
    expect(vaultMessageKey('denied', 'darwin')).toBe('vault:denied');
  });

  it('has every message in English, Turkish and Arabic, each a real sentence', () => {
    for (const problem of PROBLEMS) {
      for (const platform of PLATFORMS) {
        const error = vaultError(problem, 'technical', platform);
        for (const language of LANGUAGES) {
          expect(hasTranslation(language, error.userMessage.key), `${language} ${error.userMessage.key}`).toBe(true);
          expect(translate(language, error.userMessage).length).toBeGreaterThan(60);
        }
      }
    }
    for (const language of LANGUAGES) expect(hasTranslation(language, 'vault:badAppCredentials')).toBe(true);
  });

  it('gives the Linux user something to install when there is no Secret Service', () => {
    expect(translate('en', { key: 'vault:unavailable.linux' })).toMatch(/gnome-keyring/);
    expect(translate('tr', { key: 'vault:unavailable.linux' })).toMatch(/gnome-keyring/);
    expect(translate('ar', { key: 'vault:unavailable.linux' })).toMatch(/gnome-keyring/);
  });

  it('turns a library failure into a coded DoctorError whose text holds neither the secret nor a token', () => {
    const secret = 'EAAGm0PX4ZCpsBAKZCZAZBexampletokenvalue1234';
    const appSecret = 'f3a9c2d17b6e4058a1c2d3e4f5a6b7c8';
    const failure = new Error(`Platform failure: echoed ${secret} and ${appSecret} by a misbehaving backend`);
    const error = toVaultError(failure, { action: 'write', account: 'app-credentials', secret: appSecret }, 'linux');
    expect(error).toBeInstanceOf(DoctorError);
    expect(error.code).toBe('keychain_failed');
    expect(error.message).toContain('app-credentials');
    const everything = `${error.message} ${error.stack ?? ''} ${JSON.stringify(error)} ${String(error.cause)}`;
    expect(everything).not.toContain(secret);
    expect(everything).not.toContain(appSecret);
  });

  it('maps a constructor failure with no D-Bus to keychain_unavailable', () => {
    const failure = Object.assign(new Error('Platform failure: DBus error: Failed to connect to socket /x: No such file'), {
      code: 'GenericFailure',
    });
    const error = toVaultError(failure, { action: 'open', account: 'bot:1' }, 'linux');
    expect(error.code).toBe(VAULT_ERROR_CODES.unavailable);
    expect(error.userMessage.key).toBe('vault:unavailable.linux');
  });

  it('turns a keychain error into a probe status and rethrows anything else', () => {
    const locked = vaultError('locked', 'technical', 'linux');
    expect(statusFromFailure(locked)).toEqual({ state: 'locked', error: locked });
    const bug = new TypeError('a bug');
    expect(() => statusFromFailure(bug)).toThrow(bug);
    const otherCode = new DoctorError('env_read_only', { key: 'envfile:readOnly' }, 'technical');
    expect(() => statusFromFailure(otherCode)).toThrow(otherCode);
  });
});
