// How `check` shows a Diagnosis: a few labelled lines in the reader's language, or one JSON object for scripts.
import type { Diagnosis } from '../core/graph/types';
import { COULD_NOT_CHECK, NEEDS_RENEWAL } from '../core/graph/types';
import { paint, type CliIo, type CliText } from './io';
import type { TokenSource } from './token-source';

/**
 * The JSON contract of `check --json` (DESIGN.md): the whole Diagnosis, where it came from, and the sentences.
 * `localWarnings` are the CLI's own (about this machine, not the token), listed after Meta's.
 */
export function checkJson(diagnosis: Diagnosis, source: TokenSource, text: CliText, exitCode: number, localWarnings: readonly string[] = []): Record<string, unknown> {
  return {
    ...diagnosis,
    source: source.origin.kind === 'env' ? { kind: 'env', envFile: source.origin.path, variable: source.origin.variable } : { kind: 'stdin' },
    exitCode,
    language: text.language,
    text: {
      status: text.t(`diagnosis:status.${diagnosis.status}`),
      summary: text.say(diagnosis.summary),
      fix: diagnosis.fix ? text.say(diagnosis.fix) : null,
      nextStep: nextStep(diagnosis, source, text),
      warnings: [...diagnosis.warnings.map((warning) => text.say(warning)), ...localWarnings],
    },
  };
}

function symbolFor(status: Diagnosis['status']): string {
  if (status === 'ok') return '✔';
  if (status === 'expiring_soon' || COULD_NOT_CHECK.has(status)) return '!';
  return '✖';
}

/**
 * In a terminal, a new token goes to the bot through `apply` (the fix's words are the app's, which has a paste
 * field): said whenever the token has to be replaced.
 */
function nextStep(diagnosis: Diagnosis, source: TokenSource, text: CliText): string | null {
  if (!NEEDS_RENEWAL.has(diagnosis.status) && diagnosis.status !== 'expiring_soon') return null;
  return text.t('cli:check.next_step', { env: source.envPath ?? 'FILE' });
}

/** Meta's rating (GREEN, YELLOW, RED…) in the reader's words, the dashboard's: never the bare enum. */
const QUALITY_WORDS: Readonly<Record<string, string>> = { GREEN: 'high', YELLOW: 'medium', RED: 'low' };

function qualityWords(rating: string, text: CliText): string {
  return text.t(`dashboard:quality.${QUALITY_WORDS[rating.toUpperCase()] ?? 'unknown'}`);
}

/** The human report, one string with a trailing newline. */
export function checkReport(diagnosis: Diagnosis, source: TokenSource, text: CliText, io: CliIo, localWarnings: readonly string[] = []): string {
  const color = paint(io.stdout, io.env);
  const tone = diagnosis.status === 'ok' ? color.green : symbolFor(diagnosis.status) === '!' ? color.yellow : color.red;
  const rows: Array<[string, string]> = [];
  const label = (key: string) => text.t(`cli:check.label.${key}`);

  const origin = source.origin.kind === 'env'
    ? text.t('cli:check.value.source_env', { variable: source.origin.variable, path: source.origin.path })
    : text.t('cli:check.value.source_stdin');
  rows.push([label('token'), `${diagnosis.token}  (${origin})`]);
  rows.push([label('status'), tone(`${symbolFor(diagnosis.status)} ${text.t(`diagnosis:status.${diagnosis.status}`)}`)]);

  if (diagnosis.tokenType || diagnosis.tokenLifetime !== 'unknown') {
    const parts = [text.t(`diagnosis:lifetime.${diagnosis.tokenLifetime}`)];
    if (diagnosis.tokenType) parts.push(text.t(`diagnosis:token_type.${diagnosis.tokenType}`));
    rows.push([label('type'), parts.join(' · ')]);
  }
  if (diagnosis.neverExpires) rows.push([label('expires'), text.t('cli:check.value.never')]);
  else if (diagnosis.expiresAt) rows.push([label('expires'), text.t('cli:check.value.date', { date: diagnosis.expiresAt })]);
  else if (diagnosis.expiryUnknownReason === 'needs_app_credentials') rows.push([label('expires'), text.t('cli:check.value.expiry_needs_app_credentials')]);
  if (diagnosis.phone) {
    const phone = diagnosis.phone;
    rows.push([label('phone'), [phone.displayPhoneNumber ?? phone.id, phone.verifiedName, phone.qualityRating ? text.t('cli:check.value.quality', { rating: qualityWords(phone.qualityRating, text) }) : null].filter(Boolean).join(' · ')]);
  }
  if (diagnosis.wabaIds.length > 0) rows.push([label('waba'), diagnosis.wabaIds.join(', ')]);
  if (diagnosis.scopes.length > 0) rows.push([label('permissions'), diagnosis.scopes.join(', ')]);
  if (diagnosis.missingScopes.length > 0) rows.push([label('missing'), color.red(diagnosis.missingScopes.join(', '))]);
  if (diagnosis.helloWorld) rows.push([label('template'), text.t(`cli:check.value.hello_world_${diagnosis.helloWorld}`)]);
  const version = diagnosis.apiVersion;
  rows.push([label('api_version'), version.configured ? text.t('cli:check.value.api_version_bot', { used: version.used, configured: version.configured }) : version.used]);
  if (diagnosis.graphError) {
    const error = diagnosis.graphError;
    const code = error.subcode === null ? String(error.code) : `${error.code}/${error.subcode}`;
    rows.push([label('graph_error'), `${code} ${error.message}${error.fbtraceId ? ` (fbtrace_id ${error.fbtraceId})` : ''}`]);
  }
  rows.push([label('requests'), text.t('cli:check.value.requests', { requests: diagnosis.requests, roundTrips: diagnosis.roundTrips })]);

  const width = Math.max(...rows.map(([name]) => name.length));
  const lines = [color.bold(text.t('cli:check.title')), ''];
  for (const [name, value] of rows) lines.push(`  ${name.padEnd(width)}  ${value}`);
  lines.push('', tone(text.say(diagnosis.summary)));
  if (diagnosis.fix) lines.push('', `${color.bold(label('fix'))} ${text.say(diagnosis.fix)}`);
  const next = nextStep(diagnosis, source, text);
  if (next) lines.push(next);
  for (const warning of [...diagnosis.warnings.map((message) => text.say(message)), ...localWarnings]) lines.push(`${color.yellow('!')} ${warning}`);
  return `${lines.join('\n')}\n`;
}
