// Issue 6 in the browser, in English, Turkish and Arabic: the owner enters the App ID and App Secret in Settings
// (checked with Meta, kept in the keychain, only the App ID shown afterwards), then makes a token that expires in
// 3 days last 60 days from the dashboard. Real core, real keychain, Graph simulator.
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { envValues, parseEnv } from '../../src-main/core/envfile';
import { translate } from '../../src-main/core/i18n/translate';
import { KeyringVault, deleteAppCredentials, botAccount } from '../../src-main/core/vault';
import { startHarness, type Harness } from '../harness/harness';
import { SIM_PHONE_NUMBER_ID } from '../sim/graph-simulator';
import type { OpenedBrowser } from '../support/chromium';
import { requireTestKeyring } from '../support/require-keyring';
import { submitWrongThenRightSecret } from './support/app-credentials';
import { LANGUAGES, openAppPage } from './support/app-page';
import { blockingViolations, type Violation } from './support/axe';
import { photograph } from './support/photograph';
import { connectSelfRestartedBot } from '../support/connect-bot';

const SCREENSHOTS = resolve('test/e2e/screenshots');

for (const language of LANGUAGES) {
  describe(`hands-off renewal in ${language}`, () => {
    let harness: Harness;
    let browser: OpenedBrowser;
    let page: Page;
    let envFile: string;
    let oldToken: string;
    let botId: string;
    const violations: Array<Violation & { screen: string }> = [];
    const problems: string[] = [];
    const vault = new KeyringVault();
    const say = (key: string) => translate(language, { key });

    async function screen(name: string): Promise<void> {
      await page.waitForTimeout(150);
      await mkdir(join(SCREENSHOTS, language), { recursive: true });
      await photograph(page, join(SCREENSHOTS, language, `hands-off-${name}`));
      for (const violation of await blockingViolations(page)) violations.push({ ...violation, screen: name });
    }

    beforeAll(async () => {
      requireTestKeyring();
      await deleteAppCredentials(vault).catch(() => false);
      harness = await startHarness({ port: 0, vault: 'keyring' });
      const folder = await mkdtemp(join(tmpdir(), 'e2e-hands-off-'));
      envFile = join(folder, '.env');
      oldToken = harness.sim!.newToken({ scenario: 'expiring', days: 3 });
      await writeFile(envFile, `ACCESS_TOKEN=${oldToken}\nPHONE_NUMBER_ID=${SIM_PHONE_NUMBER_ID}\n`);
      const bot = await connectSelfRestartedBot(harness.host.service, { folder, envFile, name: 'Kuaför Bot' });
      botId = bot.id;
      await harness.host.service.diagnoseBot({ id: botId });
      ({ browser, page } = await openAppPage(harness.url, language, problems));
    });

    afterAll(async () => {
      await browser?.close();
      await deleteAppCredentials(vault).catch(() => false);
      await vault.deleteSecret(botAccount(botId)).catch(() => false);
      await harness?.close();
      await rm(resolve(envFile, '..'), { recursive: true, force: true });
    });

    it('refuses a wrong App Secret with Meta’s answer, and keeps the right one in the keychain', async () => {
      await page.waitForSelector('.bot-card .badge--warning');
      await page.click('.top-bar__link:nth-child(2)');
      await page.waitForSelector('.credentials-form');
      await screen('settings');
      await submitWrongThenRightSecret({
        page,
        vault,
        app: harness.sim!.app,
        refusedSelector: '.credentials-form [role="alert"], .credentials-form .field__error, .credentials .banner',
        savedSelector: '.credentials-saved',
        onAnswer: (answer) => screen(`settings-${answer}`),
      });
      expect(await page.textContent('.credentials-saved')).toContain(harness.sim!.app.id);
      expect(await page.content()).not.toContain(harness.sim!.app.secret);
    });

    it('makes the token last 60 days from the dashboard', async () => {
      await page.click('.top-bar__link:nth-child(1)');
      const extend = page.locator('.bot-actions button', { hasText: say('dashboard:actions.extend') });
      await extend.waitFor();
      await screen('dashboard-renewable');
      await extend.click();
      await page.waitForSelector('.bot-card .badge--success', { timeout: 30_000 });
      await screen('dashboard-extended');
      const fresh = envValues(parseEnv(await readFile(envFile, 'utf8'))).get('ACCESS_TOKEN');
      expect(fresh).toBeDefined();
      expect(fresh).not.toBe(oldToken);
      const [view] = await harness.host.service.listBots();
      expect(Date.parse(view!.lastDiagnosis!.expiresAt!) - Date.now()).toBeGreaterThan(50 * 86_400_000);
      expect(await page.content()).not.toContain(fresh!);
    });

    it('has no page errors and no serious accessibility problems', () => {
      expect(problems).toEqual([]);
      expect(violations).toEqual([]);
    });
  });
}
