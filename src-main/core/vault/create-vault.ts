// Picks the vault implementation once, at the edge (desktop app, CLI, tests), so everything else receives a
// SecretVault and never knows which one it has.
import { KeyringVault } from './keyring-vault';
import { MemoryVault } from './memory-vault';
import type { SecretVault, VaultProblem } from './vault';

export type VaultChoice =
  /** The OS keychain. */
  | { kind: 'keyring' }
  /** Nothing persisted; optionally failing from the start as a broken keychain would (tests). */
  | { kind: 'memory'; failure?: VaultProblem };

export function createVault(choice: VaultChoice, platform: NodeJS.Platform = process.platform): SecretVault {
  if (choice.kind === 'keyring') return new KeyringVault(platform);
  return new MemoryVault({ failure: choice.failure, platform });
}
