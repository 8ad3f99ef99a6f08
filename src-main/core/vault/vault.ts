// The one interface the rest of the app uses for secrets: the OS keychain in production, a double in tests.
import type { DoctorError } from '../errors';

/** Every item we store lives under this service name (keytar's "service"). */
export const VAULT_SERVICE = 'wa-token-doctor';

/** The account holding `{ appId, appSecret }` as JSON, for exchanging renewable tokens without clicks. */
export const APP_CREDENTIALS_ACCOUNT = 'app-credentials';

/** Keychain accounts: one per connected bot, one for the app credentials. */
export type VaultAccount = `bot:${string}` | typeof APP_CREDENTIALS_ACCOUNT;

/** Why the keychain cannot be used; each maps to one `keychain_*` error code. */
export type VaultProblem = 'unavailable' | 'locked' | 'denied' | 'failed';

/** The answer of `probe()`: usable, or the reason why not with an error the UI can show as is. */
export type VaultStatus = { state: 'available' } | { state: VaultProblem; error: DoctorError };

/**
 * Stores secrets by account. Every method rejects with a `DoctorError` (code `keychain_*`) when the keychain
 * cannot be used, and never falls back to another store.
 */
export interface SecretVault {
  /** The stored secret, or null when this account has none. */
  getSecret(account: VaultAccount): Promise<string | null>;
  /** Stores `secret` for `account`, replacing any previous one. */
  setSecret(account: VaultAccount, secret: string): Promise<void>;
  /** Removes the account's secret; true when there was one. */
  deleteSecret(account: VaultAccount): Promise<boolean>;
  /**
   * Whether secrets can be stored right now, found by really writing and removing a throwaway item (reading
   * alone does not notice a locked keyring). A locked keychain may therefore ask the user to unlock it: call
   * this when the user is about to store something, not at every start.
   */
  probe(): Promise<VaultStatus>;
}

/** The account for one connected bot's token. */
export function botAccount(botId: string): VaultAccount {
  if (botId.trim() === '' || /[\s\p{Cc}]/u.test(botId)) {
    throw new RangeError('A bot id for the keychain must be non-empty, without spaces or control characters.');
  }
  return `bot:${botId}`;
}

/** An empty secret is a caller's bug (deleting is a separate call), not something to store. */
export function assertStorableSecret(secret: string): void {
  if (secret === '') throw new RangeError('Refusing to store an empty secret; delete the account instead.');
}
