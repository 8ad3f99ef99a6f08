// Disconnecting a bot, for the app's "remove" and the CLI's `disconnect` alike: the app forgets the bot and its
// keychain copy of the token; the bot's own files (.env included) are left exactly as they are.
import { isDoctorError, type UserMessage } from '../errors';
import type { ProfileStore } from '../profiles/profile-store';
import { redactSecrets } from '../redact';
import { VAULT_ERROR_CODES, botAccount, type SecretVault } from '../vault';

export interface KeychainLeftover {
  /** What is wrong with the keychain and how to fix it, for the owner. */
  message: UserMessage;
  /** Technical English for a log, free of secrets. */
  technical: string;
}

/**
 * `vault` null: leave the keychain alone (a server without one). A keychain failure never blocks the removal;
 * it is returned so the caller can say the keychain still holds the token.
 */
export async function disconnectBot(profiles: ProfileStore, vault: SecretVault | null, botId: string): Promise<KeychainLeftover | null> {
  await profiles.removeBot(botId);
  if (!vault) return null;
  try {
    await vault.deleteSecret(botAccount(botId));
    return null;
  } catch (error) {
    // No keychain at all (a server without a Secret Service): it holds nothing, so nothing is left behind.
    if (isDoctorError(error) && error.code === VAULT_ERROR_CODES.unavailable) return null;
    const technical = redactSecrets(error instanceof Error ? error.message : String(error));
    return { message: isDoctorError(error) ? error.userMessage : { key: 'vault:failed' }, technical };
  }
}
