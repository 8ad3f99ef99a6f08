// How `connect` tells what it stored: labelled lines in the reader's language, or one JSON object for scripts.
// The token itself is never shown, only its masked form.
import { TOKEN_DUPLICATED_KEY, describeDestination } from '../core/destinations';
import { botDestinations } from '../core/profiles/bot-destinations';
import type { BotProfile } from '../core/profiles/schema';
import type { BotDetection, DetectedValue } from '../contract';
import { paint, type CliIo, type CliText } from './io';
import { onWindows, SHELL_NAME } from './shell-flag';

/** connect already makes every copy of the token a destination, so "add it as a destination" would mislead. */
function warningsOf(detection: BotDetection): BotDetection['warnings'] {
  return detection.warnings.filter((warning) => warning.key !== TOKEN_DUPLICATED_KEY);
}

function gitExposed(detection: BotDetection): boolean {
  return detection.gitignore?.repository === true && !detection.gitignore.ignored;
}

/** The places a renewal writes besides the .env line. */
function otherPlaces(bot: BotProfile): string[] {
  return botDestinations(bot).slice(1).map((destination) => describeDestination(destination, bot.folder));
}

export function connectJson(bot: BotProfile, detection: BotDetection, updated: boolean, text: CliText): Record<string, unknown> {
  // What was stored, without the app's memory of checks and renewals.
  const { lastDiagnosis: _diagnosis, lastCheckedAt: _checked, tokenFingerprint: _fingerprint, lastMetaAnswer: _answer, lastRenewal: _renewal, ...settings } = bot;
  return {
    ok: true,
    action: updated ? 'updated' : 'connected',
    bot: { ...settings, destinations: botDestinations(bot) },
    maskedToken: detection.maskedToken,
    detectedStart: detection.start.map(({ command, cwd, kind }) => ({ command, cwd, kind })),
    gitignore: detection.gitignore,
    warnings: warningsOf(detection).map((warning) => text.say(warning)),
    language: text.language,
  };
}

export function connectReport(bot: BotProfile, detection: BotDetection, updated: boolean, text: CliText, io: CliIo): string {
  const color = paint(io.stdout, io.env);
  const label = (key: string) => text.t(`cli:connect.label.${key}`);
  // A placeholder the .env holds instead of an id is named, so the owner sees why it was left out.
  const idValue = (stored: string | null, detected: DetectedValue | null) =>
    stored ?? (detected ? text.t('cli:connect.value.not_an_id', { value: detected.value.slice(0, 40), variable: detected.variable }) : text.t('cli:connect.value.not_found'));
  const rows: Array<[string, string]> = [
    [label('folder'), bot.folder],
    [label('env_file'), bot.envFile],
    [label('token'), detection.maskedToken ? `${bot.tokenVariable} (${detection.maskedToken})` : text.t('cli:connect.value.token_empty', { variable: bot.tokenVariable })],
    [label('phone_number_id'), idValue(bot.phoneNumberId, detection.phoneNumberId)],
    [label('waba_id'), idValue(bot.wabaId, detection.wabaId)],
  ];
  if (bot.apiVersion) rows.push([label('api_version'), bot.apiVersion]);
  for (const place of otherPlaces(bot)) rows.push([label('also_written'), place]);
  rows.push([label('restart'), bot.run.mode === 'custom' && bot.run.command ? bot.run.command : text.t('cli:connect.value.no_restart')]);
  // Only Windows has a choice of shell; elsewhere /bin/sh runs the command and the row would only puzzle.
  if (bot.run.mode === 'custom' && onWindows(io)) rows.push([label('shell'), text.t(SHELL_NAME[bot.run.shell])]);

  const width = Math.max(...rows.map(([name]) => name.length));
  const lines = [color.green(`✔ ${text.t(updated ? 'cli:connect.updated' : 'cli:connect.connected', { name: bot.name })}`), ''];
  for (const [name, value] of rows) lines.push(`  ${name.padEnd(width)}  ${value}`);
  lines.push('');
  const start = detection.start[0];
  if (bot.run.mode !== 'custom' && start) lines.push(text.t('cli:connect.start_hint', { command: start.command }));
  if (gitExposed(detection)) lines.push(`${color.yellow('!')} ${text.t('cli:connect.gitignore_exposed', { path: bot.envFile })}`);
  for (const warning of warningsOf(detection)) lines.push(`${color.yellow('!')} ${text.say(warning)}`);
  lines.push(text.t('cli:connect.next'));
  return `${lines.join('\n')}\n`;
}
