import { EventEmitter } from 'node:events';
import type { BrowserWindow, BrowserWindowConstructorOptions, WebContents } from 'electron';
import { describe, expect, it } from 'vitest';
import { denyAllPermissions } from '../../../src-main/electron/security/permissions';
import { MainWindow } from '../../../src-main/electron/window/main-window';
import { rendererLocation } from '../../../src-main/electron/window/renderer-location';
import { secureWindowOptions } from '../../../src-main/electron/window/secure-window-options';
import { guardAllWebContents, guardWebContents } from '../../../src-main/electron/window/web-contents-guards';
import { createFakeElectron, fakeEvent, FakeWebContents } from './fake-electron';

const settings = { preloadPath: '/app/out/preload/index.cjs', devTools: false, iconPath: null, title: 'WA Token Doctor' };

describe('the window options', () => {
  it('isolate, sandbox and strip Node from the page', () => {
    const web = secureWindowOptions(settings).webPreferences;
    expect(web).toMatchObject({
      preload: '/app/out/preload/index.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      experimentalFeatures: false,
    });
  });

  it('close DevTools in the packaged app and allow them in development', () => {
    expect(secureWindowOptions(settings).webPreferences?.devTools).toBe(false);
    expect(secureWindowOptions({ ...settings, devTools: true }).webPreferences?.devTools).toBe(true);
  });

  it('start hidden (shown when painted) at a size the wizard fits in', () => {
    const options = secureWindowOptions(settings);
    expect(options.show).toBe(false);
    expect(options.minWidth).toBeGreaterThanOrEqual(640);
    expect(options.minHeight).toBeGreaterThanOrEqual(480);
    expect(options.width).toBeGreaterThanOrEqual(options.minWidth ?? 0);
    expect(options.height).toBeGreaterThanOrEqual(options.minHeight ?? 0);
    expect(options.width).toBeLessThanOrEqual(1280);
  });
});

describe('the web contents guards', () => {
  function guarded() {
    const contents = new FakeWebContents();
    guardWebContents(contents as unknown as WebContents);
    return contents;
  }

  it('deny every new window, whatever the URL', () => {
    const contents = guarded();
    expect(contents.windowOpenHandler?.({ url: 'https://developers.facebook.com/' })).toEqual({ action: 'deny' });
    expect(contents.windowOpenHandler?.({ url: 'app://doctor/index.html' })).toEqual({ action: 'deny' });
  });

  it.each(['will-navigate', 'will-attach-webview'])('block %s', (eventName) => {
    const contents = guarded();
    const event = fakeEvent();
    contents.emit(eventName, event, {}, {});
    expect(event.defaultPrevented).toBe(true);
  });

  it('cover every web contents the app creates, not only the main window', () => {
    const app = new EventEmitter();
    guardAllWebContents(app as never);
    const contents = new FakeWebContents();
    app.emit('web-contents-created', fakeEvent(), contents);
    const event = fakeEvent();
    contents.emit('will-navigate', event);
    expect(event.defaultPrevented).toBe(true);
    expect(contents.windowOpenHandler?.({ url: 'https://evil.io/' })).toEqual({ action: 'deny' });
  });
});

describe('the permission wall', () => {
  it('denies every permission request and check', () => {
    const { fake } = createFakeElectron();
    denyAllPermissions(fake.session.defaultSession as never);
    const answers: boolean[] = [];
    for (const permission of ['media', 'notifications', 'clipboard-read', 'geolocation', 'openExternal']) {
      fake.session.defaultSession.requestHandler?.({}, permission, (granted) => answers.push(granted));
    }
    expect(answers).toEqual([false, false, false, false, false]);
    expect(fake.session.defaultSession.checkHandler?.({}, 'clipboard-sanitized-write', 'app://doctor', {})).toBe(false);
    expect(fake.session.defaultSession.deviceHandler?.({ deviceType: 'hid', origin: 'app://doctor' })).toBe(false);
  });
});

describe('where the page comes from', () => {
  it('is app://doctor in the packaged app, whatever the environment says', () => {
    expect(rendererLocation(true, 'http://localhost:5173/')).toEqual({
      entryUrl: 'app://doctor/index.html',
      trustedOrigins: ['app://doctor'],
    });
  });

  it('is the local dev server in development, and only a loopback one', () => {
    expect(rendererLocation(false, 'http://localhost:5173/')).toEqual({
      entryUrl: 'http://localhost:5173/',
      trustedOrigins: ['app://doctor', 'http://localhost:5173'],
    });
    expect(rendererLocation(false, 'http://evil.io:5173/').entryUrl).toBe('app://doctor/index.html');
    expect(rendererLocation(false, 'https://localhost.evil.io/').trustedOrigins).toEqual(['app://doctor']);
    expect(rendererLocation(false, undefined).entryUrl).toBe('app://doctor/index.html');
  });
});

describe('the main window', () => {
  function mainWindow() {
    const { fake } = createFakeElectron();
    const window = new MainWindow({
      createWindow: (options: BrowserWindowConstructorOptions) => new fake.BrowserWindow(options as never) as unknown as BrowserWindow,
      options: secureWindowOptions(settings),
      url: 'app://doctor/index.html',
      log: () => {},
    });
    const created = () => {
      const instance = fake.BrowserWindow.instances[0];
      if (!instance) throw new Error('no window was created');
      return instance;
    };
    return { fake, window, created };
  }

  it('is not created until something needs it', () => {
    const { fake, window } = mainWindow();
    expect(window.current()).toBeNull();
    expect(fake.BrowserWindow.instances).toHaveLength(0);
  });

  it('loads our page with the secure options and shows itself only once painted', () => {
    const { window, created } = mainWindow();
    window.show();
    expect(created().loadedUrl).toBe('app://doctor/index.html');
    expect(created().options).toMatchObject({ show: false, webPreferences: { sandbox: true, contextIsolation: true } });
    expect(created().visible).toBe(false);
    created().finishLoading();
    expect(created().visible).toBe(true);
    expect(created().focused).toBe(true);
  });

  it('hides instead of closing, so the tray and the watch keep running; closes for real when quitting', () => {
    const { window, created } = mainWindow();
    window.show();
    created().finishLoading();
    created().close();
    expect(created().destroyed).toBe(false);
    expect(created().visible).toBe(false);
    expect(window.current()).not.toBeNull();
    window.allowClose();
    created().close();
    expect(created().destroyed).toBe(true);
    expect(window.current()).toBeNull();
  });

  it('restores a minimised window when shown again', () => {
    const { window, created } = mainWindow();
    window.show();
    created().finishLoading();
    created().minimized = true;
    created().visible = false;
    window.show();
    expect(created().minimized).toBe(false);
    expect(created().visible).toBe(true);
  });

  it('runs an action for the page only after it has loaded, and at once when it already has', () => {
    const { window, created } = mainWindow();
    const done: string[] = [];
    window.showThen(() => done.push('first'));
    expect(done).toEqual([]);
    created().finishLoading();
    expect(done).toEqual(['first']);
    window.showThen(() => done.push('second'));
    expect(done).toEqual(['first', 'second']);
  });
});
