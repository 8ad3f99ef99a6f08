import { describe, expect, it } from 'vitest';
import { MemoryVault } from '../../../src-main/core/vault/memory-vault';
import { deleteAppCredentials, getAppCredentials, setAppCredentials } from '../../../src-main/core/vault/app-credentials';
import { APP_CREDENTIALS_ACCOUNT } from '../../../src-main/core/vault/vault';

const CREDENTIALS = { appId: '1234567890123456', appSecret: 'f3a9c2d17b6e4058a1c2d3e4f5a6b7c8' };

describe('app credentials', () => {
  it('round-trips through one JSON keychain item', async () => {
    const vault = new MemoryVault();
    expect(await getAppCredentials(vault)).toBeNull();
    await setAppCredentials(vault, CREDENTIALS);
    expect(JSON.parse((await vault.getSecret(APP_CREDENTIALS_ACCOUNT)) ?? '')).toEqual(CREDENTIALS);
    expect(await getAppCredentials(vault)).toEqual(CREDENTIALS);
    expect(await deleteAppCredentials(vault)).toBe(true);
    expect(await getAppCredentials(vault)).toBeNull();
  });

  it('keeps only appId and appSecret even if the caller passes more', async () => {
    const vault = new MemoryVault();
    await setAppCredentials(vault, { ...CREDENTIALS, extra: 'x' } as typeof CREDENTIALS);
    expect(JSON.parse((await vault.getSecret(APP_CREDENTIALS_ACCOUNT)) ?? '')).toEqual(CREDENTIALS);
  });

  it.each([
    ['not JSON', `appSecret=${CREDENTIALS.appSecret}`],
    ['wrong shape', JSON.stringify({ appId: 'abc', appSecret: CREDENTIALS.appSecret })],
    ['missing secret', JSON.stringify({ appId: CREDENTIALS.appId })],
  ])('reports an unreadable item (%s) without quoting it', async (_label, stored) => {
    const vault = new MemoryVault();
    await vault.setSecret(APP_CREDENTIALS_ACCOUNT, stored);
    const error = await getAppCredentials(vault).then(
      () => expect.fail('an unreadable item must be reported'),
      (failure: unknown) => failure as Error,
    );
    expect(error).toMatchObject({ code: 'keychain_bad_app_credentials', userMessage: { key: 'vault:badAppCredentials' } });
    expect(`${error.message} ${error.stack ?? ''}`).not.toContain(CREDENTIALS.appSecret);
  });

  it('refuses malformed credentials without echoing them', async () => {
    const vault = new MemoryVault();
    const bad = { appId: 'not-a-number', appSecret: CREDENTIALS.appSecret };
    const error = await setAppCredentials(vault, bad).then(
      () => expect.fail('malformed credentials must be refused'),
      (failure: unknown) => failure as Error,
    );
    expect(error).toBeInstanceOf(RangeError);
    expect(error.message).not.toContain(CREDENTIALS.appSecret);
    expect(await vault.getSecret(APP_CREDENTIALS_ACCOUNT)).toBeNull();
  });

  it('passes keychain failures through unchanged', async () => {
    const vault = new MemoryVault({ failure: 'unavailable' });
    await expect(getAppCredentials(vault)).rejects.toMatchObject({ code: 'keychain_unavailable' });
    await expect(setAppCredentials(vault, CREDENTIALS)).rejects.toMatchObject({ code: 'keychain_unavailable' });
  });
});
