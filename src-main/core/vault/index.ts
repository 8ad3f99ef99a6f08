// The keychain module's public face: import from here, not from its files.
export { APP_CREDENTIALS_ACCOUNT, VAULT_SERVICE, botAccount } from './vault';
export type { SecretVault, VaultAccount, VaultProblem, VaultStatus } from './vault';
export { VAULT_ERROR_CODES } from './vault-errors';
export { KeyringVault } from './keyring-vault';
export { MemoryVault } from './memory-vault';
export { createVault, type VaultChoice } from './create-vault';
export { deleteAppCredentials, getAppCredentials, setAppCredentials, type AppCredentials } from './app-credentials';
