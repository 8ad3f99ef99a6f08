// A host without Electron for the service: a folder picker that answers what the test says, a browser that only
// records the URLs it was asked to open, an in-memory clipboard. Used by service tests and the browser harness.
import type { Platform } from '../../src-main/core/service';

export interface FakePlatform extends Platform {
  nextFolder: string | null;
  opened: string[];
  clipboard: string;
  launchAtLogin: boolean;
  languages: string[];
}

export function createFakePlatform(overrides: Partial<Pick<FakePlatform, 'languages' | 'nextFolder'>> = {}): FakePlatform {
  const platform: FakePlatform = {
    nextFolder: overrides.nextFolder ?? null,
    opened: [],
    clipboard: '',
    launchAtLogin: false,
    languages: overrides.languages ?? ['en-US'],
    appVersion: '0.0.0-test',
    async pickFolder() {
      return platform.nextFolder;
    },
    async openExternal(url) {
      platform.opened.push(url);
    },
    async readClipboardText() {
      return platform.clipboard;
    },
    async clearClipboardIf(text) {
      if (platform.clipboard === text) platform.clipboard = '';
    },
    async setLaunchAtLogin(enabled) {
      platform.launchAtLogin = enabled;
    },
    preferredLanguages() {
      return platform.languages;
    },
  };
  return platform;
}
