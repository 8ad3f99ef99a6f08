import type { BrowserWindow } from 'electron';
import { describe, expect, it } from 'vitest';
import type { Language } from '../../../assets/locales';
import { createElectronPlatform } from '../../../src-main/electron/electron-platform';
import { createFakeElectron } from './fake-electron';

function platform(language: Language = 'en', window: BrowserWindow | null = null) {
  const { fake, electron } = createFakeElectron({ languages: ['tr-TR', 'en-US'] });
  const host = {
    app: electron.app,
    dialog: electron.dialog,
    shell: electron.shell,
    clipboard: electron.clipboard,
    loginItem: { platform: 'win32' as const, app: electron.app, env: {}, execPath: 'C:\\app.exe' },
    window: () => window,
    language: () => language,
  };
  return { fake, platform: createElectronPlatform(host) };
}

describe('the Electron platform', () => {
  it('asks for a folder with a translated title, and says null when cancelled', async () => {
    const { fake, platform: host } = platform('tr');
    await expect(host.pickFolder()).resolves.toBeNull();
    expect(fake.dialog.requests[0]).toMatchObject({
      title: 'Botunuzun klasörünü seçin',
      buttonLabel: 'Klasörü seç',
      properties: ['openDirectory'],
    });
    fake.dialog.answer = { canceled: false, filePaths: ['/bots/shop'] };
    await expect(host.pickFolder()).resolves.toBe('/bots/shop');
  });

  it('opens only allowlisted https pages', async () => {
    const { fake, platform: host } = platform();
    await host.openExternal('https://business.facebook.com/settings/system-users');
    await expect(host.openExternal('https://evil.io/')).rejects.toMatchObject({ code: 'url_not_allowed' });
    expect(fake.shell.opened).toEqual(['https://business.facebook.com/settings/system-users']);
  });

  it('clears the clipboard only while it still holds the token', async () => {
    const { fake, platform: host } = platform();
    fake.clipboard.text = 'something else';
    await host.clearClipboardIf('EAAtoken');
    expect(fake.clipboard.text).toBe('something else');
    fake.clipboard.text = 'EAAtoken';
    await expect(host.readClipboardText()).resolves.toBe('EAAtoken');
    await host.clearClipboardIf('EAAtoken');
    expect(fake.clipboard.text).toBe('');
  });

  it("reports the OS's language list and the app version", () => {
    const { platform: host } = platform();
    expect(host.preferredLanguages()).toEqual(['tr-TR', 'en-US']);
    expect(host.appVersion).toBe('0.1.0');
  });

  it('turns launch at login on through the OS on Windows', async () => {
    const { fake, platform: host } = platform();
    await host.setLaunchAtLogin(true);
    expect(fake.app.loginItemSettings).toEqual([{ openAtLogin: true, args: ['--hidden'] }]);
  });
});
