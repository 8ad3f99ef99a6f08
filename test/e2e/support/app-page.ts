// Every end-to-end journey opens the app the same way: Debian's Chromium with the language's browser locale (the app
// follows it on first run), one page on the harness, and every page error and console error collected — a CSP
// violation included — so that each journey can assert there were none.
import type { Page } from 'playwright-core';
import type { Language } from '../../../assets/locales';
import { openChromium, type OpenedBrowser } from '../../support/chromium';

const BROWSER_LOCALES: Record<Language, string> = { en: 'en-US', tr: 'tr-TR', ar: 'ar-EG' };

/** The languages every journey runs in. */
export const LANGUAGES = Object.keys(BROWSER_LOCALES) as Language[];

export async function openAppPage(url: string, language: Language, problems: string[]): Promise<{ browser: OpenedBrowser; page: Page }> {
  const browser = await openChromium({ locale: BROWSER_LOCALES[language] });
  const page = await browser.context.newPage();
  page.on('pageerror', (error) => problems.push(error.message));
  page.on('console', (message) => {
    // frame-ancestors only works as a header (the desktop app sends it); in the meta tag Chromium says so.
    if (message.type() === 'error' && !/frame-ancestors|favicon|404/.test(message.text())) problems.push(message.text());
  });
  await page.goto(url);
  return { browser, page };
}
