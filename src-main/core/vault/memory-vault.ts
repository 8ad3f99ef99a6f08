// An in-memory SecretVault for tests of other modules; it can play a missing, locked or refusing keychain so
// callers' error paths run without a real one.
import { describeFailure, statusFromFailure, vaultError, type VaultOperation } from './vault-errors';
import { assertStorableSecret, type SecretVault, type VaultAccount, type VaultProblem, type VaultStatus } from './vault';

export class MemoryVault implements SecretVault {
  private readonly secrets = new Map<VaultAccount, string>();
  private readonly platform: NodeJS.Platform;
  private failure: VaultProblem | null;

  constructor(options: { failure?: VaultProblem; platform?: NodeJS.Platform } = {}) {
    this.failure = options.failure ?? null;
    this.platform = options.platform ?? process.platform;
  }

  /** From now on every call fails as the real keychain would with this problem; null heals it. */
  simulateFailure(problem: VaultProblem | null): void {
    this.failure = problem;
  }

  async getSecret(account: VaultAccount): Promise<string | null> {
    this.failIfSimulated({ action: 'read', account });
    return this.secrets.get(account) ?? null;
  }

  async setSecret(account: VaultAccount, secret: string): Promise<void> {
    assertStorableSecret(secret);
    this.failIfSimulated({ action: 'write', account });
    this.secrets.set(account, secret);
  }

  async deleteSecret(account: VaultAccount): Promise<boolean> {
    this.failIfSimulated({ action: 'delete', account });
    return this.secrets.delete(account);
  }

  async probe(): Promise<VaultStatus> {
    try {
      this.failIfSimulated({ action: 'write', account: 'keychain-probe' });
      return { state: 'available' };
    } catch (error) {
      return statusFromFailure(error);
    }
  }

  private failIfSimulated(operation: VaultOperation): void {
    if (this.failure === null) return;
    const technical = describeFailure(operation, `simulated ${this.failure} keychain`);
    throw vaultError(this.failure, technical, this.platform);
  }
}
