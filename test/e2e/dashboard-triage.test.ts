// The dashboard with several bots in a real browser against the real core, in English, Turkish and Arabic: the
// dead bot first whatever order they were connected in, one summary line, a temporary token amber with its one
// way out, and a visible answer when a check ends. Photographed and checked with axe like every other screen.
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { translate } from '../../src-main/core/i18n/translate';
import { startHarness, type Harness } from '../harness/harness';
import type { TokenScenario } from '../sim/scenarios';
import { SIM_PHONE_NUMBER_ID } from '../sim/graph-simulator';
import type { OpenedBrowser } from '../support/chromium';
import { connectSelfRestartedBot } from '../support/connect-bot';
import { LANGUAGES, openAppPage } from './support/app-page';
import { blockingViolations, type Violation } from './support/axe';
import { photograph } from './support/photograph';

const SCREENSHOTS = resolve('test/e2e/screenshots');

/** Connected in the least helpful order: the healthy bot first, the dead one last. */
const BOTS: Array<{ name: string; token: TokenScenario }> = [
  { name: 'Lokanta', token: { scenario: 'sixty_day', days: 40 } },
  { name: 'Hukuk', token: { scenario: 'expiring', days: 3 } },
  { name: 'Kafe', token: { scenario: 'temporary', hours: 5 } },
  { name: 'Dükkan', token: { scenario: 'expired' } },
];

for (const language of LANGUAGES) {
  describe(`the dashboard triages in ${language}`, () => {
    let harness: Harness;
    let browser: OpenedBrowser;
    let page: Page;
    const folders: string[] = [];
    const problems: string[] = [];
    const violations: Array<Violation & { screen: string }> = [];
    const say = (key: string, params?: Record<string, string | number>) => translate(language, { key, params });
    const card = (name: string) => page.locator('.bot-card', { has: page.locator('.bot-card__name', { hasText: name }) });

    async function screen(name: string): Promise<void> {
      await page.waitForTimeout(150);
      await mkdir(join(SCREENSHOTS, language), { recursive: true });
      await photograph(page, join(SCREENSHOTS, language, `triage-${name}`));
      for (const violation of await blockingViolations(page)) violations.push({ ...violation, screen: name });
    }

    beforeAll(async () => {
      harness = await startHarness({ port: 0 });
      for (const bot of BOTS) {
        const folder = await mkdtemp(join(tmpdir(), 'e2e-triage-'));
        folders.push(folder);
        const envFile = join(folder, '.env');
        await writeFile(envFile, `ACCESS_TOKEN=${harness.sim!.newToken(bot.token)}\nPHONE_NUMBER_ID=${SIM_PHONE_NUMBER_ID}\n`);
        const view = await connectSelfRestartedBot(harness.host.service, { folder, envFile, name: bot.name });
        await harness.host.service.diagnoseBot({ id: view.id });
      }
      ({ browser, page } = await openAppPage(harness.url, language, problems));
    });

    afterAll(async () => {
      await browser?.close();
      await harness?.close();
      for (const folder of folders) await rm(folder, { recursive: true, force: true });
    });

    it('puts the dead bot first and sums everything up in one line', async () => {
      await page.waitForSelector('.dashboard-summary');
      const names = await page.locator('.bot-card .bot-card__name').allTextContents();
      expect(names).toEqual(['Dükkan', 'Kafe', 'Hukuk', 'Lokanta']);
      const summary = await page.textContent('.dashboard-summary__state');
      expect(summary).toContain(say('dashboard:summary.down', { count: 1 }));
      expect(await page.textContent('.dashboard-summary__watch')).toContain(say('dashboard:watch.warns'));
      await screen('dashboard');
    });

    it('says a temporary token once, in amber, with one way out', async () => {
      const kafe = card('Kafe');
      expect(await kafe.locator('.badge').getAttribute('class')).toContain('badge--warning');
      expect(await kafe.locator('.badge').textContent()).toBe(say('dashboard:status.temporary'));
      expect(await kafe.locator('.bot-actions .button--primary').allTextContents()).toEqual([say('dashboard:actions.getLongLasting')]);
      expect(await kafe.textContent()).not.toContain(say('diagnosis:warning.temporary_token'));
    });

    it('answers visibly when a check ends', async () => {
      const lokanta = card('Lokanta');
      await lokanta.locator('.bot-actions button', { hasText: say('dashboard:actions.check') }).click();
      await lokanta.locator('.bot-card__note').waitFor({ timeout: 30_000 });
      expect(await lokanta.locator('.bot-card__note').textContent()).toBe(say('dashboard:notices.checked'));
      await screen('checked');
    });

    it('has no page errors and no serious accessibility problems', () => {
      expect(problems).toEqual([]);
      expect(violations).toEqual([]);
    });
  });
}
