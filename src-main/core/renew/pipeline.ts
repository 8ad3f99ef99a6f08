// The renewal pipeline: check with Meta → keychain → every place the bot reads its token → restart → verify.
// Meta refusing the token writes nothing; a destination failing undoes the ones already written before any
// restart; a bot that does not come back is reported, and rolled back only when the caller asks.
import type { StepOutcome } from '../../contract';
import type { RestartOutcome } from '../bot';
import { isDoctorError, type UserMessage } from '../errors';
import { COULD_NOT_CHECK, type BotFacts, type Diagnosis } from '../graph/types';
import { bareToken } from '../token/shape';
import type { SecretVault, VaultAccount } from '../vault';
import { ProgressList } from './progress';

/** One place the token is delivered to (a .env variable, a JSON key, a command…). */
export interface TokenDestination {
  /** Shown on the destination's progress line (a file path, a command). */
  label: string;
  write(token: string): Promise<AppliedWrite>;
}

export interface AppliedWrite {
  /** What happened, for the progress line (e.g. "replaced line 12", "added at the end"). */
  message: UserMessage;
  /** Puts back exactly what was there before this write. */
  undo(): Promise<void>;
}

export interface RenewalPlan {
  token: string;
  facts: BotFacts;
  destinations: readonly TokenDestination[];
  /** null: the keychain is skipped on purpose (`--no-keychain` on a server). */
  keychain: { vault: SecretVault; account: VaultAccount } | null;
  /** null: the owner restarts the bot themselves. */
  restart: (() => Promise<RestartOutcome>) | null;
  diagnose(token: string, facts: BotFacts): Promise<Diagnosis>;
  /** A diagnosis of this very token made moments ago (the wizard's "check with Meta"): no second round trip. */
  verdict?: Diagnosis;
  onProgress?: (steps: StepOutcome[]) => void;
}

export type RenewalOutcome =
  | 'applied'
  | 'refused'
  | 'could_not_check'
  | 'keychain_failed'
  | 'write_failed'
  | 'restart_failed'
  | 'unhealthy';

export interface RenewalReport {
  ok: boolean;
  outcome: RenewalOutcome;
  steps: StepOutcome[];
  diagnosis: Diagnosis | null;
  restart: RestartOutcome | null;
  /** Puts back what this run changed (destinations, then the keychain). Safe to call more than once. */
  rollBack(): Promise<void>;
}

/** Meta's verdict lets the token in: it works, even if it will need renewing soon. */
export function isAcceptable(diagnosis: Diagnosis): boolean {
  return diagnosis.status === 'ok' || diagnosis.status === 'expiring_soon';
}

function failureMessage(error: unknown, fallback: UserMessage): UserMessage {
  return isDoctorError(error) ? error.userMessage : fallback;
}

export async function renewToken(plan: RenewalPlan): Promise<RenewalReport> {
  // Meta checks the bare token (quotes and spaces of a paste removed); exactly that token is stored and written.
  const token = bareToken(plan.token);
  const progress = new ProgressList(
    plan.destinations.map((destination) => destination.label),
    plan.onProgress,
  );
  const undoers: Array<() => Promise<void>> = [];
  let rolledBack = false;
  const rollBack = async (): Promise<void> => {
    if (rolledBack) return;
    rolledBack = true;
    for (const undo of [...undoers].reverse()) await undo();
  };
  const finish = (outcome: RenewalOutcome, diagnosis: Diagnosis | null, restart: RestartOutcome | null = null): RenewalReport => ({
    ok: outcome === 'applied',
    outcome,
    steps: progress.snapshot(),
    diagnosis,
    restart,
    rollBack,
  });

  // 1. Meta's verdict. Nothing is written unless Meta accepts the token.
  progress.set('validate', 'running');
  const diagnosis = plan.verdict ?? (await plan.diagnose(token, plan.facts));
  if (!isAcceptable(diagnosis)) {
    const couldNotCheck = COULD_NOT_CHECK.has(diagnosis.status);
    progress.set('validate', 'failed', diagnosis.summary);
    progress.skipRest({ key: 'renew:skipped.nothingWritten' });
    return finish(couldNotCheck ? 'could_not_check' : 'refused', diagnosis);
  }
  progress.set('validate', diagnosis.status === 'ok' ? 'done' : 'warning', diagnosis.summary);

  // 2. The keychain keeps our copy. Its previous value comes back if a later write fails.
  if (plan.keychain) {
    const { vault, account } = plan.keychain;
    progress.set('keychain', 'running');
    try {
      const previous = await vault.getSecret(account);
      await vault.setSecret(account, token);
      undoers.push(() => (previous === null ? vault.deleteSecret(account).then(() => {}) : vault.setSecret(account, previous)));
      progress.set('keychain', 'done', { key: 'renew:keychain.stored' });
    } catch (error) {
      progress.set('keychain', 'failed', failureMessage(error, { key: 'renew:keychain.failed' }));
      progress.skipRest({ key: 'renew:skipped.nothingWritten' });
      return finish('keychain_failed', diagnosis);
    }
  } else {
    progress.set('keychain', 'skipped', { key: 'renew:keychain.skippedOnRequest' });
  }

  // 3. Every destination, or none: a failure undoes the ones already written before anything restarts.
  for (const destination of plan.destinations) {
    progress.set('write', 'running', null, destination.label);
    try {
      const applied = await destination.write(token);
      undoers.push(() => applied.undo());
      progress.set('write', 'done', applied.message, destination.label);
    } catch (error) {
      progress.set('write', 'failed', failureMessage(error, { key: 'renew:write.failed' }), destination.label);
      await rollBack();
      for (const done of plan.destinations.slice(0, plan.destinations.indexOf(destination))) {
        progress.set('write', 'skipped', { key: 'renew:write.undone' }, done.label);
      }
      if (plan.keychain) progress.set('keychain', 'skipped', { key: 'renew:keychain.restored' });
      progress.skipRest({ key: 'renew:skipped.afterWriteFailure' });
      return finish('write_failed', diagnosis);
    }
  }

  // 4. Restart, 5. verify: the bot must come back healthy with the new token.
  if (!plan.restart) {
    progress.set('restart', 'skipped', { key: 'renew:restart.byOwner' });
    progress.set('verify', 'skipped', { key: 'renew:verify.byOwner' });
    return finish('applied', diagnosis);
  }
  progress.set('restart', 'running');
  let restart: RestartOutcome;
  try {
    restart = await plan.restart();
  } catch (error) {
    progress.set('restart', 'failed', failureMessage(error, { key: 'renew:restart.failed' }));
    progress.skipRest();
    return finish('restart_failed', diagnosis);
  }
  const restartFailed = !restart.ok && restart.started === null && (restart.command === null || !restart.command.ok);
  if (restartFailed) {
    progress.set('restart', 'failed', restart.health.problems[0] ?? { key: 'renew:restart.failed' });
    progress.skipRest();
    return finish('restart_failed', diagnosis, restart);
  }
  // A bot we started ourselves runs on detached: say where it is and where its output goes.
  const started = restart.started;
  const restarted: UserMessage = started
    ? { key: 'renew:restart.runningInBackground', params: { pid: started.pid, log: started.logFile } }
    : { key: 'renew:restart.done' };
  progress.set('restart', 'done', restarted);
  progress.set('verify', 'running');
  if (!restart.health.healthy) {
    progress.set('verify', 'failed', restart.health.problems[0] ?? { key: 'renew:verify.unhealthy' });
    return finish('unhealthy', diagnosis, restart);
  }
  progress.set('verify', 'done', { key: 'renew:verify.healthy' });
  return finish('applied', diagnosis, restart);
}
