// The real keychain: gnome-keyring in the private D-Bus session that `npm test` starts.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { KeyringVault } from '../../../src-main/core/vault/keyring-vault';
import { botAccount, VAULT_SERVICE, type VaultAccount } from '../../../src-main/core/vault/vault';
import { deleteAppCredentials, getAppCredentials, setAppCredentials } from '../../../src-main/core/vault/app-credentials';
import { requireTestKeyring } from '../../support/require-keyring';
import { defaultCollection, searchItems } from './secret-service';

const run = randomUUID().slice(0, 8);
const used: VaultAccount[] = [];
function freshBot(name: string): VaultAccount {
  const account = botAccount(`${name}-${run}`);
  used.push(account);
  return account;
}

const TOKEN = 'EAAGm0PX4ZCpsBAKZCZAZBkeyringintegrationtoken0001';
const vault = new KeyringVault();

beforeEach(requireTestKeyring);
afterAll(async () => {
  if (process.env.WA_TOKEN_DOCTOR_TEST_KEYRING) await Promise.all(used.map((account) => vault.deleteSecret(account)));
});

describe('KeyringVault on a real Secret Service', () => {
  it('sets, reads, overwrites and deletes a token', async () => {
    const account = freshBot('basic');
    expect(await vault.getSecret(account)).toBeNull();
    await vault.setSecret(account, TOKEN);
    expect(await vault.getSecret(account)).toBe(TOKEN);
    await vault.setSecret(account, `${TOKEN}X`);
    expect(await vault.getSecret(account)).toBe(`${TOKEN}X`);
    expect(await vault.deleteSecret(account)).toBe(true);
    expect(await vault.getSecret(account)).toBeNull();
    expect(await vault.deleteSecret(account)).toBe(false);
  });

  it('keeps unicode and long secrets exactly', async () => {
    const unicode = 'şifre-İıĞğ-كلمة-السر-🔑-\u00e9\u0301';
    const long = `EAA${'Zx9'.repeat(120)}`;
    expect(long.length).toBeGreaterThan(300);
    for (const [account, secret] of [[freshBot('unicode'), unicode], [freshBot('long'), long]] as const) {
      await vault.setSecret(account, secret);
      expect(await vault.getSecret(account)).toBe(secret);
    }
  });

  it('never lets one bot see another bot’s token', async () => {
    const first = freshBot('first');
    const second = freshBot('second');
    await vault.setSecret(first, `${TOKEN}1`);
    expect(await vault.getSecret(second)).toBeNull();
    await vault.setSecret(second, `${TOKEN}2`);
    expect(await vault.getSecret(first)).toBe(`${TOKEN}1`);
    await vault.deleteSecret(first);
    expect(await vault.getSecret(second)).toBe(`${TOKEN}2`);
  });

  it('round-trips the app credentials', async () => {
    const credentials = { appId: '1234567890123456', appSecret: 'f3a9c2d17b6e4058a1c2d3e4f5a6b7c8' };
    await setAppCredentials(vault, credentials);
    expect(await getAppCredentials(vault)).toEqual(credentials);
    expect(await deleteAppCredentials(vault)).toBe(true);
    expect(await getAppCredentials(vault)).toBeNull();
  });

  it('really stores in the Secret Service’s default collection, one item per account', async () => {
    const account = freshBot('where');
    await vault.setSecret(account, TOKEN);
    const found = await searchItems({ service: VAULT_SERVICE, username: account });
    expect(found.locked).toEqual([]);
    expect(found.unlocked).toHaveLength(1);
    // Not gnome-keyring's in-memory `session` collection, and not the kernel keyring (it would not be here at all).
    expect(found.unlocked[0]?.startsWith(`${await defaultCollection()}/`)).toBe(true);
  });

  it('leaves a single item when the same account is written concurrently', async () => {
    const account = freshBot('race');
    const values = Array.from({ length: 8 }, (_, index) => `${TOKEN}${index}`);
    await Promise.all(values.map((value) => vault.setSecret(account, value)));
    expect(values).toContain(await vault.getSecret(account));
    expect((await searchItems({ service: VAULT_SERVICE, username: account })).unlocked).toHaveLength(1);
  });

  it('probes by a round trip that leaves nothing behind', async () => {
    expect(await vault.probe()).toEqual({ state: 'available' });
    const leftovers = await searchItems({ service: VAULT_SERVICE, username: 'keychain-probe' });
    expect([...leftovers.unlocked, ...leftovers.locked]).toEqual([]);
  });
});
