import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Watch, WatchNotification, WatchStatus } from '../../../src-main/core/monitor';
import { DAY, HOUR } from '../../../src-main/core/monitor/settings';
import { createShellWatch, toWatchedBots, watchSettingsFrom } from '../../../src-main/electron/shell-watch';
import { diagnosis, fakeHost, settingsView, type FakeHost } from './fake-service';

let folder: string;
const running: Watch[] = [];
beforeEach(async () => {
  folder = await mkdtemp(join(tmpdir(), 'shell-watch-'));
});
afterEach(async () => {
  await Promise.all(running.splice(0).map((watch) => watch.stop()));
  await rm(folder, { recursive: true, force: true });
});

/** Meta states a token's expiry once; every check of it sees the same moment. */
const EXPIRES_AT = new Date(Date.now() + 3 * DAY).toISOString();
const SHOP_BOT = { id: 'shop-bot', name: 'Shop bot', tokenFingerprint: 'a1b2c3d4e5f60718' };

function shellWatch(doctor: FakeHost = fakeHost({ checkBot: async () => diagnosis({ status: 'expiring_soon', expiresAt: EXPIRES_AT }) })) {
  const notified: WatchNotification[] = [];
  const statuses: WatchStatus[] = [];
  const log: string[] = [];
  const watch = createShellWatch({
    doctor,
    notify: (notification) => void notified.push(notification),
    onStatus: (status) => void statuses.push(status),
    memoryFile: join(folder, 'watch.json'),
    log: (line) => void log.push(line),
  });
  running.push(watch);
  return { watch, doctor, notified, statuses, log };
}

describe('the watch inside the app', () => {
  it("checks through the host, warns once, and remembers it across restarts", async () => {
    const first = shellWatch();
    first.watch.setBots(toWatchedBots([SHOP_BOT]));
    await first.watch.start();
    await vi.waitFor(() => expect(first.notified).toHaveLength(1));
    expect(first.doctor.checkBot).toHaveBeenCalledWith('shop-bot');
    expect(first.notified[0]).toMatchObject({ botId: 'shop-bot', kind: 'expiring', action: 'open-wizard' });
    expect(first.statuses.at(-1)?.worst).toBe('expiring');
    await first.watch.stop();
    expect(JSON.parse(await readFile(join(folder, 'watch.json'), 'utf8'))).toMatchObject({ version: 1 });

    const second = shellWatch();
    second.watch.setBots(toWatchedBots([SHOP_BOT]));
    await second.watch.start();
    await second.watch.checkNow();
    expect(second.doctor.checkBot).toHaveBeenCalled();
    expect(second.notified).toEqual([]);
  });

  it('logs a failed check and never calls the token dead for it', async () => {
    const { watch, notified, statuses, log } = shellWatch(fakeHost({ checkBot: async () => Promise.reject(new Error('socket hang up')) }));
    watch.setBots(toWatchedBots([SHOP_BOT]));
    await watch.start();
    await watch.checkNow();
    expect(notified).toEqual([]);
    expect(statuses.at(-1)?.worst).toBe('unknown');
    expect(log.join('\n')).toContain('socket hang up');
  });

  it('renews hands-off through the host when the owner allowed it and gave app credentials', async () => {
    const { watch, doctor } = shellWatch();
    watch.updateSettings(watchSettingsFrom(settingsView({ appCredentials: { appId: '1234567890' } })));
    watch.setBots(toWatchedBots([SHOP_BOT]));
    await watch.start();
    await vi.waitFor(() => expect(doctor.autoRenewBot).toHaveBeenCalledWith('shop-bot'));
  });
});

describe('what the watch is told', () => {
  it('watches a bot whose .env holds no token yet, as the empty token', () => {
    expect(toWatchedBots([SHOP_BOT, { id: 'crm', name: 'CRM', tokenFingerprint: null }])).toEqual([
      SHOP_BOT,
      { id: 'crm', name: 'CRM', tokenFingerprint: '' },
    ]);
  });

  it("follows the owner's settings", () => {
    expect(watchSettingsFrom(settingsView({ checkIntervalHours: 2, autoRenew: false, autoRenewLeadDays: 14 }))).toEqual({
      checkIntervalMs: 2 * HOUR,
      autoRenew: false,
      autoRenewLeadMs: 14 * 24 * HOUR,
      hasAppCredentials: false,
    });
    expect(watchSettingsFrom(settingsView({ appCredentials: { appId: '12345' } })).hasAppCredentials).toBe(true);
  });
});
