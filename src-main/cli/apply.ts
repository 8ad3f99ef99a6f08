// `wa-token-doctor apply`: the renewal pipeline from a terminal — Meta's check, the keychain, every destination,
// the restart command and the proof that the bot came back. The token arrives on standard input only.
import { createHash } from 'node:crypto';
import { dirname, resolve } from 'node:path';
import type { StepOutcome } from '../contract';
import { isDoctorError } from '../core/errors';
import { parseDestinationArg, type Destination } from '../core/destinations';
import { EnvBackups } from '../core/envfile';
import { graphBaseUrl } from '../core/graph/config';
import { dataHome } from '../core/paths';
import { ProfileStore } from '../core/profiles/profile-store';
import { renewToken, type RenewalOutcome } from '../core/renew/pipeline';
import { planRenewal } from '../core/renew/plan';
import { maskToken } from '../core/token/mask';
import { KeyringVault } from '../core/vault';
import { parseFlags } from './args';
import { EXIT } from './exit-codes';
import { cliText, paint, writeLine, type CliIo, type CliText } from './io';
import { UsageError, type CliCommand } from './registry';
import { readTokenSource } from './token-source';

/** apply's exit codes, on the same scale as check's. */
export const APPLY_EXIT: Record<RenewalOutcome, number> = {
  applied: EXIT.ok,
  unhealthy: EXIT.expiringSoon,
  restart_failed: EXIT.expiringSoon,
  keychain_failed: EXIT.usage,
  write_failed: EXIT.usage,
  refused: EXIT.needsRenewal,
  could_not_check: EXIT.couldNotCheck,
};

/** A connected bot with this .env keeps its own keychain entry and backups; otherwise one derived from the path. */
async function botIdFor(home: string, envPath: string | null, destinations: readonly Destination[]): Promise<string> {
  if (envPath) {
    const store = await ProfileStore.open(home).catch(() => null);
    const bot = store?.listBots().find((candidate) => resolve(candidate.envFile) === envPath);
    if (bot) return bot.id;
  }
  const anchor = envPath ?? JSON.stringify(destinations[0]);
  return `cli-${createHash('sha256').update(anchor).digest('hex').slice(0, 12)}`;
}

function stepLine(step: StepOutcome, text: CliText, io: CliIo): string {
  const color = paint(io.stdout, io.env);
  const mark = { pending: ' ', running: '…', done: color.green('✔'), skipped: color.dim('–'), warning: color.yellow('!'), failed: color.red('✖') }[step.state];
  const name = text.t(`cli:apply.step.${step.step}`);
  const target = step.target ? ` (${step.target})` : '';
  const message = step.message ? `: ${text.say(step.message)}` : '';
  return `  ${mark} ${name}${target}${message}`;
}

export const applyCommand: CliCommand = {
  name: 'apply',
  summaryKey: 'cli:command.apply',
  usageKey: 'cli:usage.apply',
  async run(args: string[], io: CliIo): Promise<number> {
    const { values } = parseFlags(args, {
      env: { type: 'string' },
      var: { type: 'string' },
      'token-stdin': { type: 'boolean' },
      dest: { type: 'string', multiple: true },
      restart: { type: 'string' },
      cwd: { type: 'string' },
      'no-keychain': { type: 'boolean' },
      'phone-number-id': { type: 'string' },
      'waba-id': { type: 'string' },
      json: { type: 'boolean' },
    });
    const text = cliText(io);
    if (values.help) {
      io.stdout.write(`${text.t('cli:usage.apply')}\n`);
      return EXIT.ok;
    }
    // A token in argv is visible to every user of the machine (`ps`), so there is no flag for it.
    if (!values['token-stdin']) throw new UsageError('cli:errors.apply_needs_stdin');
    if (!values.env && !values.dest?.length) throw new UsageError('cli:errors.apply_needs_destination');

    const source = await readTokenSource(
      { env: values.env, var: values.var, tokenStdin: true, phoneNumberId: values['phone-number-id'], wabaId: values['waba-id'] },
      io,
    );
    const folder = values.cwd ? resolve(io.cwd, values.cwd) : source.envPath ? dirname(source.envPath) : io.cwd;
    const destinations: Destination[] = [];
    if (source.envPath) {
      if (!source.tokenVariable) throw new UsageError('cli:errors.no_token_variable', { path: source.envPath });
      destinations.push({ kind: 'env', file: source.envPath, variable: source.tokenVariable });
    }
    for (const spec of values.dest ?? []) {
      try {
        destinations.push(parseDestinationArg(spec, { cwd: io.cwd, defaultVariable: source.tokenVariable ?? undefined }));
      } catch (error) {
        if (isDoctorError(error)) throw new UsageError(error.userMessage.key, error.userMessage.params ?? {});
        throw error;
      }
    }

    const home = dataHome(io.env);
    const botId = await botIdFor(home, source.envPath, destinations);
    const shown = new Map<string, string>();
    const plan = planRenewal(
      source.token,
      {
        botId,
        folder,
        destinations,
        run: values.restart ? { mode: 'custom', command: values.restart, cwd: folder } : null,
        facts: source.facts,
        vault: values['no-keychain'] ? null : new KeyringVault(),
        backups: new EnvBackups({ dataHome: home }),
        dataHome: home,
        graph: { graphUrl: graphBaseUrl(undefined, io.env), appCredentials: source.appCredentials },
      },
      {
        // Human output: each line once, when it settles.
        onProgress: (steps) => {
          if (values.json) return;
          for (const step of steps) {
            const key = `${step.step}:${step.target ?? ''}`;
            if (step.state === 'pending' || step.state === 'running' || shown.get(key) === step.state) continue;
            shown.set(key, step.state);
            writeLine(io.stdout, stepLine(step, text, io), [source.token]);
          }
        },
      },
    );
    if (!values.json) writeLine(io.stdout, text.t('cli:apply.title', { token: maskToken(source.token) }));
    const report = await renewToken(plan);
    const exitCode = report.outcome === 'applied' && report.diagnosis?.status === 'expiring_soon' ? EXIT.expiringSoon : APPLY_EXIT[report.outcome];
    const secrets = [source.token, ...(source.appCredentials ? [source.appCredentials.appSecret] : [])];
    if (values.json) {
      const json = {
        ok: report.ok,
        outcome: report.outcome,
        exitCode,
        token: maskToken(source.token),
        status: report.diagnosis?.status ?? null,
        expiresAt: report.diagnosis?.expiresAt ?? null,
        neverExpires: report.diagnosis?.neverExpires ?? false,
        steps: report.steps.map((step) => ({ ...step, text: step.message ? text.say(step.message) : null })),
        logExcerpt: report.restart?.health.logExcerpt ?? null,
        language: text.language,
      };
      writeLine(io.stdout, JSON.stringify(json, null, 2), secrets);
    } else {
      writeLine(io.stdout, '');
      writeLine(io.stdout, text.t(`cli:apply.outcome.${report.outcome}`), secrets);
      const metaSaidNo = report.outcome === 'refused' || report.outcome === 'could_not_check';
      if (report.diagnosis && metaSaidNo) writeLine(io.stdout, text.say(report.diagnosis.fix ?? report.diagnosis.summary), secrets);
      const excerpt = report.restart?.health.logExcerpt;
      if (!report.ok && excerpt) writeLine(io.stdout, `\n${excerpt}`, secrets);
    }
    return exitCode;
  },
};
