// Debian's Chromium driven by playwright-core, the way these machines allow: headless, no sandbox (root),
// and none of the background connections a closed network refuses. A fresh profile every time.
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';

/** Debian's Chromium, or Ubuntu's (installed under another name). */
export const CHROMIUM_PATH = ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((path) => existsSync(path)) ?? '/usr/bin/chromium';
export const CHROMIUM_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export interface OpenedBrowser {
  context: BrowserContext;
  close(): Promise<void>;
}

/** A browser whose preferred languages are `locale` (navigator.languages and Accept-Language). */
export async function openChromium(options: { locale?: string; viewport?: { width: number; height: number } } = {}): Promise<OpenedBrowser> {
  const profile = await mkdtemp(join(tmpdir(), 'wa-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: [...CHROMIUM_FLAGS, ...(options.locale ? [`--lang=${options.locale}`] : [])],
    locale: options.locale,
    viewport: options.viewport ?? { width: 1100, height: 820 },
    reducedMotion: 'reduce',
  });
  return {
    context,
    async close() {
      await context.close();
      await rm(profile, { recursive: true, force: true });
    },
  };
}
