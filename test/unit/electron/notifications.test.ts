import type { Notification } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import type { Language } from '../../../assets/locales';
import { expiringNotification, severalBotsNotification } from '../../../src-main/core/monitor/notification-messages';
import { DAY } from '../../../src-main/core/monitor/settings';
import { NotificationCenter } from '../../../src-main/electron/notifications';
import { createFakeElectron } from './fake-electron';

function center(language: Language = 'en') {
  const { fake } = createFakeElectron();
  const open = vi.fn();
  const notifications = new NotificationCenter({
    isSupported: () => fake.Notification.isSupported(),
    create: (options) => new fake.Notification(options as never) as unknown as Notification,
    language: () => language,
    open,
  });
  const last = () => {
    const shown = fake.Notification.instances.at(-1);
    if (!shown) throw new Error('nothing was shown');
    return shown;
  };
  return { fake, notifications, open, last };
}

describe('notifications', () => {
  it('are shown translated, in the app language', () => {
    const english = center('en');
    english.notifications.show(expiringNotification('shop-bot', 'Shop bot', 3 * DAY));
    expect(english.last().options).toEqual({
      title: 'Shop bot: token expires soon',
      body: 'The WhatsApp token expires in 3 days. Click to renew it now.',
    });
    expect(english.last().shown).toBe(true);

    const arabic = center('ar');
    arabic.notifications.show(expiringNotification('shop-bot', 'Shop bot', 2 * DAY));
    expect(arabic.last().options.body).toContain('يومين');
  });

  it('open the wizard for that bot when clicked', () => {
    const { notifications, open, last } = center();
    notifications.show(expiringNotification('crm-bot', 'CRM', DAY));
    expect(open).not.toHaveBeenCalled();
    last().emit('click');
    expect(open).toHaveBeenCalledWith({ wizardFor: 'crm-bot' });
  });

  it('open just the dashboard for a summary of several bots', () => {
    const { notifications, open, last } = center();
    notifications.show(severalBotsNotification(3));
    last().emit('click');
    expect(open).toHaveBeenCalledWith({ wizardFor: null });
  });

  it('are held until clicked or closed, so the click is not lost to garbage collection', () => {
    const { notifications, last } = center();
    notifications.show(expiringNotification('a', 'A', DAY));
    const first = last();
    notifications.show(expiringNotification('b', 'B', DAY));
    const second = last();
    expect(notifications.pending).toBe(2);
    first.emit('click');
    expect(notifications.pending).toBe(1);
    second.emit('close');
    expect(notifications.pending).toBe(0);
  });

  it('are skipped quietly where the OS has none', () => {
    const { fake, notifications } = center();
    fake.Notification.supported = false;
    notifications.show(expiringNotification('a', 'A', DAY));
    expect(fake.Notification.instances).toHaveLength(0);
  });
});
