// The whole owner's journey in a real browser against the real core, in English, Turkish and Arabic:
// connect a bot folder, see its token is dead, walk the permanent-token wizard, paste a new token, put it in
// place, and find the bot restarted with it. Every screen is photographed (test/e2e/screenshots/<lang>/) and
// checked with axe-core. Only the host is fake (folder picker, browser for Meta's pages); the keychain is real.
import { createHash } from 'node:crypto';
import { copyFile, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UNSAFE_stopProcessTree, readManagedState } from '../../src-main/core/bot';
import { translate } from '../../src-main/core/i18n/translate';
import { KeyringVault, botAccount } from '../../src-main/core/vault';
import { startHarness, type Harness } from '../harness/harness';
import { SIM_PHONE_NUMBER_ID, SIM_WABA_ID } from '../sim/graph-simulator';
import type { OpenedBrowser } from '../support/chromium';
import { requireTestKeyring } from '../support/require-keyring';
import { LANGUAGES, openAppPage } from './support/app-page';
import { blockingViolations, type Violation } from './support/axe';
import { aboveTheFoldInSmallWindow, photograph } from './support/photograph';

const SCREENSHOTS = resolve('test/e2e/screenshots');
const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

async function botFolder(expiredToken: string): Promise<string> {
  const folder = await mkdtemp(join(tmpdir(), 'e2e-shop-bot-'));
  // A Node bot like the real ones: reads .env once at start; `npm start` is what detection will propose.
  await copyFile(resolve('test/bots/env-bot.mjs'), join(folder, 'bot.mjs'));
  await writeFile(join(folder, 'package.json'), JSON.stringify({ name: 'shop-bot', main: 'bot.mjs', scripts: { start: 'node bot.mjs --report report.json' } }));
  await writeFile(join(folder, '.env'), `# Meta\r\nWHATSAPP_TOKEN=${expiredToken}\r\nPHONE_NUMBER_ID=${SIM_PHONE_NUMBER_ID}\r\nWHATSAPP_BUSINESS_ACCOUNT_ID=${SIM_WABA_ID}\r\nVERIFY_TOKEN=keep-me\r\n`);
  return folder;
}

for (const language of LANGUAGES) {
  describe(`the renewal journey in ${language}`, () => {
    let harness: Harness;
    let browser: OpenedBrowser;
    let page: Page;
    let folder: string;
    let expiredToken: string;
    let shots = 0;
    const problems: string[] = [];
    const violations: Array<Violation & { screen: string }> = [];
    const say = (key: string, params?: Record<string, string | number>) => translate(language, { key, params });

    /** Photographs the screen (wide and small window) and checks it with axe. */
    async function screen(name: string): Promise<void> {
      await page.waitForTimeout(150);
      await mkdir(join(SCREENSHOTS, language), { recursive: true });
      shots += 1;
      await photograph(page, join(SCREENSHOTS, language, `${String(shots).padStart(2, '0')}-${name}`));
      for (const violation of await blockingViolations(page)) violations.push({ ...violation, screen: name });
    }

    beforeAll(async () => {
      requireTestKeyring();
      await rm(join(SCREENSHOTS, language), { recursive: true, force: true });
      harness = await startHarness({ port: 0, vault: 'keyring' });
      expiredToken = harness.sim!.newToken('expired');
      folder = await botFolder(expiredToken);
      harness.platform.nextFolder = folder;
      ({ browser, page } = await openAppPage(harness.url, language, problems));
    });

    afterAll(async () => {
      await browser?.close();
      for (const bot of harness ? await harness.host.watchedBots() : []) {
        const state = await readManagedState(bot.id, harness.home);
        if (state) await UNSAFE_stopProcessTree(state.pid, { graceMs: 500 }).catch(() => {});
        await new KeyringVault().deleteSecret(botAccount(bot.id)).catch(() => {});
      }
      await harness?.close();
    });

    it('speaks the browser’s language, right to left for Arabic', async () => {
      await page.waitForSelector('.onboarding-step h1, .onboarding-step h2');
      expect(await page.getAttribute('html', 'lang')).toBe(language);
      expect(await page.getAttribute('html', 'dir')).toBe(language === 'ar' ? 'rtl' : 'ltr');
      await screen('welcome');
    });

    it('connects the bot folder and shows its token is dead', async () => {
      await page.click('.step-actions .button--primary');
      await screen('language');
      await page.click('.step-actions .button--primary');
      await screen('connect');
      await page.click('.button--large');
      await page.waitForSelector('.review-summary');
      // Three lines of what was found, and Connect without scrolling even in a small window.
      expect(await page.textContent('.found')).toContain('WHATSAPP_TOKEN');
      expect(await page.textContent('.found')).toContain('npm start');
      expect(await page.textContent('.found')).toContain(SIM_PHONE_NUMBER_ID);
      expect(await aboveTheFoldInSmallWindow(page, '.review-summary .button--primary')).toBe(true);
      await screen('review');
      await page.click('.review-summary__advanced');
      await page.waitForSelector('form.form');
      expect(await page.inputValue('form.form input[value="WHATSAPP_TOKEN"]')).toBe('WHATSAPP_TOKEN');
      await screen('review-advanced');
      await page.click('form.form button[type="submit"]');
      await page.waitForSelector('.bot-card .badge--danger', { timeout: 30_000 });
      expect(await page.textContent('.bot-card .badge')).toContain(say('dashboard:status.expired'));
      await screen('dashboard-expired');
    });

    it('walks the permanent-token path, each step opening the exact Meta page', async () => {
      await page.click('.bot-actions .button--primary');
      await page.waitForSelector('.path-option--recommended');
      await screen('wizard-choose');
      await page.click('.path-option--recommended');
      let step = 0;
      while (!(await page.$('#token-field'))) {
        step += 1;
        await screen(`wizard-step-${step}`);
        if (step === 1) {
          // The picture is Meta's page as the owner will see it: mirrored in Arabic, as Meta mirrors its pages.
          const side = await page.locator('.meta-screen .meta-side').boundingBox();
          const main = await page.locator('.meta-screen .meta-main').boundingBox();
          expect(side!.x > main!.x).toBe(language === 'ar');
          expect(await page.textContent('.meta-screen')).toContain(say('screens:meta.systemUsers'));
        }
        const open = await page.$('.open-meta button');
        if (open) await open.click();
        await page.click('.wizard-nav__next button');
        expect(step).toBeLessThan(8);
      }
      expect(step).toBe(5);
      expect(harness.platform.opened.some((url) => url.startsWith('https://business.facebook.com/latest/settings/system_users'))).toBe(true);
      expect(harness.platform.opened.every((url) => url.startsWith('https://'))).toBe(true);
    });

    it('checks a pasted token with Meta, puts it in place and proves the bot is back', async () => {
      const newToken = harness.sim!.newToken('never_expiring');
      await screen('paste');
      await page.fill('#token-field', newToken);
      await page.click('.paste-form button[type="submit"]');
      await page.waitForSelector('.wizard-nav__next button:not([disabled])');
      await screen('verdict');
      // The field is emptied: the page keeps no copy of the token once Meta has it.
      expect(await page.content()).not.toContain(newToken);

      const before = await readFile(join(folder, '.env'), 'utf8');
      await page.click('.wizard-nav__next button');
      await page.waitForSelector('.progress-list');
      await screen('applying');
      await page.waitForSelector('.wizard[data-stage="success"], .wizard[data-stage="failure"]', { state: 'attached', timeout: 60_000 });
      await screen('outcome');
      expect(await page.getAttribute('.wizard', 'data-stage')).toBe('success');

      expect(await readFile(join(folder, '.env'), 'utf8')).toBe(before.replace(expiredToken, newToken));
      const report = JSON.parse(await readFile(join(folder, 'report.json'), 'utf8')) as { tokenSha256: string };
      expect(report.tokenSha256).toBe(sha256(newToken));
      const [bot] = await harness.host.watchedBots();
      expect(await new KeyringVault().getSecret(botAccount(bot!.id))).toBe(newToken);
      expect(await page.content()).not.toContain(newToken);
    });

    it('goes back to a dashboard that shows the bot healthy', async () => {
      await page.click('.wizard-stage--outcome .wizard-nav__next button');
      await page.waitForSelector('.bot-card .badge--success', { timeout: 30_000 });
      expect(await page.textContent('.bot-card .badge')).toContain(say('dashboard:status.ok'));
      await screen('dashboard-healthy');
    });

    it('has no page errors and no serious accessibility problems on any screen', () => {
      expect(problems).toEqual([]);
      expect(violations).toEqual([]);
    });
  });
}
