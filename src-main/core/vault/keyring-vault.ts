// The real keychain: macOS Keychain, Windows Credential Manager, or the Linux Secret Service (gnome-keyring,
// KWallet) through @napi-rs/keyring's AsyncEntry, whose work runs off the main thread.
import { randomUUID } from 'node:crypto';
import { AsyncEntry, type EntryOptions } from '@napi-rs/keyring';
import { VAULT_SERVICE, assertStorableSecret, type SecretVault, type VaultAccount, type VaultStatus } from './vault';
import { statusFromFailure, toVaultError, vaultError, type VaultOperation } from './vault-errors';

// The library's Linux default silently falls back to the kernel keyring, which forgets everything at reboot.
// Pinning the Secret Service makes a missing one an error we can explain instead.
const ENTRY_OPTIONS: EntryOptions = { linux: { store: 'secret-service' } };

// Written and removed by probe(); never one of the accounts callers can name.
const PROBE_ACCOUNT = 'keychain-probe';

export class KeyringVault implements SecretVault {
  constructor(private readonly platform: NodeJS.Platform = process.platform) {}

  getSecret(account: VaultAccount): Promise<string | null> {
    return this.withEntry({ action: 'read', account }, (entry) => entry.getPassword());
  }

  async setSecret(account: VaultAccount, secret: string): Promise<void> {
    assertStorableSecret(secret);
    await this.withEntry({ action: 'write', account, secret }, (entry) => entry.setPassword(secret));
  }

  deleteSecret(account: VaultAccount): Promise<boolean> {
    return this.withEntry({ action: 'delete', account }, (entry) => entry.deleteCredential());
  }

  async probe(): Promise<VaultStatus> {
    const marker = randomUUID();
    try {
      const readBack = await this.withEntry({ action: 'write', account: PROBE_ACCOUNT }, async (entry) => {
        await entry.setPassword(marker);
        const stored = await entry.getPassword();
        await entry.deleteCredential();
        return stored;
      });
      if (readBack !== marker) {
        const technical = 'Keychain probe read back something other than what it wrote.';
        return { state: 'failed', error: vaultError('failed', technical, this.platform) };
      }
      return { state: 'available' };
    } catch (error) {
      return statusFromFailure(error);
    }
  }

  /**
   * Opens the entry and runs `use` on it. The constructor already talks to D-Bus on Linux and throws when
   * there is no session or no Secret Service, so it is inside the same translation as the operation.
   */
  private async withEntry<T>(operation: VaultOperation, use: (entry: AsyncEntry) => Promise<T>): Promise<T> {
    let entry: AsyncEntry;
    try {
      entry = new AsyncEntry(VAULT_SERVICE, operation.account, ENTRY_OPTIONS);
    } catch (error) {
      throw toVaultError(error, { ...operation, action: 'open' }, this.platform);
    }
    try {
      return await use(entry);
    } catch (error) {
      throw toVaultError(error, operation, this.platform);
    }
  }
}
