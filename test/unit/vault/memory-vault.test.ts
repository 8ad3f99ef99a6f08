import { describe, expect, it } from 'vitest';
import { MemoryVault } from '../../../src-main/core/vault/memory-vault';
import { createVault } from '../../../src-main/core/vault/create-vault';
import { KeyringVault } from '../../../src-main/core/vault/keyring-vault';
import { botAccount, type VaultProblem } from '../../../src-main/core/vault/vault';

const TOKEN = 'EAAGm0PX4ZCpsBAKZCZAZBexampletokenvalue1234';

describe('MemoryVault', () => {
  it('stores, overwrites and deletes per account', async () => {
    const vault = new MemoryVault();
    await vault.setSecret(botAccount('a'), TOKEN);
    await vault.setSecret(botAccount('b'), 'other');
    await vault.setSecret(botAccount('a'), `${TOKEN}2`);
    expect(await vault.getSecret(botAccount('a'))).toBe(`${TOKEN}2`);
    expect(await vault.getSecret(botAccount('b'))).toBe('other');
    expect(await vault.deleteSecret(botAccount('a'))).toBe(true);
    expect(await vault.deleteSecret(botAccount('a'))).toBe(false);
    expect(await vault.getSecret(botAccount('a'))).toBeNull();
    expect(await vault.probe()).toEqual({ state: 'available' });
  });

  it('refuses an empty secret', async () => {
    await expect(new MemoryVault().setSecret(botAccount('a'), '')).rejects.toThrow(RangeError);
  });

  it.each<[VaultProblem, string]>([
    ['unavailable', 'keychain_unavailable'],
    ['locked', 'keychain_locked'],
    ['denied', 'keychain_denied'],
    ['failed', 'keychain_failed'],
  ])('plays a %s keychain on every call, then heals', async (problem, code) => {
    const vault = new MemoryVault({ platform: 'linux' });
    await vault.setSecret(botAccount('a'), TOKEN);
    vault.simulateFailure(problem);
    for (const call of [
      () => vault.getSecret(botAccount('a')),
      () => vault.setSecret(botAccount('a'), TOKEN),
      () => vault.deleteSecret(botAccount('a')),
    ]) {
      const error = await call().then(
        () => expect.fail('should have failed'),
        (failure: unknown) => failure as { code: string; message: string },
      );
      expect(error.code).toBe(code);
      expect(error.message).not.toContain(TOKEN);
    }
    const status = await vault.probe();
    expect(status.state).toBe(problem);
    expect(status.state !== 'available' && status.error.code).toBe(code);
    vault.simulateFailure(null);
    expect(await vault.getSecret(botAccount('a'))).toBe(TOKEN);
  });
});

describe('createVault', () => {
  it('builds the keychain or a memory double, failing from the start when asked', async () => {
    expect(createVault({ kind: 'keyring' })).toBeInstanceOf(KeyringVault);
    const broken = createVault({ kind: 'memory', failure: 'locked' }, 'darwin');
    await expect(broken.getSecret(botAccount('x'))).rejects.toMatchObject({
      code: 'keychain_locked',
      userMessage: { key: 'vault:locked.macos' },
    });
  });
});

describe('botAccount', () => {
  it('names one account per bot and rejects ids that could collide or confuse', () => {
    expect(botAccount('sales-bot_01')).toBe('bot:sales-bot_01');
    for (const bad of ['', '  ', 'a b', 'a\nb', 'a\u0000b']) expect(() => botAccount(bad)).toThrow(RangeError);
  });
});
