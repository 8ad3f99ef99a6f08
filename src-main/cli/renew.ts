// `wa-token-doctor renew`: for a cron job on a server — trade the bot's renewable token for a fresh 60-day one,
// then apply it like `apply` does. App credentials come from WA_TOKEN_DOCTOR_APP_ID / WA_TOKEN_DOCTOR_APP_SECRET
// or the bot's .env or the keychain (never from arguments, never printed).
import { isDoctorError } from '../core/errors';
import { graphBaseUrl } from '../core/graph/config';
import { TOKEN_STATUSES, type TokenStatus } from '../core/graph/types';
import { metaPageUrl } from '../core/meta-pages';
import { exchangeForLongerToken } from '../core/renew/extend';
import { parseFlags } from './args';
import { EXIT, exitCodeForStatus } from './exit-codes';
import { cliText, writeLine, type CliIo, type CliText } from './io';
import { CliFailure, UsageError, type CliCommand } from './registry';
import { readTokenSource } from './token-source';
import { secretsOf, withAppCredentials } from './app-credentials';
import { runRenewal } from './run-renewal';

/** Why the exchange stopped, on check's scale: a status from Meta keeps its code; anything else means "renew by hand". */
function exchangeExitCode(code: string): number {
  if (code === 'exchange_not_needed') return EXIT.ok;
  // Meta did not say when the token expires: it may never expire, so it was left alone and nothing is known.
  if (code === 'exchange_expiry_unknown') return EXIT.couldNotCheck;
  const status = code.slice('exchange_'.length);
  return (TOKEN_STATUSES as readonly string[]).includes(status) ? exitCodeForStatus(status as TokenStatus) : EXIT.needsRenewal;
}

function notNeededJson(message: string, text: CliText): Record<string, unknown> {
  return { ok: true, outcome: 'not_needed', exitCode: EXIT.ok, message, language: text.language };
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
      cwd: { type: 'string' },
      'no-keychain': { type: 'boolean' },
      json: { type: 'boolean' },
    });
    const text = cliText(io);
    if (values.help) {
      io.stdout.write(`${text.t('cli:usage.renew')}\n`);
      return EXIT.ok;
    }
    if (!values.env) throw new UsageError('cli:errors.renew_needs_env');
    const source = await withAppCredentials(await readTokenSource({ env: values.env, var: values.var }, io), io, !values['no-keychain']);
    const credentials = source.appCredentials;
    if (!credentials) throw new UsageError('cli:errors.renew_needs_app_credentials');
    const graph = { graphUrl: graphBaseUrl(undefined, io.env), appCredentials: credentials };
    let extended;
    try {
      extended = await exchangeForLongerToken(source.token, credentials, source.facts, graph);
    } catch (error) {
      if (!isDoctorError(error)) throw error;
      if (error.code === 'exchange_app_credentials_refused') {
        // Bad input, not Meta being unreachable: say where the right secret is (exit 2).
        const url = metaPageUrl('app_basic_settings', { appId: credentials.appId });
        throw new UsageError('cli:errors.app_credentials_refused', { url }, error.code);
      }
      const exitCode = exchangeExitCode(error.code);
      if (exitCode !== EXIT.ok) throw new CliFailure(error.code, error.userMessage, exitCode);
      // Nothing to renew (a token that never expires) is an answer, not a failure; a cron job's stdout stays quiet.
      const secrets = secretsOf(source);
      if (values.json) writeLine(io.stdout, JSON.stringify(notNeededJson(text.say(error.userMessage), text), null, 2), secrets);
      else writeLine(io.stderr, text.say(error.userMessage), secrets);
      return exitCode;
    }
    return runRenewal(io, text, {
      token: extended.token,
      verdict: extended.verdict,
      source,
      destinationArgs: [],
      restart: values.restart,
      cwd: values.cwd,
      noKeychain: Boolean(values['no-keychain']),
      json: Boolean(values.json),
      secrets: secretsOf(source),
    });
  },
};
