import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { IpcMainInvokeEvent } from 'electron';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { calls, channelOf, type CallName } from '../../../src-main/contract';
import { Watch } from '../../../src-main/core/monitor';
import { DAY } from '../../../src-main/core/monitor/settings';
import type { Emit } from '../../../src-main/core/service/types';
import { APP_USER_MODEL_ID, startDesktopApp } from '../../../src-main/electron/app-lifecycle';
import { NETWORK_POLL_MS } from '../../../src-main/electron/network-watch';
import { createFakeElectron } from './fake-electron';
import { botView, diagnosis, fakeHost, fakeService, settingsView } from './fake-service';

let folder: string;
beforeEach(async () => {
  folder = await mkdtemp(join(tmpdir(), 'app-lifecycle-'));
});
afterEach(async () => {
  vi.useRealTimers();
  vi.restoreAllMocks();
  await rm(folder, { recursive: true, force: true });
});

const EXPIRES_AT = new Date(Date.now() + 3 * DAY).toISOString();
const SHOP_BOT = { id: 'shop-bot', name: 'Shop bot', tokenFingerprint: 'a1b2c3d4e5f60718' };

interface LaunchOptions {
  argv?: string[];
  platform?: NodeJS.Platform;
  lockGranted?: boolean;
  languages?: string[];
  bots?: (typeof SHOP_BOT)[];
  hostFails?: Error;
}

function launch(options: LaunchOptions = {}) {
  const { fake, electron } = createFakeElectron({ lockGranted: options.lockGranted ?? true, languages: options.languages });
  const connected = { bots: options.bots ?? [SHOP_BOT] };
  const service = fakeService({
    listBots: async () => [botView()],
    restartBot: async () => ({ ok: true, message: { key: 'common:errors.internal' }, bot: botView(), logExcerpt: null }),
  });
  const host = fakeHost({
    service,
    watchedBots: async () => connected.bots,
    checkBot: async () => diagnosis({ status: 'expiring_soon', expiresAt: EXPIRES_AT }),
  });
  let emit: Emit | null = null;
  const log: string[] = [];
  startDesktopApp({
    electron,
    platform: options.platform ?? 'linux',
    argv: options.argv ?? ['/opt/wa-token-doctor/wa-token-doctor'],
    env: {},
    execPath: '/opt/wa-token-doctor/wa-token-doctor',
    paths: {
      rendererDir: join(folder, 'renderer'),
      preloadFile: '/app/out/preload/index.cjs',
      assetsDir: '/app/assets',
      watchMemoryFile: join(folder, 'watch.json'),
    },
    createHost: async (_platform, shellEmit) => {
      emit = shellEmit;
      if (options.hostFails) throw options.hostFails;
      return host;
    },
    log: (line) => void log.push(line),
  });
  const window = () => {
    const created = fake.BrowserWindow.instances[0];
    if (!created) throw new Error('no window was created');
    return created;
  };
  const tray = () => {
    const created = fake.trays[0];
    if (!created) throw new Error('no tray was created');
    return created;
  };
  const shellEmit = (): Emit => {
    if (!emit) throw new Error('the service was not created');
    return emit;
  };
  return { fake, service, connected, log, window, tray, emit: shellEmit };
}

describe('before the app is ready', () => {
  it('turns the sandbox on for every renderer and registers the app:// scheme', () => {
    const { fake } = launch();
    expect(fake.calls.slice(0, 3)).toEqual(['enableSandbox', 'registerSchemesAsPrivileged', 'requestSingleInstanceLock']);
    expect(fake.protocol.privileged).toEqual([
      expect.objectContaining({ scheme: 'app', privileges: expect.objectContaining({ standard: true, secure: true }) }),
    ]);
  });

  it('sets the Windows app id (notifications need it), and only on Windows', () => {
    expect(launch({ platform: 'win32' }).fake.calls).toContain(`setAppUserModelId:${APP_USER_MODEL_ID}`);
    expect(launch({ platform: 'linux' }).fake.calls.some((call) => call.startsWith('setAppUserModelId'))).toBe(false);
  });

  it('lets a second copy quit at once, leaving the first one in charge', async () => {
    const { fake } = launch({ lockGranted: false });
    expect(fake.calls).toEqual(['enableSandbox', 'registerSchemesAsPrivileged', 'requestSingleInstanceLock', 'quit']);
    expect(fake.app.listenerCount('second-instance')).toBe(0);
    await fake.app.becomeReady();
    expect(fake.BrowserWindow.instances).toHaveLength(0);
    expect(fake.trays).toHaveLength(0);
    expect(fake.ipcMain.handlers.size).toBe(0);
  });
});

describe('once ready', () => {
  it('serves the renderer, walls off permissions and registers one IPC handler per call', async () => {
    const { fake } = launch();
    await fake.app.becomeReady();
    expect(fake.protocol.handlers.has('app')).toBe(true);
    expect(fake.session.defaultSession.checkHandler?.()).toBe(false);
    expect([...fake.ipcMain.handlers.keys()].sort()).toEqual((Object.keys(calls) as CallName[]).map((name) => channelOf(name)).sort());
  });

  it('opens the locked-down window on our own page, DevTools closed, shown once painted', async () => {
    const { fake, window } = launch();
    await fake.app.becomeReady();
    expect(window().loadedUrl).toBe('app://doctor/index.html');
    expect(window().options).toMatchObject({
      show: false,
      webPreferences: { contextIsolation: true, sandbox: true, nodeIntegration: false, webSecurity: true, devTools: false },
    });
    window().finishLoading();
    expect(window().visible).toBe(true);
  });

  it('guards every web contents the app creates', async () => {
    const { fake } = launch();
    expect(fake.app.listenerCount('web-contents-created')).toBe(1);
  });

  it('accepts IPC from its window on app://doctor and refuses any other window', async () => {
    const { fake, service, window } = launch();
    await fake.app.becomeReady();
    window().finishLoading();
    const handler = fake.ipcMain.handlers.get(channelOf('listBots'));
    const from = (contents: unknown) => ({ sender: contents, senderFrame: { url: 'app://doctor/index.html' } }) as unknown as IpcMainInvokeEvent;
    await expect(handler?.(from(window().webContents), undefined)).resolves.toMatchObject({ ok: true });
    const stranger = new fake.BrowserWindow({});
    await expect(handler?.(from(stranger.webContents), undefined)).resolves.toMatchObject({
      ok: false,
      error: { code: 'untrusted_sender' },
    });
    expect(service.listBots).toHaveBeenCalledOnce();
  });
});

describe('a hidden start', () => {
  it('opens no window, only the tray', async () => {
    const { fake } = launch({ argv: ['/opt/wa-token-doctor/wa-token-doctor', '--hidden'] });
    await fake.app.becomeReady();
    expect(fake.BrowserWindow.instances).toHaveLength(0);
    expect(fake.trays).toHaveLength(1);
  });
});

describe('a second launch', () => {
  it("shows and focuses the first copy's window", async () => {
    const { fake, window } = launch({ argv: ['app', '--hidden'] });
    await fake.app.becomeReady();
    fake.app.emit('second-instance', {}, ['app'], '/');
    window().finishLoading();
    expect(window().visible).toBe(true);
    expect(window().focused).toBe(true);
    window().minimized = true;
    fake.app.emit('second-instance', {}, ['app'], '/');
    expect(window().minimized).toBe(false);
  });

  it('that is itself a login start changes nothing on screen', async () => {
    const { fake } = launch({ argv: ['app', '--hidden'] });
    await fake.app.becomeReady();
    fake.app.emit('second-instance', {}, ['app', '--hidden'], '/');
    expect(fake.BrowserWindow.instances).toHaveLength(0);
  });

  it('before the first copy is ready, shows the window once it is', async () => {
    const { fake, window } = launch({ argv: ['app', '--hidden'] });
    fake.app.emit('second-instance', {}, ['app'], '/');
    expect(fake.BrowserWindow.instances).toHaveLength(0);
    await fake.app.becomeReady();
    window().finishLoading();
    expect(window().visible).toBe(true);
  });
});

describe('the tray and notifications in the running app', () => {
  it('"Renew token…" opens the window and then the wizard for that bot', async () => {
    const { fake, tray, window } = launch({ argv: ['app', '--hidden'] });
    await fake.app.becomeReady();
    await vi.waitFor(() => tray().item('Shop bot — expires in 3 days'));
    tray().click('Renew token…');
    expect(window().webContents.sent).toEqual([]);
    window().finishLoading('app://doctor/index.html');
    expect(window().visible).toBe(true);
    expect(window().webContents.sent).toContainEqual({ channel: 'doctor:openWizard', payload: { botId: 'shop-bot' } });
  });

  it('a warning notification opens the wizard for its bot when clicked', async () => {
    const { fake, window } = launch({ argv: ['app', '--hidden'] });
    await fake.app.becomeReady();
    await vi.waitFor(() => expect(fake.Notification.instances).toHaveLength(1));
    const [notification] = fake.Notification.instances;
    expect(notification?.options.title).toBe('Shop bot: token expires soon');
    notification?.emit('click');
    window().finishLoading('app://doctor/index.html');
    expect(window().webContents.sent).toContainEqual({ channel: 'doctor:openWizard', payload: { botId: 'shop-bot' } });
  });

  it('"Restart bot" restarts through the service and says how it went', async () => {
    const { fake, service, tray } = launch();
    await fake.app.becomeReady();
    await vi.waitFor(() => tray().item('Restart bot'));
    const before = fake.Notification.instances.length;
    tray().click('Restart bot');
    await vi.waitFor(() => expect(fake.Notification.instances.length).toBe(before + 1));
    expect(service.restartBot).toHaveBeenCalledWith({ id: 'shop-bot' });
    expect(fake.Notification.instances.at(-1)?.options.title).toBe('Shop bot restarted');
  });

  it('speaks the language the owner picks, at once', async () => {
    const { fake, tray, emit } = launch();
    await fake.app.becomeReady();
    await vi.waitFor(() => tray().item('Quit'));
    emit()('settingsChanged', settingsView({ language: 'tr', effectiveLanguage: 'tr' }));
    expect(tray().item('Çıkış')).toBeDefined();
    expect(tray().tooltip.startsWith('WA Token Doctor: ')).toBe(true);
    expect(tray().tooltip).not.toMatch(/token expires soon|all tokens work/);
  });

  it('follows the bot list when it changes', async () => {
    const { fake, tray, emit, connected } = launch({ bots: [] });
    await fake.app.becomeReady();
    await vi.waitFor(() => tray().item('No bot connected yet'));
    connected.bots = [{ id: 'crm', name: 'CRM', tokenFingerprint: 'ffeeddccbbaa9988' }];
    emit()('botsChanged', [botView({ id: 'crm', name: 'CRM' })]);
    await vi.waitFor(() => expect(tray().menu?.template[0]?.label).toMatch(/^CRM — /));
  });

  it('checks again after sleep and when the network comes back', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    const resumed = vi.spyOn(Watch.prototype, 'onResume');
    const regained = vi.spyOn(Watch.prototype, 'onNetworkRegained');
    const { fake } = launch();
    await fake.app.becomeReady();
    fake.powerMonitor.emit('resume');
    expect(resumed).toHaveBeenCalledOnce();
    fake.net.online = false;
    vi.advanceTimersByTime(NETWORK_POLL_MS);
    fake.net.online = true;
    vi.advanceTimersByTime(NETWORK_POLL_MS);
    expect(regained).toHaveBeenCalledOnce();
  });
});

describe('closing and quitting', () => {
  it('closing the window hides it; Quit in the tray really quits', async () => {
    const { fake, tray, window } = launch();
    await fake.app.becomeReady();
    window().finishLoading();
    window().close();
    expect(window().destroyed).toBe(false);
    expect(window().visible).toBe(false);
    expect(tray().destroyed).toBe(false);

    tray().click('Quit');
    expect(fake.app.quitRequested).toBe(true);
    expect(tray().destroyed).toBe(true);
    window().close();
    expect(window().destroyed).toBe(true);
  });

  it('stops what it started when Quit came while the service was still starting', async () => {
    const { fake, tray } = launch();
    fake.app.quit();
    await fake.app.becomeReady();
    await vi.waitFor(() => expect(tray().destroyed).toBe(true));
    expect(fake.BrowserWindow.instances).toHaveLength(0);
  });

  it('says so in a box, in the OS language and without secrets, when it cannot start', async () => {
    const token = `EAAQ${'z'.repeat(60)}`;
    const { fake, log } = launch({ languages: ['tr-TR'], hostFails: new Error(`bots.json unreadable near ${token}`) });
    await fake.app.becomeReady();
    expect(fake.app.exitCode).toBe(1);
    expect(fake.dialog.errorBoxes).toHaveLength(1);
    const [box] = fake.dialog.errorBoxes;
    expect(box?.title).toBe('WA Token Doctor başlatılamadı');
    expect(box?.content).toContain('bots.json unreadable');
    expect(box?.content).not.toContain(token);
    expect(log.join('\n')).not.toContain(token);
  });

  it('keeps running when every window is gone', async () => {
    const { fake } = launch();
    expect(fake.app.listenerCount('window-all-closed')).toBe(1);
    fake.app.emit('window-all-closed');
    expect(fake.app.quitRequested).toBe(false);
  });
});
