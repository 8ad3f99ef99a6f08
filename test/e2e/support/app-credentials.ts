// The app-credentials form (Settings, or the wizard's last step) filled as an owner would: first with a secret Meta
// refuses, then with the right one. The keychain must hold nothing after the refusal, and exactly the pair after.
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { getAppCredentials, type SecretVault } from '../../../src-main/core/vault';

/** A 32-hex secret of the right shape that the simulator's app does not have. */
const WRONG_SECRET = 'ffffffffffffffffffffffffffffffff';

interface CredentialsRound {
  page: Page;
  vault: SecretVault;
  app: { id: string; secret: string };
  /** What shows once Meta refused the wrong secret. */
  refusedSelector: string;
  /** What shows once the right pair is checked and kept. */
  savedSelector: string;
  /** Called after each answer, to photograph it ('refused', then 'saved'). */
  onAnswer: (answer: 'refused' | 'saved') => Promise<void>;
}

export async function submitWrongThenRightSecret({ page, vault, app, refusedSelector, savedSelector, onAnswer }: CredentialsRound): Promise<void> {
  await page.fill('.credentials-form input >> nth=0', app.id);
  await page.fill('#app-secret', WRONG_SECRET);
  await page.click('.credentials-form button[type="submit"]');
  await page.waitForSelector(refusedSelector);
  await onAnswer('refused');
  expect(await getAppCredentials(vault)).toBeNull();

  await page.fill('#app-secret', app.secret);
  await page.click('.credentials-form button[type="submit"]');
  await page.waitForSelector(savedSelector);
  await onAnswer('saved');
  expect(await getAppCredentials(vault)).toEqual({ appId: app.id, appSecret: app.secret });
}
