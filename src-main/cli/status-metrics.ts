// `status --metrics [--metrics-file FILE]`: the connected bots' health in Prometheus' text format, on standard
// output or written atomically for node_exporter's textfile collector (which must never read half a file).
import { stat } from 'node:fs/promises';
import { basename, dirname } from 'node:path';
import { writeFileAtomic } from '../core/envfile';
import { botHealth } from '../core/metrics/bot-health';
import { fleetMetrics } from '../core/metrics/fleet-metrics';
import type { BotProfile, Settings } from '../core/profiles/schema';
import { UsageError, asUsageError } from './registry';

/** Refused before any check runs: a name the textfile collector ignores (only `*.prom`), or a folder that is not there. */
export async function checkMetricsFile(path: string): Promise<void> {
  if (!basename(path).endsWith('.prom')) throw new UsageError('cli:status.errors.metrics_file_name', { path });
  const folder = await stat(dirname(path)).catch(() => null);
  if (!folder?.isDirectory()) throw new UsageError('cli:status.errors.metrics_folder_missing', { folder: dirname(path) });
}

/** `hasAppCredentials`: whether a renewal of this bot finds the app's ID and secret (as the check just did). */
export function metricsText(bots: readonly BotProfile[], settings: Settings, hasAppCredentials: (bot: BotProfile) => boolean): string {
  return fleetMetrics(bots.map((bot) => botHealth(bot, { autoRenew: settings.autoRenew, hasAppCredentials: hasAppCredentials(bot) })));
}

export async function writeMetricsFile(path: string, text: string): Promise<void> {
  try {
    await writeFileAtomic(path, text);
  } catch (error) {
    throw asUsageError(error);
  }
}
