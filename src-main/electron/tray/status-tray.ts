// The tray: an icon for the worst state, a tooltip, and the menu, rebuilt whenever the watch reports, the
// language changes, or a countdown in it may have moved on.
import type { Menu, MenuItemConstructorOptions, NativeImage, Tray } from 'electron';
import type { Language } from '../../../assets/locales';
import type { Health, WatchStatus } from '../../core/monitor';
import { trayMenuTemplate, trayTooltip, type TrayActions } from './tray-menu';

/** "Expires in 3 days" goes stale; a quarter of an hour keeps it honest at no cost. */
export const TRAY_REFRESH_MS = 15 * 60 * 1000;

export interface StatusTrayHost {
  createTray(image: NativeImage): Tray;
  loadIcon(state: Health): NativeImage;
  buildMenu(template: MenuItemConstructorOptions[]): Menu;
  language(): Language;
  now(): number;
  /** On macOS a click opens the menu; elsewhere it opens the window. */
  clickOpensWindow: boolean;
  actions: TrayActions;
}

const NO_BOTS: WatchStatus = { worst: 'ok', bots: [] };
/** With no bot connected nothing is "fine": the neutral icon says there is nothing to watch yet. */
const NOTHING_WATCHED: Health = 'unknown';

export class StatusTray {
  #tray: Tray;
  #status: WatchStatus = NO_BOTS;
  #shownState: Health = NOTHING_WATCHED;
  #refreshTimer: ReturnType<typeof setInterval>;
  #destroyed = false;

  constructor(private readonly host: StatusTrayHost) {
    this.#tray = host.createTray(host.loadIcon(this.#shownState));
    if (host.clickOpensWindow) this.#tray.on('click', () => host.actions.open());
    this.#refreshTimer = setInterval(() => this.render(), TRAY_REFRESH_MS);
    this.#refreshTimer.unref();
    this.render();
  }

  update(status: WatchStatus): void {
    this.#status = status;
    this.render();
  }

  render(): void {
    // A check still running when the app quits reports afterwards; Electron throws on a destroyed tray.
    if (this.#destroyed) return;
    const language = this.host.language();
    const state = this.#status.bots.length === 0 ? NOTHING_WATCHED : this.#status.worst;
    if (state !== this.#shownState) {
      this.#tray.setImage(this.host.loadIcon(state));
      this.#shownState = state;
    }
    this.#tray.setToolTip(trayTooltip(this.#status, language));
    this.#tray.setContextMenu(
      this.host.buildMenu(trayMenuTemplate(this.#status, language, this.host.now(), this.host.actions)),
    );
  }

  destroy(): void {
    this.#destroyed = true;
    clearInterval(this.#refreshTimer);
    this.#tray.destroy();
  }
}
