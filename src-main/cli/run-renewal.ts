// The part `apply` and `renew` share: run the pipeline on what renewal-target.ts worked out, with live progress
// lines (or one JSON object), and turn the outcome into an exit code.
import type { StepOutcome } from '../contract';
import { renewToken, type RenewalOutcome } from '../core/renew/pipeline';
import { planRenewal, tokenVariables } from '../core/renew/plan';
import { maskToken } from '../core/token/mask';
import { EXIT } from './exit-codes';
import { paint, writeLine, type CliIo, type CliText } from './io';
import { renewalTarget, type RenewalRun } from './renewal-target';
import { shellTokenWarnings } from './shell-warnings';

export type { RenewalRun } from './renewal-target';

/** The exit codes of apply and renew, on the same scale as check's. */
export const RENEWAL_EXIT: Record<RenewalOutcome, number> = {
  applied: EXIT.ok,
  unhealthy: EXIT.expiringSoon,
  restart_failed: EXIT.expiringSoon,
  keychain_failed: EXIT.usage,
  write_failed: EXIT.usage,
  refused: EXIT.needsRenewal,
  could_not_check: EXIT.couldNotCheck,
};

function stepLine(step: StepOutcome, text: CliText, io: CliIo): string {
  const color = paint(io.stdout, io.env);
  const mark = { pending: ' ', running: '…', done: color.green('✔'), skipped: color.dim('–'), warning: color.yellow('!'), failed: color.red('✖') }[step.state];
  const name = text.t(`cli:apply.step.${step.step}`);
  const target = step.target ? ` (${step.target})` : '';
  const message = step.message ? `: ${text.say(step.message)}` : '';
  return `  ${mark} ${name}${target}${message}`;
}

export async function runRenewal(io: CliIo, text: CliText, run: RenewalRun): Promise<number> {
  const { setup, secrets } = await renewalTarget(io, run);
  const shown = new Map<string, string>();
  const plan = planRenewal(run.token, setup, {
    verdict: run.verdict,
    // Human output: each line once, when it settles.
    onProgress: (steps) => {
      if (run.json) return;
      for (const step of steps) {
        const key = `${step.step}:${step.target ?? ''}`;
        if (step.state === 'pending' || step.state === 'running' || shown.get(key) === step.state) continue;
        shown.set(key, step.state);
        writeLine(io.stdout, stepLine(step, text, io), secrets);
      }
    },
  });
  const warnings = shellTokenWarnings(io, text, tokenVariables(setup.destinations));
  if (!run.json) {
    writeLine(io.stdout, text.t('cli:apply.title', { token: maskToken(run.token) }));
    for (const warning of warnings) writeLine(io.stdout, `${paint(io.stdout, io.env).yellow('!')} ${warning}`);
  }
  const report = await renewToken(plan);
  const exitCode = report.outcome === 'applied' && report.diagnosis?.status === 'expiring_soon' ? EXIT.expiringSoon : RENEWAL_EXIT[report.outcome];
  if (run.json) {
    const json = {
      ok: report.ok,
      outcome: report.outcome,
      exitCode,
      token: maskToken(run.token),
      status: report.diagnosis?.status ?? null,
      expiresAt: report.diagnosis?.expiresAt ?? null,
      neverExpires: report.diagnosis?.neverExpires ?? false,
      steps: report.steps.map((step) => ({ ...step, text: step.message ? text.say(step.message) : null })),
      logExcerpt: report.restart?.health.logExcerpt ?? null,
      warnings,
      language: text.language,
    };
    writeLine(io.stdout, JSON.stringify(json, null, 2), secrets);
    return exitCode;
  }
  writeLine(io.stdout, '');
  writeLine(io.stdout, text.t(`cli:apply.outcome.${report.outcome}`), secrets);
  const metaSaidNo = report.outcome === 'refused' || report.outcome === 'could_not_check';
  if (report.diagnosis && metaSaidNo) writeLine(io.stdout, text.say(report.diagnosis.fix ?? report.diagnosis.summary), secrets);
  const excerpt = report.restart?.health.logExcerpt;
  if (!report.ok && excerpt) writeLine(io.stdout, `\n${excerpt}`, secrets);
  return exitCode;
}
