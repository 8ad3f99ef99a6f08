// `npx tsx test/preview/screenshots.ts [en|tr|ar…]`: builds the preview, serves it, and photographs every
// screen and state in each language with Debian's Chromium, in a wide window (1100 px) and a small one (720 ×
// 720, names ending in -720), into test/e2e/screenshots/preview/ (git-ignored). Prints any console error (a CSP
// violation included) and exits non-zero if there was one.
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { chromium } from 'playwright-core';
import { build } from 'vite';
import { JOURNEYS } from './journeys';
import { serveFolder } from './static-server';
import { CHROMIUM_FLAGS, CHROMIUM_PATH } from '../support/chromium';

const here = import.meta.dirname;
const outFolder = resolve(here, '../e2e/screenshots/preview');
const languages = process.argv.slice(2).length > 0 ? process.argv.slice(2) : ['en', 'tr', 'ar'];
const WINDOWS = [
  { width: 1100, height: 820, suffix: '' },
  { width: 720, height: 720, suffix: '-720' },
];

const work = await mkdtemp(join(tmpdir(), 'wa-preview-'));
const built = join(work, 'site');
await build({ root: here, base: './', plugins: [react()], logLevel: 'warn', build: { outDir: built, emptyOutDir: true } });
const server = await serveFolder(built);
const browser = await chromium.launchPersistentContext(join(work, 'profile'), {
  executablePath: CHROMIUM_PATH,
  headless: true,
  args: CHROMIUM_FLAGS,
  viewport: { width: 1100, height: 820 },
  reducedMotion: 'reduce',
});
await mkdir(outFolder, { recursive: true });
const problems: string[] = [];
// The app's CSP includes frame-ancestors, which only works as a header (main sends it so); in the page's meta
// tag Chromium ignores it and says so. That is expected, not a problem.
const EXPECTED_CONSOLE = /frame-ancestors' is ignored when delivered via a <meta> element/;
let taken = 0;

try {
  for (const language of languages) {
    for (const size of WINDOWS) {
      for (const journey of JOURNEYS) {
        const page = await browser.newPage();
        await page.setViewportSize({ width: size.width, height: size.height });
        page.on('console', (message) => {
          if (message.type() === 'error' && !EXPECTED_CONSOLE.test(message.text())) problems.push(`${language} ${journey.scenario}: ${message.text()}`);
        });
        page.on('pageerror', (error) => problems.push(`${language} ${journey.scenario}: ${error.message}`));
        const query = new URLSearchParams({ scenario: journey.scenario, lang: language, ...(journey.slow ? { slow: '1' } : {}) });
        await page.goto(`${server.url}?${query}`);
        for (const step of journey.steps) {
          try {
            await step.act(page);
            await page.waitForTimeout(120);
            await page.screenshot({ path: join(outFolder, `${language}-${step.name}${size.suffix}.png`), fullPage: true, animations: 'disabled' });
            taken += 1;
          } catch (error) {
            problems.push(`${language} ${step.name}${size.suffix}: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`);
            break;
          }
        }
        await page.close();
      }
    }
  }
} finally {
  await browser.close();
  await server.close();
  await rm(work, { recursive: true, force: true });
}

console.log(`${taken} screenshots in ${outFolder}`);
for (const problem of problems) console.error(problem);
process.exit(problems.length > 0 ? 1 : 0);
