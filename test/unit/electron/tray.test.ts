import type { Menu, MenuItemConstructorOptions, NativeImage, Tray } from 'electron';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Language } from '../../../assets/locales';
import type { BotWatchStatus, Health, WatchStatus } from '../../../src-main/core/monitor';
import { DAY, HOUR, MINUTE } from '../../../src-main/core/monitor/settings';
import { StatusTray, TRAY_REFRESH_MS } from '../../../src-main/electron/tray/status-tray';
import { loadTrayIcon, trayIconFile } from '../../../src-main/electron/tray/tray-icon';
import { botStatusLine, trayMenuTemplate, trayTooltip, type TrayActions } from '../../../src-main/electron/tray/tray-menu';
import { createFakeElectron, FakeTray, type FakeImage } from './fake-electron';
import { diagnosis } from './fake-service';

const NOW = Date.parse('2026-03-01T12:00:00Z');

function bot(overrides: Partial<BotWatchStatus> = {}): BotWatchStatus {
  return {
    botId: 'shop-bot',
    name: 'Shop bot',
    health: 'ok',
    diagnosis: diagnosis(),
    lastCheckedAt: NOW - MINUTE,
    nextCheckAt: NOW + HOUR,
    expiresAt: null,
    renewal: null,
    ...overrides,
  };
}

const expiringIn = (ms: number, health: Health = 'expiring') => bot({ health, expiresAt: NOW + ms });

describe('a bot line in the tray menu', () => {
  it.each<[Language, number, string]>([
    ['en', 1 * DAY, 'Shop bot — expires in 1 day'],
    ['en', 3 * DAY, 'Shop bot — expires in 3 days'],
    ['en', 1 * HOUR, 'Shop bot — expires in 1 hour'],
    ['en', 5 * HOUR, 'Shop bot — expires in 5 hours'],
    ['en', 20 * MINUTE, 'Shop bot — expires in 20 minutes'],
    ['tr', 1 * DAY, 'Shop bot — süresi 1 gün içinde doluyor'],
    ['tr', 3 * DAY, 'Shop bot — süresi 3 gün içinde doluyor'],
    ['tr', 5 * HOUR, 'Shop bot — süresi 5 saat içinde doluyor'],
    ['ar', 1 * DAY, 'Shop bot — تنتهي صلاحية الرمز خلال يوم واحد'],
    ['ar', 2 * DAY, 'Shop bot — تنتهي صلاحية الرمز خلال يومين'],
    ['ar', 3 * DAY, 'Shop bot — تنتهي صلاحية الرمز خلال 3 أيام'],
    ['ar', 11 * DAY, 'Shop bot — تنتهي صلاحية الرمز خلال 11 يومًا'],
    ['ar', 100 * DAY, 'Shop bot — تنتهي صلاحية الرمز خلال 100 يوم'],
    ['ar', 2 * HOUR, 'Shop bot — تنتهي صلاحية الرمز خلال ساعتين'],
    ['ar', 5 * HOUR, 'Shop bot — تنتهي صلاحية الرمز خلال 5 ساعات'],
    ['ar', 11 * HOUR, 'Shop bot — تنتهي صلاحية الرمز خلال 11 ساعة'],
    ['ar', 1 * MINUTE, 'Shop bot — تنتهي صلاحية الرمز خلال دقيقة واحدة'],
  ])('%s, %d ms left: %s', (language, msLeft, expected) => {
    expect(botStatusLine(expiringIn(msLeft), language, NOW)).toBe(expected);
  });

  it.each<[string, Partial<BotWatchStatus>, Record<Language, string>]>([
    ['a dead token', { health: 'dead' }, { en: 'needs a new token', tr: 'yeni token gerekiyor', ar: 'يحتاج إلى رمز جديد' }],
    ['a failed check', { health: 'unknown', diagnosis: null }, { en: "couldn't check", tr: 'kontrol edilemedi', ar: 'تعذّر الفحص' }],
    [
      'a bot never checked',
      { health: 'unknown', diagnosis: null, lastCheckedAt: null },
      { en: 'not checked yet', tr: 'henüz kontrol edilmedi', ar: 'لم يُفحص بعد' },
    ],
    ['a check under way', { nextCheckAt: null }, { en: 'checking…', tr: 'kontrol ediliyor…', ar: 'جارٍ الفحص…' }],
    [
      'a never-expiring token',
      { diagnosis: diagnosis({ neverExpires: true }) },
      { en: 'never expires', tr: 'süresi hiç dolmaz', ar: 'الرمز لا تنتهي صلاحيته' },
    ],
    ['a working token with no known expiry', {}, { en: 'token works', tr: 'token çalışıyor', ar: 'الرمز يعمل' }],
  ])('says %s plainly in every language', (_what, overrides, expected) => {
    for (const language of ['en', 'tr', 'ar'] as const) {
      expect(botStatusLine(bot(overrides), language, NOW)).toBe(`Shop bot — ${expected[language]}`);
    }
  });

  it('counts down a working token with an expiry too', () => {
    expect(botStatusLine(expiringIn(40 * DAY, 'ok'), 'en', NOW)).toBe('Shop bot — expires in 40 days');
  });
});

describe('what the tray says happens next (issue 12)', () => {
  const in20Days = new Date(NOW + 20 * DAY).toISOString();
  const renews = bot({ expiresAt: NOW + 27 * DAY, renewal: { kind: 'renews_itself', renewsAt: in20Days, expiresAt: new Date(NOW + 27 * DAY).toISOString() } });
  const needsYou = bot({ expiresAt: NOW + 27 * DAY, renewal: { kind: 'needs_you', reason: 'no_app_credentials', expiresAt: new Date(NOW + 27 * DAY).toISOString() } });
  const hidden = bot({ renewal: { kind: 'needs_you', reason: 'no_app_credentials', expiresAt: null } });

  it.each<[Language, string, string, string]>([
    ['en', 'Shop bot — renews itself on March 21, 2026', 'Shop bot — expires on March 28, 2026, needs you', 'Shop bot — stops within 60 days of when you made it, needs you'],
    ['tr', 'Shop bot — 21 Mart 2026 tarihinde kendiliğinden yenilenecek', 'Shop bot — süresi 28 Mart 2026 tarihinde doluyor, sizin yenilemeniz gerekiyor', 'Shop bot — oluşturulduğu günden itibaren 60 gün içinde duracak, sizin yenilemeniz gerekiyor'],
  ])('%s: renews itself on a date, or needs its owner by a date, or within 60 days of its making', (language, renewsLine, needsYouLine, hiddenLine) => {
    expect(botStatusLine(renews, language, NOW)).toBe(renewsLine);
    expect(botStatusLine(needsYou, language, NOW)).toBe(needsYouLine);
    expect(botStatusLine(hidden, language, NOW)).toBe(hiddenLine);
  });

  it('says it in Arabic too', () => {
    expect(botStatusLine(renews, 'ar', NOW)).toMatch(/^Shop bot — يتجدّد وحده في /);
    expect(botStatusLine(hidden, 'ar', NOW)).toBe('Shop bot — يتوقف خلال 60 يومًا من يوم إنشائه، ويحتاج إليك');
  });

  it('offers the one click that makes it renew itself, only where the app ID and secret are what is missing', () => {
    const addAppCredentials = vi.fn();
    const template = (target: BotWatchStatus) =>
      trayMenuTemplate({ worst: 'ok', bots: [target] }, 'en', NOW, { renewToken: vi.fn(), addAppCredentials, restartBot: vi.fn(), checkNow: vi.fn(), open: vi.fn(), quit: vi.fn() });
    const submenu = (target: BotWatchStatus) => (template(target)[0]!.submenu as MenuItemConstructorOptions[]).map((item) => item.label);
    expect(submenu(hidden)).toEqual(['Let it renew itself (add the app ID and secret)…', 'Renew token…', 'Restart bot']);
    expect(submenu(needsYou)[0]).toBe('Let it renew itself (add the app ID and secret)…');
    expect(submenu(renews)).toEqual(['Renew token…', 'Restart bot']);
    const item = (template(hidden)[0]!.submenu as MenuItemConstructorOptions[])[0]!;
    (item.click as () => void)();
    expect(addAppCredentials).toHaveBeenCalledOnce();
  });

  it('a dead token or one that could not be checked keeps its own words', () => {
    expect(botStatusLine({ ...hidden, health: 'dead' }, 'en', NOW)).toBe('Shop bot — needs a new token');
    expect(botStatusLine({ ...renews, health: 'unknown' }, 'en', NOW)).toBe("Shop bot — couldn't check");
  });
});

describe('the tray menu', () => {
  const actions = (): TrayActions & Record<string, ReturnType<typeof vi.fn>> => ({
    renewToken: vi.fn(),
    addAppCredentials: vi.fn(),
    restartBot: vi.fn(),
    checkNow: vi.fn(),
    open: vi.fn(),
    quit: vi.fn(),
  });
  const status = (bots: BotWatchStatus[]): WatchStatus => ({ worst: 'expiring', bots });
  const labels = (items: MenuItemConstructorOptions[]) => items.filter((item) => item.label).map((item) => item.label);

  it('lists each bot with its own Renew and Restart, then Check now, Open and Quit (en, tr, ar)', () => {
    const bots = [expiringIn(3 * DAY), bot({ botId: 'crm', name: 'CRM', health: 'dead' })];
    const expected: Record<Language, string[]> = {
      en: ['Renew token…', 'Restart bot', 'Check now', 'Open', 'Quit'],
      tr: ["Token'ı yenile…", 'Botu yeniden başlat', 'Şimdi kontrol et', 'Aç', 'Çıkış'],
      ar: ['تجديد الرمز…', 'إعادة تشغيل البوت', 'فحص الآن', 'فتح', 'إنهاء'],
    };
    for (const language of ['en', 'tr', 'ar'] as const) {
      const menu = trayMenuTemplate(status(bots), language, NOW, actions());
      const [renew, restart, checkNow, open, quit] = expected[language];
      expect(labels(menu)).toEqual([
        botStatusLine(bots[0] as BotWatchStatus, language, NOW),
        botStatusLine(bots[1] as BotWatchStatus, language, NOW),
        checkNow,
        open,
        quit,
      ]);
      expect(labels(menu[0]?.submenu as MenuItemConstructorOptions[])).toEqual([renew, restart]);
    }
  });

  it('wires each item to its action, with the right bot', () => {
    const wired = actions();
    const menu = trayMenuTemplate(status([bot(), bot({ botId: 'crm', name: 'CRM' })]), 'en', NOW, wired);
    const click = (item: MenuItemConstructorOptions | undefined) => (item?.click as () => void)();
    click((menu[1]?.submenu as MenuItemConstructorOptions[])[0]);
    click((menu[0]?.submenu as MenuItemConstructorOptions[])[1]);
    click(menu.find((item) => item.label === 'Check now'));
    click(menu.find((item) => item.label === 'Open'));
    click(menu.find((item) => item.label === 'Quit'));
    expect(wired.renewToken).toHaveBeenCalledWith('crm');
    expect(wired.restartBot).toHaveBeenCalledWith('shop-bot');
    expect(wired.checkNow).toHaveBeenCalledOnce();
    expect(wired.open).toHaveBeenCalledOnce();
    expect(wired.quit).toHaveBeenCalledOnce();
  });

  it('says so when no bot is connected, and has nothing to check then', () => {
    const menu = trayMenuTemplate({ worst: 'ok', bots: [] }, 'tr', NOW, actions());
    expect(menu[0]).toMatchObject({ label: 'Henüz bağlı bot yok', enabled: false });
    expect(menu.find((item) => item.label === 'Şimdi kontrol et')?.enabled).toBe(false);
  });

  it('shows an "&" in a bot name as itself, not as a keyboard mnemonic', () => {
    const menu = trayMenuTemplate(status([bot({ name: 'Tom & Jerry' })]), 'en', NOW, actions());
    expect(menu[0]?.label).toBe('Tom && Jerry — token works');
  });
});

describe('the tray tooltip', () => {
  it.each<[Health, string]>([
    ['ok', 'WA Token Doctor: all tokens work'],
    ['expiring', 'WA Token Doctor: a token expires soon'],
    ['dead', 'WA Token Doctor: a token needs renewing'],
    ['unknown', "WA Token Doctor: couldn't check every token"],
  ])('names the worst state (%s)', (worst, expected) => {
    expect(trayTooltip({ worst, bots: [bot()] }, 'en')).toBe(expected);
  });

  it('is translated, and says when nothing is connected yet', () => {
    expect(trayTooltip({ worst: 'dead', bots: [bot()] }, 'ar')).toBe('WA Token Doctor: أحد الرموز يحتاج إلى تجديد');
    expect(trayTooltip({ worst: 'ok', bots: [] }, 'tr')).toBe('WA Token Doctor: henüz bağlı bot yok');
  });
});

describe('the tray icon files', () => {
  it('uses template images on macOS, .ico on Windows and PNG on Linux', () => {
    expect(trayIconFile('/app/assets', 'dead', 'darwin')).toBe('/app/assets/tray/deadTemplate.png');
    expect(trayIconFile('/app/assets', 'dead', 'win32')).toBe('/app/assets/tray/dead.ico');
    expect(trayIconFile('/app/assets', 'dead', 'linux')).toBe('/app/assets/tray/dead.png');
  });

  it('marks the macOS image as a template so the menu bar can tint it', () => {
    const { electron } = createFakeElectron();
    const mac = loadTrayIcon(electron.nativeImage, '/app/assets', 'ok', 'darwin') as unknown as FakeImage;
    const windows = loadTrayIcon(electron.nativeImage, '/app/assets', 'ok', 'win32') as unknown as FakeImage;
    expect(mac).toMatchObject({ path: '/app/assets/tray/okTemplate.png', template: true });
    expect(windows).toMatchObject({ path: '/app/assets/tray/ok.ico', template: false });
  });
});

describe('the tray', () => {
  afterEach(() => vi.useRealTimers());

  function statusTray(options: { platform?: NodeJS.Platform; language?: Language } = {}) {
    const { fake } = createFakeElectron();
    let language: Language = options.language ?? 'en';
    let tray: FakeTray | undefined;
    const actions = { renewToken: vi.fn(), addAppCredentials: vi.fn(), restartBot: vi.fn(), checkNow: vi.fn(), open: vi.fn(), quit: vi.fn() };
    const controller = new StatusTray({
      createTray: (image) => (tray = new FakeTray(image as unknown as FakeImage)) as unknown as Tray,
      loadIcon: (state) => fake.nativeImage.createFromPath(`/tray/${state}.png`) as unknown as NativeImage,
      buildMenu: (template) => fake.Menu.buildFromTemplate(template as never) as unknown as Menu,
      language: () => language,
      now: () => NOW,
      clickOpensWindow: (options.platform ?? 'win32') !== 'darwin',
      actions,
    });
    const shown = () => {
      if (!tray) throw new Error('no tray');
      return tray;
    };
    return { controller, shown, actions, setLanguage: (next: Language) => (language = next) };
  }

  it('starts neutral, then shows the worst state the watch reports', () => {
    const { controller, shown } = statusTray();
    expect(shown().image.path).toBe('/tray/unknown.png');
    controller.update({ worst: 'dead', bots: [bot({ health: 'dead' })] });
    expect(shown().image.path).toBe('/tray/dead.png');
    expect(shown().tooltip).toBe('WA Token Doctor: a token needs renewing');
    expect(shown().item('Shop bot — needs a new token')).toBeDefined();
  });

  it('rebuilds the menu when the bots change', () => {
    const { controller, shown } = statusTray();
    controller.update({ worst: 'ok', bots: [bot()] });
    controller.update({ worst: 'ok', bots: [bot(), bot({ botId: 'crm', name: 'CRM' })] });
    expect(shown().item('CRM — token works')).toBeDefined();
    controller.update({ worst: 'ok', bots: [bot({ botId: 'crm', name: 'CRM' })] });
    expect(() => shown().item('Shop bot — token works')).toThrow();
  });

  it('speaks the new language after a render', () => {
    const { controller, shown, setLanguage } = statusTray();
    controller.update({ worst: 'ok', bots: [bot()] });
    setLanguage('tr');
    controller.render();
    expect(shown().item('Çıkış')).toBeDefined();
    expect(shown().tooltip).toBe("WA Token Doctor: tüm token'lar çalışıyor");
  });

  it('opens the window on click on Windows and Linux, but not on macOS (where a click opens the menu)', () => {
    const windows = statusTray({ platform: 'win32' });
    windows.shown().emit('click');
    expect(windows.actions.open).toHaveBeenCalledOnce();
    const mac = statusTray({ platform: 'darwin' });
    mac.shown().emit('click');
    expect(mac.actions.open).not.toHaveBeenCalled();
  });

  it('refreshes its countdown by itself, and stops when destroyed', () => {
    vi.useFakeTimers({ now: NOW });
    let now = NOW;
    const { fake } = createFakeElectron();
    let tray: FakeTray | undefined;
    const controller = new StatusTray({
      createTray: (image) => (tray = new FakeTray(image as unknown as FakeImage)) as unknown as Tray,
      loadIcon: (state) => fake.nativeImage.createFromPath(state) as unknown as NativeImage,
      buildMenu: (template) => fake.Menu.buildFromTemplate(template as never) as unknown as Menu,
      language: () => 'en',
      now: () => now,
      clickOpensWindow: true,
      actions: { renewToken: vi.fn(), addAppCredentials: vi.fn(), restartBot: vi.fn(), checkNow: vi.fn(), open: vi.fn(), quit: vi.fn() },
    });
    controller.update({ worst: 'expiring', bots: [bot({ health: 'expiring', expiresAt: NOW + 3 * HOUR })] });
    expect(tray?.item('Shop bot — expires in 3 hours')).toBeDefined();
    now += HOUR;
    vi.advanceTimersByTime(TRAY_REFRESH_MS * 4);
    expect(tray?.item('Shop bot — expires in 2 hours')).toBeDefined();
    controller.destroy();
    expect(tray?.destroyed).toBe(true);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('ignores a report that arrives after it was destroyed (a check still running at quit)', () => {
    const { controller, shown } = statusTray();
    controller.update({ worst: 'ok', bots: [bot()] });
    controller.destroy();
    shown().setImage = () => {
      throw new Error('Object has been destroyed');
    };
    expect(() => controller.update({ worst: 'dead', bots: [bot({ health: 'dead' })] })).not.toThrow();
  });
});
