// Every end-to-end screen is photographed twice: in the usual window and in a small one (720 × 720, file name
// ending in -720), since owners run the app on small laptop screens too.
import type { Page } from 'playwright-core';

export const WIDE_WINDOW = { width: 1100, height: 820 };
export const SMALL_WINDOW = { width: 720, height: 720 };

/** Saves `<path>.png` (wide) and `<path>-720.png` (small), the whole page each time. */
export async function photograph(page: Page, path: string): Promise<void> {
  await page.screenshot({ path: `${path}.png`, fullPage: true, animations: 'disabled' });
  await page.setViewportSize(SMALL_WINDOW);
  await page.waitForTimeout(100);
  await page.screenshot({ path: `${path}-720.png`, fullPage: true, animations: 'disabled' });
  await page.setViewportSize(WIDE_WINDOW);
}

/** Whether the element is entirely on screen, without scrolling, in the small window. */
export async function aboveTheFoldInSmallWindow(page: Page, selector: string): Promise<boolean> {
  await page.setViewportSize(SMALL_WINDOW);
  await page.evaluate(() => window.scrollTo(0, 0));
  const box = await page.locator(selector).boundingBox();
  await page.setViewportSize(WIDE_WINDOW);
  return box !== null && box.y >= 0 && box.y + box.height <= SMALL_WINDOW.height;
}
