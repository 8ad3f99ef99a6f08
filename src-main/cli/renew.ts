// `wa-token-doctor renew`: for a cron job on a server — trade the bot's renewable token for a fresh 60-day one,
// then apply it like `apply` does. App credentials come from WA_TOKEN_DOCTOR_APP_ID / WA_TOKEN_DOCTOR_APP_SECRET
// or the bot's .env or the keychain (never from arguments, never printed). `--dry-run` checks the current token
// and the credentials with Meta and shows what a renewal would change, without asking Meta for a new token.
import { DoctorError, isDoctorError } from '../core/errors';
import { diagnoseToken, type AppCredentials } from '../core/graph';
import { graphBaseUrl } from '../core/graph/config';
import { TOKEN_STATUSES, type TokenStatus } from '../core/graph/types';
import { metaPageUrl } from '../core/meta-pages';
import { currentTokenProblem, exchangeForLongerToken } from '../core/renew/extend';
import { parseFlags } from './args';
import { secretsOf, withAppCredentials } from './app-credentials';
import { runDryRun } from './dry-run';
import { EXIT, exitCodeForStatus } from './exit-codes';
import { cliText, writeLine, type CliIo, type CliText } from './io';
import { CliFailure, UsageError, type CliCommand } from './registry';
import type { RenewalRun } from './renewal-target';
import { runRenewal } from './run-renewal';
import { shellFlag } from './shell-flag';
import { readTokenSource, type TokenSource } from './token-source';

/** Why the exchange stopped, on check's scale: a status from Meta keeps its code; anything else means "renew by hand". */
function exchangeExitCode(code: string): number {
  if (code === 'exchange_not_needed') return EXIT.ok;
  // Meta did not say when the token expires: it may never expire, so it was left alone and nothing is known.
  if (code === 'exchange_expiry_unknown') return EXIT.couldNotCheck;
  const status = code.slice('exchange_'.length);
  return (TOKEN_STATUSES as readonly string[]).includes(status) ? exitCodeForStatus(status as TokenStatus) : EXIT.needsRenewal;
}

/**
 * What renew says when the token is not renewed: nothing to do (a token that never expires) is an answer, exit 0,
 * with a cron job's stdout kept quiet; refused app credentials are bad input (exit 2) with where the right secret
 * is; the rest keeps check's scale.
 */
function notRenewed(error: DoctorError, credentials: AppCredentials, source: TokenSource, io: CliIo, text: CliText, json: boolean): number {
  if (error.code === 'exchange_app_credentials_refused') {
    const url = metaPageUrl('app_basic_settings', { appId: credentials.appId });
    throw new UsageError('cli:errors.app_credentials_refused', { url }, error.code);
  }
  const exitCode = exchangeExitCode(error.code);
  if (exitCode !== EXIT.ok) throw new CliFailure(error.code, error.userMessage, exitCode);
  const message = text.say(error.userMessage);
  if (json) writeLine(io.stdout, JSON.stringify({ ok: true, outcome: 'not_needed', exitCode, message, language: text.language }, null, 2), secretsOf(source));
  else writeLine(io.stderr, message, secretsOf(source));
  return exitCode;
}

/** A token of the right shape for working out the .env edit of a dry run; never shown, never sent. */
function standInFor(current: string): string {
  return `EAA${'0'.repeat(Math.max(current.length - 3, 100))}`;
}

export const renewCommand: CliCommand = {
  name: 'renew',
  summaryKey: 'cli:command.renew',
  usageKey: 'cli:usage.renew',
  async run(args: string[], io: CliIo): Promise<number> {
    const { values } = parseFlags(args, {
      env: { type: 'string' },
      var: { type: 'string' },
      restart: { type: 'string' },
      shell: { type: 'string' },
      cwd: { type: 'string' },
      'no-keychain': { type: 'boolean' },
      'dry-run': { type: 'boolean' },
      json: { type: 'boolean' },
    });
    const text = cliText(io);
    if (values.help) {
      io.stdout.write(`${text.t('cli:usage.renew')}\n`);
      return EXIT.ok;
    }
    if (!values.env) throw new UsageError('cli:errors.renew_needs_env');
    const shell = shellFlag(values.shell, values.restart, io);
    const source = await withAppCredentials(await readTokenSource({ env: values.env, var: values.var }, io), io, !values['no-keychain']);
    const credentials = source.appCredentials;
    if (!credentials) throw new UsageError('cli:errors.renew_needs_app_credentials');
    const json = Boolean(values.json);
    const graph = { graphUrl: graphBaseUrl(undefined, io.env), appCredentials: credentials };
    const run = (token: string): RenewalRun => ({
      token,
      source,
      destinationArgs: [],
      restart: values.restart,
      shell,
      cwd: values.cwd,
      noKeychain: Boolean(values['no-keychain']),
      json,
      secrets: secretsOf(source),
    });
    if (values['dry-run']) {
      const current = await diagnoseToken(source.token, source.facts, graph);
      const problem = currentTokenProblem(current);
      if (problem) return notRenewed(problem, credentials, source, io, text, json);
      return runDryRun(io, text, { ...run(standInFor(source.token)), verdict: current, renewalOf: source.token });
    }
    try {
      const extended = await exchangeForLongerToken(source.token, credentials, source.facts, graph);
      return await runRenewal(io, text, { ...run(extended.token), verdict: extended.verdict });
    } catch (error) {
      if (!isDoctorError(error) || !error.code.startsWith('exchange_')) throw error;
      return notRenewed(error, credentials, source, io, text, json);
    }
  },
};
