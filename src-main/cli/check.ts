// `wa-token-doctor check`: diagnose a bot's token with Meta (one round trip) and say what to do.
import { DEFAULT_TOTAL_TIMEOUT_MS } from '../core/graph/client';
import { graphBaseUrl } from '../core/graph/config';
import { diagnoseToken } from '../core/graph/diagnose';
import { parseFlags } from './args';
import { checkJson, checkReport } from './check-output';
import { exitCodeForStatus } from './exit-codes';
import { cliText, writeLine, writeText, type CliIo } from './io';
import { UsageError, type CliCommand } from './registry';
import { shellTokenWarnings } from './shell-warnings';
import { readTokenSource } from './token-source';
import { secretsOf, withAppCredentials } from './app-credentials';

/** `--timeout SECONDS`: the whole check's time budget, retries included (default 15, at most 120). */
function timeoutSeconds(raw: string | undefined): number {
  if (raw === undefined) return DEFAULT_TOTAL_TIMEOUT_MS / 1000;
  const seconds = Number(raw);
  if (!Number.isFinite(seconds) || seconds <= 0 || seconds > 120) throw new UsageError('cli:errors.invalid_timeout', { value: raw.slice(0, 20) });
  return seconds;
}

export const checkCommand: CliCommand = {
  name: 'check',
  summaryKey: 'cli:command.check',
  usageKey: 'cli:usage.check',
  async run(args: string[], io: CliIo): Promise<number> {
    const { values } = parseFlags(args, {
      env: { type: 'string' },
      var: { type: 'string' },
      'token-stdin': { type: 'boolean' },
      'phone-number-id': { type: 'string' },
      'waba-id': { type: 'string' },
      json: { type: 'boolean' },
      timeout: { type: 'string' },
      'no-keychain': { type: 'boolean' },
    });
    const text = cliText(io);
    if (values.help) {
      io.stdout.write(`${text.t('cli:usage.check')}\n`);
      return 0;
    }
    const timeoutMs = timeoutSeconds(values.timeout) * 1000;
    const read = await readTokenSource(
      {
        env: values.env,
        var: values.var,
        tokenStdin: values['token-stdin'],
        phoneNumberId: values['phone-number-id'],
        wabaId: values['waba-id'],
      },
      io,
    );
    // With the app's ID and secret, Meta shows a system-user token's expiry (it hides it from the token itself).
    const source = await withAppCredentials(read, io, !values['no-keychain']);
    const diagnosis = await diagnoseToken(source.token, source.facts, {
      appCredentials: source.appCredentials,
      graphUrl: graphBaseUrl(undefined, io.env),
      timeoutMs,
    });
    const exitCode = exitCodeForStatus(diagnosis.status);
    const secrets = secretsOf(source);
    const localWarnings = shellTokenWarnings(io, text, [source.tokenVariable]);
    if (values.json) writeLine(io.stdout, JSON.stringify(checkJson(diagnosis, source, text, exitCode, localWarnings), null, 2), secrets);
    else writeText(io.stdout, checkReport(diagnosis, source, text, io, localWarnings), secrets);
    return exitCode;
  },
};
