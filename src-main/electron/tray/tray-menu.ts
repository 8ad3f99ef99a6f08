// What the tray says, in the app's language: a status line per bot with its actions, then "Check now", "Open"
// and "Quit", and a tooltip for the worst state. Pure: the tray controller turns it into a real menu.
import type { MenuItemConstructorOptions } from 'electron';
import type { Language } from '../../../assets/locales';
import { translate } from '../../core/i18n/translate';
import type { BotWatchStatus, Health, WatchStatus } from '../../core/monitor';
import { timeLeftInWords } from '../../core/monitor/notification-messages';

export interface TrayActions {
  renewToken(botId: string): void;
  /** Opens Settings at the app's ID and secret, so a 60-day token renews itself. */
  addAppCredentials(): void;
  restartBot(botId: string): void;
  checkNow(): void;
  open(): void;
  quit(): void;
}

type TrayBot = Pick<BotWatchStatus, 'botId' | 'name' | 'health' | 'diagnosis' | 'lastCheckedAt' | 'nextCheckAt' | 'expiresAt'> &
  Partial<Pick<BotWatchStatus, 'renewal'>>;

const text = (language: Language, key: string, params?: Record<string, string | number>) =>
  translate(language, params ? { key: `shell:tray.${key}`, params } : { key: `shell:tray.${key}` });

/** Windows and Linux read "&" in a menu label as a keyboard mnemonic; "&&" shows the character itself. */
function menuLabel(label: string): string {
  return label.replace(/&/g, '&&');
}

/** "expires in 3 days", "could not check", "needs a new token"… */
export function botStatusText(bot: TrayBot, language: Language, now: number): string {
  if (bot.nextCheckAt === null) return text(language, 'status.checking');
  switch (bot.health) {
    case 'dead':
      return text(language, 'status.needsNewToken');
    case 'unknown':
      return text(language, bot.lastCheckedAt === null ? 'status.notChecked' : 'status.couldNotCheck');
    case 'expiring':
    case 'ok': {
      // Far off: what happens then (renews itself, or needs you); close by, the countdown says more.
      const outlook = bot.health === 'ok' ? outlookText(bot, language) : null;
      if (outlook) return outlook;
      if (bot.expiresAt !== null) {
        const { unit, count } = timeLeftInWords(bot.expiresAt - now);
        return text(language, `status.expiresIn${unit}`, { count });
      }
      if (bot.health === 'expiring') return text(language, 'status.expiresSoon');
      return text(language, bot.diagnosis?.neverExpires ? 'status.neverExpires' : 'status.valid');
    }
  }
}

/** "renews itself on DATE", "expires on DATE, needs you", "stops within 60 days of when you made it, needs you". */
function outlookText(bot: TrayBot, language: Language): string | null {
  const outlook = bot.renewal;
  if (outlook?.kind === 'renews_itself') return text(language, 'status.renewsItself', { date: outlook.renewsAt });
  if (outlook?.kind !== 'needs_you') return null;
  return outlook.expiresAt ? text(language, 'status.expiresNeedsYou', { date: outlook.expiresAt }) : text(language, 'status.within60DaysNeedsYou');
}

/** The one-click way to make a token renew itself, where what it lacks is the app's ID and secret. */
function needsAppCredentials(bot: TrayBot): boolean {
  return bot.renewal?.kind === 'needs_you' && bot.renewal.reason === 'no_app_credentials';
}

export function botStatusLine(bot: TrayBot, language: Language, now: number): string {
  return text(language, 'botLine', { botName: bot.name, status: botStatusText(bot, language, now) });
}

export function trayTooltip(status: WatchStatus, language: Language): string {
  const state: Health | 'noBots' = status.bots.length === 0 ? 'noBots' : status.worst;
  return text(language, `tooltip.${state}`);
}

export function trayMenuTemplate(
  status: WatchStatus,
  language: Language,
  now: number,
  actions: TrayActions,
): MenuItemConstructorOptions[] {
  const botItems: MenuItemConstructorOptions[] =
    status.bots.length === 0
      ? [{ label: text(language, 'menu.noBots'), enabled: false }]
      : status.bots.map((bot) => ({
          label: menuLabel(botStatusLine(bot, language, now)),
          submenu: [
            ...(needsAppCredentials(bot) ? [{ label: text(language, 'menu.addAppCredentials'), click: () => actions.addAppCredentials() }] : []),
            { label: text(language, 'menu.renewToken'), click: () => actions.renewToken(bot.botId) },
            { label: text(language, 'menu.restartBot'), click: () => actions.restartBot(bot.botId) },
          ],
        }));
  return [
    ...botItems,
    { type: 'separator' },
    { label: text(language, 'menu.checkNow'), enabled: status.bots.length > 0, click: () => actions.checkNow() },
    { label: text(language, 'menu.open'), click: () => actions.open() },
    { type: 'separator' },
    { label: text(language, 'menu.quit'), click: () => actions.quit() },
  ];
}
