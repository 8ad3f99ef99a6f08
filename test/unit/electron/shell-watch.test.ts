import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Watch, WatchNotification, WatchStatus } from '../../../src-main/core/monitor';
import { DAY, HOUR } from '../../../src-main/core/monitor/settings';
import { createShellWatch, renewThroughService, watchedBot, watchSettingsFrom } from '../../../src-main/electron/shell-watch';
import { botView, diagnosis, fakeService, settingsView } from './fake-service';

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
const expiringBot = () => botView({ lastDiagnosis: diagnosis({ status: 'expiring_soon', expiresAt: EXPIRES_AT }) });

function shellWatch(service = fakeService({ diagnoseBot: async () => expiringBot() })) {
  const notified: WatchNotification[] = [];
  const statuses: WatchStatus[] = [];
  const log: string[] = [];
  const watch = createShellWatch({
    service,
    notify: (notification) => void notified.push(notification),
    onStatus: (status) => void statuses.push(status),
    memoryFile: join(folder, 'watch.json'),
    log: (line) => void log.push(line),
  });
  running.push(watch);
  return { watch, service, notified, statuses, log };
}

describe('the watch inside the app', () => {
  it("checks through the service's diagnosis, warns once, and remembers it across restarts", async () => {
    const first = shellWatch();
    first.watch.setBots([watchedBot(botView())]);
    await first.watch.start();
    await vi.waitFor(() => expect(first.notified).toHaveLength(1));
    expect(first.service.diagnoseBot).toHaveBeenCalledWith({ id: 'shop-bot' });
    expect(first.notified[0]).toMatchObject({ botId: 'shop-bot', kind: 'expiring', action: 'open-wizard' });
    expect(first.statuses.at(-1)?.worst).toBe('expiring');
    await first.watch.stop();
    expect(JSON.parse(await readFile(join(folder, 'watch.json'), 'utf8'))).toMatchObject({ version: 1 });

    const second = shellWatch();
    second.watch.setBots([watchedBot(botView())]);
    await second.watch.start();
    await vi.waitFor(() => expect(second.service.diagnoseBot).toHaveBeenCalled());
    await second.watch.checkNow();
    expect(second.notified).toEqual([]);
  });

  it('counts a check without a diagnosis as a failed check, never as a dead token', async () => {
    const { watch, notified, statuses, log } = shellWatch(fakeService({ diagnoseBot: async () => botView() }));
    watch.setBots([watchedBot(botView())]);
    await watch.start();
    await watch.checkNow();
    expect(notified).toEqual([]);
    expect(statuses.at(-1)?.worst).toBe('unknown');
    expect(log.join('\n')).toContain('no diagnosis');
  });

  it("renews through the service and reports the new token's fingerprint", async () => {
    const renewed = botView({ maskedToken: 'EAAB…newOne' });
    const service = fakeService({
      extendToken: async () => ({ ok: true, steps: [], bot: renewed, logExcerpt: null }),
    });
    const autoRenew = renewThroughService(service);
    await expect(autoRenew('shop-bot')).resolves.toEqual({ ok: true, tokenFingerprint: watchedBot(renewed).tokenFingerprint });
    expect(service.extendToken).toHaveBeenCalledWith({ botId: 'shop-bot' });
    service.extendToken.mockResolvedValueOnce({ ok: false, steps: [], bot: renewed, logExcerpt: null });
    await expect(autoRenew('shop-bot')).resolves.toEqual({ ok: false });
  });
});

describe('what the watch is told', () => {
  it('tells tokens apart by their masked form, without keeping it', () => {
    const before = watchedBot(botView({ maskedToken: 'EAAQ…sBQJm' }));
    const after = watchedBot(botView({ maskedToken: 'EAAQ…zzzzz' }));
    expect(before).toMatchObject({ id: 'shop-bot', name: 'Shop bot' });
    expect(before.tokenFingerprint).not.toBe(after.tokenFingerprint);
    expect(before.tokenFingerprint).not.toContain('sBQJm');
    expect(watchedBot(botView()).tokenFingerprint).toBe(before.tokenFingerprint);
  });

  it("follows the owner's settings", () => {
    expect(watchSettingsFrom(settingsView({ checkIntervalHours: 2, autoRenew: false }))).toEqual({
      checkIntervalMs: 2 * HOUR,
      autoRenew: false,
      hasAppCredentials: false,
    });
    expect(watchSettingsFrom(settingsView({ appCredentials: { appId: '12345' } })).hasAppCredentials).toBe(true);
  });
});
