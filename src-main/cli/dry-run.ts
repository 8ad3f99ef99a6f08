// `apply --dry-run` and `renew --dry-run`: Meta's check for real, then what every step would do (the keychain,
// each destination with its values masked, the restart), one line each or one JSON object. Nothing is changed;
// the exit code is the one the real run would have.
import type { DestinationPreview } from '../core/destinations';
import { tokenVariables } from '../core/renew/plan';
import { previewRenewal, type RenewalPreview } from '../core/renew/preview';
import { maskToken } from '../core/token/mask';
import { bareToken } from '../core/token/shape';
import { EXIT } from './exit-codes';
import { paint, writeLine, type CliIo, type CliText } from './io';
import { renewalTarget, type RenewalRun } from './renewal-target';
import { RENEWAL_EXIT } from './run-renewal';
import { onWindows, SHELL_NAME } from './shell-flag';
import { shellTokenWarnings } from './shell-warnings';

export interface DryRun extends RenewalRun {
  /** renew: the token being renewed. The new one does not exist yet, so `token` only stands in for it. */
  renewalOf?: string;
}

export async function runDryRun(io: CliIo, text: CliText, run: DryRun): Promise<number> {
  const { setup, secrets } = await renewalTarget(io, run);
  const preview = await previewRenewal(run.token, setup, { verdict: run.verdict });
  const renewal = run.renewalOf !== undefined;
  // The verdict of a renewal's dry run is the current token's: soon to expire is why it would be renewed.
  const expiresSoon = !renewal && preview.diagnosis.status === 'expiring_soon';
  const exitCode = preview.outcome === 'applied' && expiresSoon ? EXIT.expiringSoon : RENEWAL_EXIT[preview.outcome];
  const after = renewal ? text.t('cli:dry_run.renewed_token') : maskToken(bareToken(run.token));
  const warnings = shellTokenWarnings(io, text, tokenVariables(setup.destinations));
  const lines = {
    keychain: keychainLine(preview, text),
    destinations: preview.destinations.map((destination) => destinationLine(destination, after, text)),
    restart: restartLine(preview, text, io),
  };
  if (run.json) {
    const json = {
      ok: preview.outcome === 'applied',
      dryRun: true,
      outcome: preview.outcome,
      exitCode,
      token: maskToken(bareToken(run.renewalOf ?? run.token)),
      status: preview.diagnosis.status,
      expiresAt: preview.diagnosis.expiresAt,
      neverExpires: preview.diagnosis.neverExpires,
      check: text.say(preview.diagnosis.summary),
      keychain: preview.keychain ? { store: preview.keychain.problem === null, text: lines.keychain } : null,
      destinations: preview.destinations.map((destination, index) => ({ ...destination, after, text: lines.destinations[index] })),
      restart: preview.restart ? { ...preview.restart, text: lines.restart } : null,
      warnings,
      language: text.language,
    };
    writeLine(io.stdout, JSON.stringify(json, null, 2), secrets);
    return exitCode;
  }
  const color = paint(io.stdout, io.env);
  const mark = (ok: boolean) => (ok ? color.green('✔') : color.red('✖'));
  const step = (name: string, ok: boolean, target: string | null, line: string) =>
    `  ${mark(ok)} ${text.t(`cli:apply.step.${name}`)}${target ? ` (${target})` : ''}: ${line}`;
  const title = renewal ? 'cli:dry_run.title_renew' : 'cli:dry_run.title';
  const out = [text.t(title, { token: maskToken(bareToken(run.renewalOf ?? run.token)) }), ...warnings.map((warning) => `${color.yellow('!')} ${warning}`)];
  const acceptable = preview.outcome !== 'refused' && preview.outcome !== 'could_not_check';
  out.push(step('validate', acceptable, null, text.say(preview.diagnosis.summary)));
  out.push(step('keychain', !preview.keychain?.problem, null, lines.keychain));
  preview.destinations.forEach((destination, index) => out.push(step('write', !destination.problem, destination.label, lines.destinations[index]!)));
  out.push(step('restart', true, null, lines.restart), '');
  out.push(text.t('cli:dry_run.end', { outcome: text.t(`cli:apply.outcome.${preview.outcome}`) }));
  if (!acceptable) out.push(text.say(preview.diagnosis.fix ?? preview.diagnosis.summary));
  for (const line of out) writeLine(io.stdout, line, secrets);
  return exitCode;
}

function keychainLine(preview: RenewalPreview, text: CliText): string {
  if (!preview.keychain) return text.t('renew:keychain.skippedOnRequest');
  const problem = preview.keychain.problem;
  return problem ? text.t('cli:dry_run.would_fail', { reason: text.say(problem) }) : text.t('cli:dry_run.keychain_store');
}

function destinationLine(destination: DestinationPreview, after: string, text: CliText): string {
  if (destination.problem) return text.t('cli:dry_run.would_fail', { reason: text.say(destination.problem) });
  const before = destination.before ?? text.t('cli:dry_run.no_value');
  const params = { before, after, line: destination.line ?? '' };
  const change = destination.change === 'replace' && destination.line === null ? 'replace_value' : destination.change;
  const said = text.t(`cli:dry_run.change.${change}`, params);
  return destination.inPlace ? `${said} ${text.t(`cli:dry_run.in_place.${destination.inPlace}`)}` : said;
}

function restartLine(preview: RenewalPreview, text: CliText, io: CliIo): string {
  const restart = preview.restart;
  if (!restart) return text.t('renew:restart.byOwner');
  const said = text.t('cli:dry_run.restart_run', { command: restart.command, cwd: restart.cwd });
  // Only Windows has a choice of shell: there the line says which one will run the command.
  const run = onWindows(io) ? `${said} (${text.t(SHELL_NAME[restart.shell])})` : said;
  return restart.stopsFirst ? `${text.t('cli:dry_run.restart_stop_first', { pid: restart.stopsFirst.pid })} ${run}` : run;
}
