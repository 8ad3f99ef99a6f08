import { describe, expect, it } from 'vitest';
import { LANGUAGES, LOCALE_FILES, isLocaleEntry, type LocaleTree } from '../../../assets/locales';
import { translate } from '../../../src-main/core/i18n/translate';
import {
  autoRenewFailedNotification,
  deadNotification,
  expiredByClockNotification,
  expiringNotification,
  renewedNotification,
  severalBotsNotification,
  timeLeftInWords,
  type WatchNotification,
} from '../../../src-main/core/monitor/notification-messages';
import { DAY, HOUR, MINUTE } from '../../../src-main/core/monitor/settings';

const EXPIRES_AT = Date.UTC(2026, 10, 21, 17, 0);
const BOT = 'Lezzet Cafe';

const everyNotification: WatchNotification[] = [
  ...[1, 2, 5, 7, 11, 100].map((days) => expiringNotification('b', BOT, days * DAY)),
  ...[1, 2, 3, 13].map((hours) => expiringNotification('b', BOT, hours * HOUR)),
  ...[1, 30].map((minutes) => expiringNotification('b', BOT, minutes * MINUTE)),
  expiredByClockNotification('b', BOT, EXPIRES_AT),
  deadNotification('b', BOT, 'expired'),
  deadNotification('b', BOT, 'revoked'),
  deadNotification('b', BOT, 'wrong_account'),
  renewedNotification('b', BOT),
  autoRenewFailedNotification('b', BOT),
  ...[1, 2, 3, 11, 100].map(severalBotsNotification),
];

function leaves(tree: LocaleTree, prefix = ''): [string, { message: string; description?: string }][] {
  return Object.entries(tree).flatMap(([key, node]) =>
    isLocaleEntry(node) ? [[`${prefix}${key}`, node] as [string, typeof node]] : leaves(node, `${prefix}${key}.`),
  );
}

const notifyTree = (language: (typeof LANGUAGES)[number]) => LOCALE_FILES[language].shell.notify as LocaleTree;

describe('notification texts', () => {
  it.each(LANGUAGES)('every notification reads as a finished sentence in %s, naming the bot', (language) => {
    for (const notification of everyNotification) {
      for (const message of [notification.title, notification.body]) {
        const text = translate(language, message);
        expect(text, message.key).not.toContain('{{');
        expect(text, message.key).not.toContain('notify.');
        if (language === 'ar') expect(text, message.key).toMatch(/[\u0600-\u06FF]/);
        if (language !== 'en') expect(text, message.key).not.toBe(translate('en', message));
      }
      if (notification.botId !== null) expect(translate(language, notification.title)).toContain(BOT);
    }
  });

  it('puts the count where the plural needs it', () => {
    expect(translate('en', expiringNotification('b', BOT, 5 * DAY).body)).toContain('in 5 days');
    expect(translate('en', expiringNotification('b', BOT, DAY).body)).toContain('in 1 day.');
    expect(translate('tr', expiringNotification('b', BOT, 3 * HOUR).body)).toContain('3 saat içinde');
    expect(translate('ar', expiringNotification('b', BOT, 2 * DAY).body)).toContain('يومين');
    expect(translate('ar', expiringNotification('b', BOT, 5 * DAY).body)).toContain('5 أيام');
    expect(translate('ar', expiringNotification('b', BOT, 11 * DAY).body)).toContain('11 يومًا');
  });

  it('shows the expiry time in the reader\'s language, not as a raw timestamp', () => {
    for (const language of LANGUAGES) {
      const text = translate(language, expiredByClockNotification('b', BOT, EXPIRES_AT).body);
      expect(text).not.toContain('2026-11-21T');
      expect(text).toMatch(/2026|٢٠٢٦/);
    }
  });

  it('has a description for translators on every English text', () => {
    for (const [key, entry] of leaves(notifyTree('en'))) expect(entry.description, key).toBeTruthy();
  });

  it('has every text in Turkish and Arabic, and all six Arabic plural forms', () => {
    const base = (key: string) => key.replace(/_(zero|one|two|few|many|other)$/, '');
    const englishKeys = new Set(leaves(notifyTree('en')).map(([key]) => base(key)));
    for (const language of ['tr', 'ar'] as const) {
      expect(new Set(leaves(notifyTree(language)).map(([key]) => base(key)))).toEqual(englishKeys);
    }
    const arabicKeys = leaves(notifyTree('ar')).map(([key]) => key);
    const plurals = [...new Set(arabicKeys.filter((key) => key !== base(key)).map(base))];
    expect(plurals.sort()).toEqual(['expiring.inDays', 'expiring.inHours', 'expiring.inMinutes', 'several.title']);
    for (const key of plurals) {
      for (const form of ['zero', 'one', 'two', 'few', 'many', 'other']) expect(arabicKeys).toContain(`${key}_${form}`);
    }
  });
});

describe('timeLeftInWords', () => {
  it.each([
    [7 * DAY - MINUTE, 'Days', 7],
    [5 * DAY + 3 * HOUR, 'Days', 5],
    [DAY - 10 * MINUTE, 'Days', 1],
    [23 * HOUR, 'Hours', 23],
    [HOUR, 'Hours', 1],
    [59 * MINUTE + 50 * 1000, 'Hours', 1],
    // Half a unit short of a day (or an hour) still reads as one: a wake-up a few minutes late says "1 day".
    [DAY - 30 * MINUTE, 'Days', 1],
    [DAY - 30 * MINUTE - 1, 'Hours', 23],
    [HOUR - 30 * 1000, 'Hours', 1],
    [HOUR - 30 * 1000 - 1, 'Minutes', 59],
    [58 * MINUTE, 'Minutes', 58],
    [20 * MINUTE, 'Minutes', 20],
    [5 * 1000, 'Minutes', 1],
  ])('%i ms → %s %i', (ms, unit, count) => {
    expect(timeLeftInWords(ms)).toEqual({ unit, count });
  });
});
