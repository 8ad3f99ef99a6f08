// The expiry watch as the desktop app runs it: checks and hands-off renewals through the service's host,
// notifications through the shell, and a memory of what it told the owner kept across restarts.
import * as v from 'valibot';
import type { SettingsView } from '../contract';
import { systemClock, Watch, type WatchNotification, type WatchSettings, type WatchStatus, type WatchedBot } from '../core/monitor';
import { DAY, HOUR } from '../core/monitor/settings';
import { readJsonFile, writeJsonFile } from '../core/profiles/json-file';
import type { DoctorHost, WatchedBot as ConnectedBot } from '../core/service';
import { describeError } from './log';

export interface ShellWatchHost {
  doctor: Pick<DoctorHost, 'checkBot' | 'autoRenewBot'>;
  notify(notification: WatchNotification): void;
  onStatus(status: WatchStatus): void;
  /** Where the watch's memory lives (the app's data folder). */
  memoryFile: string;
  /** Masks secrets itself (writeShellLog). */
  log(line: string): void;
}

/** A bot whose .env holds no token yet is still watched (its check says so); its "token" is the empty one. */
export function toWatchedBots(bots: readonly ConnectedBot[]): WatchedBot[] {
  return bots.map((bot) => ({ id: bot.id, name: bot.name, tokenFingerprint: bot.tokenFingerprint ?? '' }));
}

export function watchSettingsFrom(settings: SettingsView): Partial<WatchSettings> {
  return {
    checkIntervalMs: settings.checkIntervalHours * HOUR,
    autoRenew: settings.autoRenew,
    autoRenewLeadMs: settings.autoRenewLeadDays * DAY,
    hasAppCredentials: settings.appCredentials !== null,
  };
}

export function createShellWatch(host: ShellWatchHost): Watch {
  return new Watch({
    clock: systemClock,
    check: (botId) => host.doctor.checkBot(botId),
    notify: host.notify,
    autoRenew: (botId) => host.doctor.autoRenewBot(botId),
    load: async () => (await readJsonFile(host.memoryFile, v.unknown(), undefined)).value,
    save: (memory) => writeJsonFile(host.memoryFile, memory),
    onStatus: host.onStatus,
    onError: (error) => host.log(`watch: ${describeError(error)}`),
  });
}
