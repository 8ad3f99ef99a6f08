// The app's one window, created on first need (a login start stays tray-only and costs no renderer) and hidden,
// not closed, when the owner closes it: the watch keeps running in the tray. Only Quit really closes it.
import type { BrowserWindow, BrowserWindowConstructorOptions } from 'electron';

export interface MainWindowSettings {
  createWindow(options: BrowserWindowConstructorOptions): BrowserWindow;
  options: BrowserWindowConstructorOptions;
  /** The page to load: app://doctor/index.html, or the dev server in development. */
  url: string;
  log(line: string): void;
}

export class MainWindow {
  #window: BrowserWindow | null = null;
  #painted = false;
  #loaded = false;
  #showWhenPainted = false;
  #afterLoad: (() => void)[] = [];
  #closeAllowed = false;

  constructor(private readonly settings: MainWindowSettings) {}

  /** The live window, if there is one: the only window calls are accepted from and events are sent to. */
  current(): BrowserWindow | null {
    return this.#window && !this.#window.isDestroyed() ? this.#window : null;
  }

  /** Creates the window when needed, then brings it to the front (once it has painted). */
  show(): void {
    const window = this.#ensureWindow();
    if (!this.#painted) {
      this.#showWhenPainted = true;
      return;
    }
    if (window.isMinimized()) window.restore();
    window.show();
    window.focus();
  }

  /** Shows the window and runs `action` once the page has loaded, e.g. to send it an event it must not miss. */
  showThen(action: () => void): void {
    this.show();
    if (this.#loaded) action();
    else this.#afterLoad.push(action);
  }

  /** Called when the app is quitting: from now on closing really closes. */
  allowClose(): void {
    this.#closeAllowed = true;
  }

  #ensureWindow(): BrowserWindow {
    const existing = this.current();
    if (existing) return existing;
    const window = this.settings.createWindow(this.settings.options);
    this.#window = window;
    this.#painted = false;
    this.#loaded = false;
    window.once('ready-to-show', () => {
      this.#painted = true;
      if (this.#showWhenPainted) {
        this.#showWhenPainted = false;
        this.show();
      }
    });
    window.webContents.on('did-finish-load', () => {
      this.#loaded = true;
      for (const action of this.#afterLoad.splice(0)) action();
    });
    window.on('close', (event) => {
      if (this.#closeAllowed) return;
      event.preventDefault();
      window.hide();
    });
    // Windows logging off or shutting down: hiding instead of closing would hold the session up.
    window.on('session-end', () => this.allowClose());
    window.on('closed', () => {
      if (this.#window === window) this.#window = null;
    });
    window.loadURL(this.settings.url).catch((error: unknown) => {
      this.settings.log(`the window could not load its page: ${error instanceof Error ? error.message : String(error)}`);
    });
    return window;
  }
}
