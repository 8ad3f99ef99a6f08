// OS notifications in the app's language. A click shows the window and, for a warning about one bot, opens
// the renewal wizard for it. Each notification is held until it is clicked, closed or failed: one that nothing
// references can be garbage-collected first, and its click is then silently lost.
import type { Notification, NotificationConstructorOptions } from 'electron';
import type { Language } from '../../assets/locales';
import type { UserMessage } from '../core/errors';
import { translate } from '../core/i18n/translate';
import type { NotificationAction } from '../core/monitor';

export interface ShellNotification {
  /** The bot it is about; null for a summary of several. */
  botId: string | null;
  title: UserMessage;
  body: UserMessage;
  action: NotificationAction;
}

export interface NotificationHost {
  isSupported(): boolean;
  create(options: NotificationConstructorOptions): Notification;
  language(): Language;
  /** Shows the window; with a bot id, opens the wizard for it. */
  open(target: { wizardFor: string | null }): void;
}

export class NotificationCenter {
  readonly #alive = new Set<Notification>();

  constructor(private readonly host: NotificationHost) {}

  get pending(): number {
    return this.#alive.size;
  }

  show(notification: ShellNotification): void {
    if (!this.host.isSupported()) return;
    const language = this.host.language();
    const shown = this.host.create({
      title: translate(language, notification.title),
      body: translate(language, notification.body),
    });
    const wizardFor = notification.action === 'open-wizard' ? notification.botId : null;
    const release = () => this.#alive.delete(shown);
    shown.on('click', () => {
      release();
      this.host.open({ wizardFor });
    });
    shown.on('close', release);
    shown.on('failed', release);
    this.#alive.add(shown);
    shown.show();
  }
}
