// What the screenshot script does on the preview page, screen by screen. Selectors are structural (classes,
// roles, store state) rather than words, so the same journey runs in every language.
import type { Page } from 'playwright-core';
import { TOKENS } from '../components/fake-data';

export interface Journey {
  scenario: string;
  slow?: boolean;
  /** Each step acts on the page, then a screenshot is taken under `name`. */
  steps: { name: string; act: (page: Page) => Promise<void> }[];
}

const stage = async (page: Page, expected: string) => {
  await page.waitForSelector(`.wizard[data-stage="${expected}"]`);
};
const heading = async (page: Page) => {
  await page.waitForSelector('h1, h2');
};
const click = async (page: Page, selector: string) => {
  await page.click(selector);
  await page.waitForTimeout(150);
};
/** A bot's card by the bot's id (the dashboard sorts cards by urgency, so never by position). */
const card = (botId: string) => `.bot-card[aria-labelledby="bot-${botId}-title"]`;
const renew = (botId: string) => async (page: Page) => {
  await page.waitForSelector('.bot-card .bot-actions');
  await click(page, `${card(botId)} .bot-actions button:has(.icon--key)`);
  await stage(page, 'choose');
};
const nextStep = (page: Page) => click(page, '.wizard-nav__next button');
const quickPathToPaste = async (page: Page) => {
  await renew('billbyte')(page);
  await click(page, '.path-option:not(.path-option--recommended)');
  await nextStep(page);
  await nextStep(page);
  await stage(page, 'paste');
};
const pasteAndSubmit = (token: string) => async (page: Page) => {
  await page.fill('#token-field', token);
  await page.waitForSelector('.paste-form button[type="submit"]:not([disabled])');
  await click(page, '.paste-form button[type="submit"]');
};

export const JOURNEYS: Journey[] = [
  {
    scenario: 'first-run',
    steps: [
      { name: 'onboarding-1-welcome', act: heading },
      { name: 'onboarding-2-language', act: (page) => click(page, '.step-actions .button--primary') },
      { name: 'onboarding-3-connect', act: (page) => click(page, '.step-actions .button--primary') },
      {
        name: 'onboarding-4-review',
        act: async (page) => {
          await click(page, '.button--large');
          await page.waitForSelector('.review-summary');
        },
      },
      {
        name: 'onboarding-5-review-advanced',
        act: async (page) => {
          await click(page, '.review-summary__advanced');
          await page.waitForSelector('form.form');
        },
      },
      {
        name: 'onboarding-6-review-corrected',
        act: async (page) => {
          await page.uncheck('.toggle--offer input');
          await page.check('input[name="run-choice"] >> nth=4');
          await page.fill('.choice--checked .field__input', 'pm2 restart tevkil');
          await page.fill('form.form .field__input >> nth=0', '');
          await click(page, 'form.form button[type="submit"]');
        },
      },
    ],
  },
  {
    scenario: 'windows-first-run',
    steps: [
      { name: 'windows-1-welcome', act: heading },
      { name: 'windows-2-language', act: (page) => click(page, '.step-actions .button--primary') },
      { name: 'windows-3-connect', act: (page) => click(page, '.step-actions .button--primary') },
      {
        name: 'windows-4-review',
        act: async (page) => {
          await click(page, '.button--large');
          await page.waitForSelector('.review-summary');
        },
      },
      {
        name: 'windows-5-review-shell',
        act: async (page) => {
          await click(page, '.review-summary__advanced');
          await page.waitForSelector('.shell-choice__options');
          await page.locator('.shell-choice__options').scrollIntoViewIfNeeded();
        },
      },
    ],
  },
  {
    scenario: 'dashboard',
    steps: [
      { name: 'dashboard', act: (page) => page.waitForSelector('.bot-card .facts').then(() => undefined) },
      { name: 'dashboard-menu', act: (page) => click(page, '.bot-card .menu button') },
      {
        name: 'dashboard-log',
        act: async (page) => {
          await page.keyboard.press('Escape');
          await click(page, '.bot-card .bot-actions button:has(.icon--log)');
          await page.waitForSelector('.modal .log');
        },
      },
      {
        name: 'dashboard-stop-processes',
        act: async (page) => {
          await page.keyboard.press('Escape');
          await click(page, `${card('crm')} .bot-actions button:nth-child(3)`);
          await page.waitForSelector('.process-list');
        },
      },
      {
        name: 'dashboard-remove',
        act: async (page) => {
          await page.keyboard.press('Escape');
          await click(page, '.bot-card .menu button');
          await click(page, '.menu__item--danger');
        },
      },
      {
        name: 'dashboard-checked-and-fixed',
        act: async (page) => {
          await page.keyboard.press('Escape');
          await click(page, `${card('billbyte')} .banner--warning button`);
          await click(page, `${card('lokanta')} .bot-actions button:nth-child(2)`);
          await page.waitForTimeout(400);
        },
      },
      {
        name: 'edit-bot',
        act: async (page) => {
          await click(page, '.bot-card .menu button');
          await click(page, '.menu__item:not(.menu__item--danger)');
          await page.waitForSelector('form.form');
        },
      },
      {
        name: 'settings',
        act: async (page) => {
          await click(page, '.top-bar__link:nth-child(2)');
          await page.waitForSelector('.settings-section select');
        },
      },
    ],
  },
  { scenario: 'loading', steps: [{ name: 'dashboard-loading', act: (page) => page.waitForSelector('.skeleton').then(() => undefined) }] },
  {
    scenario: 'empty',
    steps: [
      {
        name: 'dashboard-empty',
        act: async (page) => {
          await page.waitForSelector('.onboarding');
          await page.evaluate(() =>
            (window as unknown as { preview: { stores: { shell: { getState(): { navigate(screen: object): void } } } } }).preview.stores.shell
              .getState()
              .navigate({ name: 'dashboard' }),
          );
          await page.waitForSelector('.empty-state');
        },
      },
    ],
  },
  { scenario: 'error', steps: [{ name: 'dashboard-error', act: (page) => page.waitForSelector('.empty-state').then(() => undefined) }] },
  { scenario: 'keychain', steps: [{ name: 'dashboard-keychain', act: (page) => page.waitForSelector('.bot-card .facts').then(() => undefined) }] },
  {
    scenario: 'credentials',
    steps: [
      { name: 'dashboard-with-credentials', act: (page) => page.waitForSelector('.bot-card .facts').then(() => undefined) },
      {
        name: 'dashboard-extended',
        act: async (page) => {
          await click(page, `${card('hukuk')} .bot-actions button:last-child`);
          await page.waitForSelector(`${card('hukuk')} .banner--success`);
        },
      },
      {
        name: 'settings-with-credentials',
        act: async (page) => {
          await click(page, '.top-bar__link:nth-child(2)');
          await page.waitForSelector('.credentials-saved');
        },
      },
    ],
  },
  {
    scenario: 'dashboard',
    steps: [
      { name: 'wizard-choose', act: renew('billbyte') },
      { name: 'wizard-permanent-1', act: (page) => click(page, '.path-option--recommended') },
      { name: 'wizard-permanent-2', act: nextStep },
      { name: 'wizard-permanent-3', act: nextStep },
      {
        name: 'wizard-permanent-4',
        act: async (page) => {
          await nextStep(page);
          await page.check('.checklist input >> nth=0');
          await page.check('.checklist input >> nth=1');
        },
      },
      { name: 'wizard-permanent-5', act: nextStep },
      { name: 'wizard-paste-clipboard', act: nextStep },
      {
        name: 'wizard-paste-too-short',
        act: async (page) => {
          await page.fill('#token-field', TOKENS.permanent.slice(0, 80));
          await page.waitForSelector('.paste-form .field__error');
        },
      },
      {
        name: 'wizard-paste-ok',
        act: async (page) => {
          await page.fill('#token-field', TOKENS.permanent);
          await page.waitForSelector('.paste-form .field__hint .icon--check');
        },
      },
      {
        name: 'wizard-verdict-ok',
        act: async (page) => {
          await click(page, '.paste-form button[type="submit"]');
          await stage(page, 'verdict');
        },
      },
      {
        name: 'wizard-success',
        act: async (page) => {
          await nextStep(page);
          await stage(page, 'success');
        },
      },
      {
        name: 'wizard-success-test-message',
        act: async (page) => {
          await page.fill('input[type="tel"]', '+90 555 123 45 999');
          await click(page, '.test-message button[type="submit"]');
          await page.waitForSelector('.test-message .banner');
          await click(page, '.launch-question .button--primary');
        },
      },
    ],
  },
  {
    scenario: 'temporary',
    steps: [
      { name: 'dashboard-temporary', act: (page) => page.waitForSelector('.bot-card .facts').then(() => undefined) },
      {
        name: 'wizard-verdict-same-token',
        act: async (page) => {
          await renew('billbyte')(page);
          await click(page, '.path-option--recommended');
          for (let step = 0; step < 5; step += 1) await nextStep(page);
          await stage(page, 'paste');
          await pasteAndSubmit(TOKENS.permanent)(page);
          await stage(page, 'verdict');
        },
      },
      {
        name: 'wizard-success-temporary',
        act: async (page) => {
          await click(page, '.wizard-nav__next button');
          await pasteAndSubmit(TOKENS.temporary)(page);
          await stage(page, 'verdict');
          await nextStep(page);
          await stage(page, 'success');
        },
      },
    ],
  },
  {
    scenario: 'unknown-app',
    steps: [
      { name: 'wizard-temporary-via-apps-1', act: async (page) => (await renew('billbyte')(page), click(page, '.path-option:not(.path-option--recommended)')) },
      { name: 'wizard-temporary-via-apps-2', act: nextStep },
      { name: 'wizard-temporary-via-apps-3', act: nextStep },
    ],
  },
  {
    scenario: 'dashboard',
    slow: true,
    steps: [
      {
        name: 'wizard-applying',
        act: async (page) => {
          await quickPathToPaste(page);
          await pasteAndSubmit(TOKENS.permanent)(page);
          await stage(page, 'verdict');
          await nextStep(page);
          await page.waitForSelector('.progress-list__item--done');
          await page.waitForSelector('.progress-list__item--running');
        },
      },
    ],
  },
  {
    scenario: 'dashboard',
    steps: [
      { name: 'wizard-temporary-1', act: async (page) => (await renew('billbyte')(page), click(page, '.path-option:not(.path-option--recommended)')) },
      { name: 'wizard-temporary-2', act: nextStep },
      {
        name: 'wizard-verdict-temporary',
        act: async (page) => {
          await nextStep(page);
          await pasteAndSubmit(TOKENS.temporary)(page);
          await stage(page, 'verdict');
        },
      },
      {
        name: 'wizard-verdict-missing-scopes',
        act: async (page) => {
          await click(page, '.wizard-nav > .button');
          await pasteAndSubmit(TOKENS.missingScopes)(page);
          await stage(page, 'verdict');
        },
      },
      {
        name: 'wizard-verdict-wrong-account',
        act: async (page) => {
          await click(page, '.wizard-nav__next button');
          await pasteAndSubmit(TOKENS.wrongAccount)(page);
          await stage(page, 'verdict');
        },
      },
      {
        name: 'wizard-failure',
        act: async (page) => {
          await click(page, '.wizard-nav__next button');
          await pasteAndSubmit(TOKENS.restartFails)(page);
          await stage(page, 'verdict');
          await nextStep(page);
          await stage(page, 'failure');
          await click(page, '.log-excerpt summary');
        },
      },
      {
        name: 'wizard-failure-rolled-back',
        act: async (page) => {
          await click(page, '.button-row .button--primary');
          await page.waitForSelector('.wizard-stage .banner--success');
        },
      },
    ],
  },
];
