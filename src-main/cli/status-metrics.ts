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

/** App credentials the renewal can use: the desktop app's (the keychain holds the secret) or a cron line's environment. */
function hasAppCredentials(settings: Settings, env: NodeJS.ProcessEnv): boolean {
  return settings.appId !== null || Boolean(env.WA_TOKEN_DOCTOR_APP_ID?.trim() && env.WA_TOKEN_DOCTOR_APP_SECRET?.trim());
}

export function metricsText(bots: readonly BotProfile[], settings: Settings, env: NodeJS.ProcessEnv): string {
  const renewal = { autoRenew: settings.autoRenew, hasAppCredentials: hasAppCredentials(settings, env) };
  return fleetMetrics(bots.map((bot) => botHealth(bot, renewal)));
}

export async function writeMetricsFile(path: string, text: string): Promise<void> {
  try {
    await writeFileAtomic(path, text);
  } catch (error) {
    throw asUsageError(error);
  }
}
