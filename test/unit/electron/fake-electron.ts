// A small hand-written stand-in for the Electron objects the shell uses. Each call of createFakeElectron()
// gives fresh objects that record what the shell did to them, plus helpers that play the OS or the page.
import { EventEmitter } from 'node:events';
import type { ShellElectron } from '../../../src-main/electron/shell-electron';

export interface FakeEvent {
  defaultPrevented: boolean;
  preventDefault(): void;
}

export function fakeEvent(): FakeEvent {
  return {
    defaultPrevented: false,
    preventDefault() {
      this.defaultPrevented = true;
    },
  };
}

export class FakeWebContents extends EventEmitter {
  url = '';
  readonly sent: { channel: string; payload: unknown }[] = [];
  windowOpenHandler: ((details: { url: string }) => { action: string }) | null = null;

  setWindowOpenHandler(handler: (details: { url: string }) => { action: string }): void {
    this.windowOpenHandler = handler;
  }
  getURL(): string {
    return this.url;
  }
  send(channel: string, payload: unknown): void {
    this.sent.push({ channel, payload });
  }
}

export class FakeTray extends EventEmitter {
  tooltip = '';
  menu: { template: Record<string, unknown>[] } | null = null;
  destroyed = false;
  constructor(public image: FakeImage) {
    super();
  }
  setImage(image: FakeImage): void {
    this.image = image;
  }
  setToolTip(text: string): void {
    this.tooltip = text;
  }
  setContextMenu(menu: { template: Record<string, unknown>[] }): void {
    this.menu = menu;
  }
  destroy(): void {
    this.destroyed = true;
  }
  /** The menu item whose label is `label`, searched in submenus too. */
  item(label: string): Record<string, unknown> {
    const search = (items: Record<string, unknown>[]): Record<string, unknown> | undefined => {
      for (const item of items) {
        if (item.label === label) return item;
        const found = Array.isArray(item.submenu) ? search(item.submenu as Record<string, unknown>[]) : undefined;
        if (found) return found;
      }
      return undefined;
    };
    const found = search(this.menu?.template ?? []);
    if (!found) throw new Error(`no tray menu item "${label}"`);
    return found;
  }
  click(label: string): void {
    (this.item(label).click as () => void)();
  }
}

export interface FakeImage {
  path: string;
  template: boolean;
  setTemplateImage(template: boolean): void;
}

export function createFakeElectron(options: { lockGranted?: boolean; isPackaged?: boolean; languages?: string[] } = {}) {
  const calls: string[] = [];

  class FakeBrowserWindow extends EventEmitter {
    static readonly instances: FakeBrowserWindow[] = [];
    static fromWebContents(contents: unknown): FakeBrowserWindow | null {
      return FakeBrowserWindow.instances.find((window) => window.webContents === contents) ?? null;
    }
    readonly webContents = new FakeWebContents();
    visible = false;
    focused = false;
    minimized = false;
    destroyed = false;
    loadedUrl: string | null = null;

    constructor(readonly options: Record<string, unknown>) {
      super();
      FakeBrowserWindow.instances.push(this);
    }
    loadURL(url: string): Promise<void> {
      this.loadedUrl = url;
      return Promise.resolve();
    }
    show(): void {
      this.visible = true;
    }
    hide(): void {
      this.visible = false;
    }
    focus(): void {
      this.focused = true;
    }
    isMinimized(): boolean {
      return this.minimized;
    }
    restore(): void {
      this.minimized = false;
    }
    isDestroyed(): boolean {
      return this.destroyed;
    }
    /** The owner clicks the close button. */
    close(): void {
      const event = fakeEvent();
      this.emit('close', event);
      if (!event.defaultPrevented) {
        this.destroyed = true;
        this.emit('closed');
      }
    }
    /** The page paints, then finishes loading at `url`. */
    finishLoading(url = this.loadedUrl ?? ''): void {
      this.emit('ready-to-show');
      this.webContents.url = url;
      this.webContents.emit('did-finish-load');
    }
  }

  class FakeApp extends EventEmitter {
    isPackaged = options.isPackaged ?? true;
    readonly loginItemSettings: Record<string, unknown>[] = [];
    quitRequested = false;
    exitCode: number | null = null;
    #ready = false;
    #resolveReady: () => void = () => {};
    readonly #whenReady = new Promise<void>((resolve) => {
      this.#resolveReady = resolve;
    });

    enableSandbox(): void {
      calls.push('enableSandbox');
    }
    requestSingleInstanceLock(): boolean {
      calls.push('requestSingleInstanceLock');
      return options.lockGranted ?? true;
    }
    setAppUserModelId(id: string): void {
      calls.push(`setAppUserModelId:${id}`);
    }
    whenReady(): Promise<void> {
      return this.#whenReady;
    }
    isReady(): boolean {
      return this.#ready;
    }
    quit(): void {
      calls.push('quit');
      this.quitRequested = true;
      this.emit('before-quit', fakeEvent());
    }
    exit(code: number): void {
      this.exitCode = code;
    }
    getPreferredSystemLanguages(): string[] {
      return options.languages ?? ['en-US'];
    }
    getVersion(): string {
      return '0.1.0';
    }
    getAppPath(): string {
      return '/app';
    }
    getLoginItemSettings() {
      return { openAtLogin: false, wasOpenedAtLogin: false };
    }
    setLoginItemSettings(settings: Record<string, unknown>): void {
      this.loginItemSettings.push(settings);
    }
    /** Electron finished starting; resolves once the shell's "ready" work has run. */
    async becomeReady(): Promise<void> {
      calls.push('ready');
      this.#ready = true;
      this.#resolveReady();
      await new Promise((resolve) => setImmediate(resolve));
    }
  }

  class FakeNotification extends EventEmitter {
    static supported = true;
    static readonly instances: FakeNotification[] = [];
    static isSupported(): boolean {
      return FakeNotification.supported;
    }
    shown = false;
    constructor(readonly options: { title: string; body: string }) {
      super();
      FakeNotification.instances.push(this);
    }
    show(): void {
      this.shown = true;
    }
  }

  const trays: FakeTray[] = [];
  class TrayClass extends FakeTray {
    constructor(image: FakeImage) {
      super(image);
      trays.push(this);
    }
  }

  const app = new FakeApp();
  const protocol = {
    privileged: [] as unknown[],
    handlers: new Map<string, (request: Request) => Promise<Response>>(),
    registerSchemesAsPrivileged(schemes: unknown[]) {
      calls.push('registerSchemesAsPrivileged');
      this.privileged.push(...schemes);
    },
    handle(scheme: string, handler: (request: Request) => Promise<Response>) {
      this.handlers.set(scheme, handler);
    },
  };
  const defaultSession = {
    requestHandler: null as null | ((contents: unknown, permission: string, callback: (granted: boolean) => void) => void),
    checkHandler: null as null | ((...args: unknown[]) => boolean),
    deviceHandler: null as null | ((...args: unknown[]) => boolean),
    setPermissionRequestHandler(handler: typeof this.requestHandler) {
      this.requestHandler = handler;
    },
    setPermissionCheckHandler(handler: typeof this.checkHandler) {
      this.checkHandler = handler;
    },
    setDevicePermissionHandler(handler: typeof this.deviceHandler) {
      this.deviceHandler = handler;
    },
  };
  const ipcMain = {
    handlers: new Map<string, (event: unknown, input: unknown) => Promise<unknown>>(),
    handle(channel: string, handler: (event: unknown, input: unknown) => Promise<unknown>) {
      if (this.handlers.has(channel)) throw new Error(`second handler for ${channel}`);
      this.handlers.set(channel, handler);
    },
  };
  const net = {
    online: true,
    isOnline() {
      return this.online;
    },
  };
  const shell = {
    opened: [] as string[],
    async openExternal(url: string) {
      this.opened.push(url);
    },
  };
  const clipboard = {
    text: '',
    async readText() {
      return this.text;
    },
    clear() {
      this.text = '';
    },
  };
  const dialog = {
    errorBoxes: [] as { title: string; content: string }[],
    showErrorBox(title: string, content: string) {
      this.errorBoxes.push({ title, content });
    },
    requests: [] as unknown[],
    answer: { canceled: true, filePaths: [] as string[] },
    async showOpenDialog(...args: unknown[]) {
      this.requests.push(args.at(-1));
      return this.answer;
    },
  };
  const nativeImage = {
    createFromPath(path: string): FakeImage {
      return {
        path,
        template: false,
        setTemplateImage(template: boolean) {
          this.template = template;
        },
      };
    },
  };
  const Menu = { buildFromTemplate: (template: Record<string, unknown>[]) => ({ template }) };

  const fake = {
    calls,
    app,
    BrowserWindow: FakeBrowserWindow,
    protocol,
    session: { defaultSession },
    ipcMain,
    Tray: TrayClass,
    trays,
    Menu,
    nativeImage,
    Notification: FakeNotification,
    powerMonitor: new EventEmitter(),
    net,
    shell,
    dialog,
    clipboard,
  };
  return { fake, electron: fake as unknown as ShellElectron };
}

export type FakeElectron = ReturnType<typeof createFakeElectron>['fake'];
