// The expiry watch as the desktop app runs it: checks through the service's diagnosis, renews through the
// service, shows notifications through the shell, and remembers what it told the owner across restarts.
import * as v from 'valibot';
import type { BotView, SettingsView } from '../contract';
import type { Diagnosis } from '../core/graph/types';
import {
  systemClock,
  tokenFingerprint,
  Watch,
  type AutoRenewResult,
  type WatchNotification,
  type WatchSettings,
  type WatchStatus,
  type WatchedBot,
} from '../core/monitor';
import { HOUR } from '../core/monitor/settings';
import { readJsonFile, writeJsonFile } from '../core/profiles/json-file';
import type { DoctorService } from '../core/service/types';
import { describeError } from './log';

export interface ShellWatchHost {
  service: Pick<DoctorService, 'diagnoseBot' | 'extendToken'>;
  notify(notification: WatchNotification): void;
  onStatus(status: WatchStatus): void;
  /** Where the watch's memory lives (the app's data folder). */
  memoryFile: string;
  /** Masks secrets itself (writeShellLog). */
  log(line: string): void;
}

/**
 * The watch tells tokens apart by fingerprint; main never holds the bot's token here, so the fingerprint is
 * taken from its masked form, which changes whenever the token does.
 */
export function watchedBot(bot: BotView): WatchedBot {
  return { id: bot.id, name: bot.name, tokenFingerprint: tokenFingerprint(bot.maskedToken ?? '') };
}

export function watchSettingsFrom(settings: SettingsView): Partial<WatchSettings> {
  return {
    checkIntervalMs: settings.checkIntervalHours * HOUR,
    autoRenew: settings.autoRenew,
    hasAppCredentials: settings.appCredentials !== null,
  };
}

/** A watch check is the service's diagnosis; no diagnosis is a failed check ("could not reach Meta"), never dead. */
export function checkThroughService(service: Pick<DoctorService, 'diagnoseBot'>) {
  return async (botId: string): Promise<Diagnosis> => {
    const bot = await service.diagnoseBot({ id: botId });
    if (bot.lastDiagnosis === null) throw new Error(`no diagnosis for bot ${botId}`);
    return bot.lastDiagnosis;
  };
}

/** An automatic renewal is the service's token extension; the watch learns the new token by its fingerprint. */
export function renewThroughService(service: Pick<DoctorService, 'extendToken'>) {
  return async (botId: string): Promise<AutoRenewResult> => {
    const report = await service.extendToken({ botId });
    return report.ok ? { ok: true, tokenFingerprint: watchedBot(report.bot).tokenFingerprint } : { ok: false };
  };
}

export function createShellWatch(host: ShellWatchHost): Watch {
  return new Watch({
    clock: systemClock,
    check: checkThroughService(host.service),
    notify: host.notify,
    autoRenew: renewThroughService(host.service),
    load: async () => (await readJsonFile(host.memoryFile, v.unknown(), undefined)).value,
    save: (memory) => writeJsonFile(host.memoryFile, memory),
    onStatus: host.onStatus,
    onError: (error) => host.log(`watch: ${describeError(error)}`),
  });
}
