// The words of each notification the watch can show: `shell:notify.*` keys and their parameters.
import type { UserMessage } from '../errors';
import type { TokenStatus } from '../graph/types';
import { DAY, HOUR, MINUTE } from './settings';

export type BotNotificationKind = 'expiring' | 'expired' | 'dead' | 'renewed' | 'auto_renew_failed';

/** Clicking opens the wizard for the bot, or the dashboard when there is nothing to fix. */
export type NotificationAction = 'open-wizard' | 'open-dashboard';

export interface BotNotification {
  botId: string;
  kind: BotNotificationKind;
  title: UserMessage;
  body: UserMessage;
  action: NotificationAction;
}

/** Stands in for several bots' notifications when showing each would exceed the hourly cap. */
export interface SummaryNotification {
  botId: null;
  kind: 'several';
  title: UserMessage;
  body: UserMessage;
  action: 'open-dashboard';
}

export type WatchNotification = BotNotification | SummaryNotification;

/** "In N days" while a day or more is left, then hours, then minutes (a wake-up late for the 1-hour warning). */
export function timeLeftInWords(ms: number): { unit: 'Days' | 'Hours' | 'Minutes'; count: number } {
  if (ms >= DAY - HOUR / 2) return { unit: 'Days', count: Math.max(1, Math.round(ms / DAY)) };
  if (ms >= HOUR - MINUTE / 2) return { unit: 'Hours', count: Math.max(1, Math.round(ms / HOUR)) };
  return { unit: 'Minutes', count: Math.max(1, Math.round(ms / MINUTE)) };
}

function botMessage(botId: string, kind: BotNotificationKind, body: UserMessage, botName: string): BotNotification {
  const key = kind === 'auto_renew_failed' ? 'autoRenewFailed' : kind;
  return {
    botId,
    kind,
    title: { key: `shell:notify.${key}.title`, params: { botName } },
    body: { ...body, params: { ...body.params, botName } },
    action: kind === 'renewed' ? 'open-dashboard' : 'open-wizard',
  };
}

export function expiringNotification(botId: string, botName: string, msLeft: number): BotNotification {
  const { unit, count } = timeLeftInWords(msLeft);
  return botMessage(botId, 'expiring', { key: `shell:notify.expiring.in${unit}`, params: { count } }, botName);
}

/** Expired by its own clock while Meta could not be asked: said as such, never as "Meta says it is dead". */
export function expiredByClockNotification(botId: string, botName: string, expiresAt: number): BotNotification {
  const body = { key: 'shell:notify.expired.body', params: { expiresAt: new Date(expiresAt).toISOString() } };
  return botMessage(botId, 'expired', body, botName);
}

export function deadNotification(botId: string, botName: string, status: TokenStatus): BotNotification {
  const reason = status === 'expired' || status === 'revoked' ? status : 'rejected';
  return botMessage(botId, 'dead', { key: `shell:notify.dead.${reason}` }, botName);
}

export function renewedNotification(botId: string, botName: string): BotNotification {
  return botMessage(botId, 'renewed', { key: 'shell:notify.renewed.body' }, botName);
}

export function autoRenewFailedNotification(botId: string, botName: string): BotNotification {
  return botMessage(botId, 'auto_renew_failed', { key: 'shell:notify.autoRenewFailed.body' }, botName);
}

export function severalBotsNotification(count: number): SummaryNotification {
  return {
    botId: null,
    kind: 'several',
    title: { key: 'shell:notify.several.title', params: { count } },
    body: { key: 'shell:notify.several.body' },
    action: 'open-dashboard',
  };
}
