// The real keychain: macOS Keychain, Windows Credential Manager, or the Linux Secret Service (gnome-keyring,
// KWallet) through @napi-rs/keyring, run on a worker thread with time limits (keychain-thread.ts) so a broken
// Secret Service never freezes the app.
import { randomUUID } from 'node:crypto';
import type { EntryOptions } from '@napi-rs/keyring';
import { KeychainThread, type KeychainAction, type KeychainThreadTimeouts } from './keychain-thread';
import { VAULT_SERVICE, assertStorableSecret, type SecretVault, type VaultAccount, type VaultStatus } from './vault';
import { statusFromFailure, toVaultError, vaultError, type VaultOperation } from './vault-errors';

// The library's Linux default silently falls back to the kernel keyring, which forgets everything at reboot.
// Pinning the Secret Service makes a missing one an error we can explain instead.
const ENTRY_OPTIONS: EntryOptions = { linux: { store: 'secret-service' } };

// Written and removed by probe(); never one of the accounts callers can name.
const PROBE_ACCOUNT = 'keychain-probe';

const ACTIONS: Record<KeychainAction, VaultOperation['action']> = { get: 'read', set: 'write', delete: 'delete' };

export class KeyringVault implements SecretVault {
  private readonly thread: KeychainThread;

  constructor(
    private readonly platform: NodeJS.Platform = process.platform,
    timeouts?: KeychainThreadTimeouts,
  ) {
    this.thread = new KeychainThread(timeouts);
  }

  async getSecret(account: VaultAccount): Promise<string | null> {
    return (await this.call('get', account)) as string | null;
  }

  async setSecret(account: VaultAccount, secret: string): Promise<void> {
    assertStorableSecret(secret);
    await this.call('set', account, secret);
  }

  async deleteSecret(account: VaultAccount): Promise<boolean> {
    return (await this.call('delete', account)) === true;
  }

  async probe(): Promise<VaultStatus> {
    const marker = randomUUID();
    try {
      await this.call('set', PROBE_ACCOUNT, marker);
      const readBack = await this.call('get', PROBE_ACCOUNT);
      await this.call('delete', PROBE_ACCOUNT);
      if (readBack !== marker) {
        const technical = 'Keychain probe read back something other than what it wrote.';
        return { state: 'failed', error: vaultError('failed', technical, this.platform) };
      }
      return { state: 'available' };
    } catch (error) {
      return statusFromFailure(error);
    }
  }

  /** One library call on the keychain thread; whatever it throws becomes a DoctorError saying what to do. */
  private async call(action: KeychainAction, account: string, secret?: string): Promise<unknown> {
    try {
      return await this.thread.run({ action, service: VAULT_SERVICE, account, secret, options: ENTRY_OPTIONS });
    } catch (error) {
      const stage = (error as { stage?: string }).stage;
      throw toVaultError(error, { action: stage === 'open' ? 'open' : ACTIONS[action], account, secret }, this.platform);
    }
  }
}
