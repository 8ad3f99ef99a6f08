// A dry run of a renewal (`apply --dry-run`, `renew --dry-run`, as certbot offers): Meta's check for real, then
// what each step would do — the keychain, every destination (masked), the restart — by reading only. Nothing is
// written, backed up, locked or restarted, and the outcome is the one the real run would most likely have.
import { DEFAULT_COMMAND_SHELL, isManagedBotRunning, readManagedState, type BotRunMode, type CommandShell } from '../bot';
import { orderForWriting, previewDestination, type DestinationPreview } from '../destinations';
import type { UserMessage } from '../errors';
import { isDoctorError } from '../errors';
import { diagnoseToken } from '../graph';
import { COULD_NOT_CHECK, type Diagnosis } from '../graph/types';
import { bareToken } from '../token/shape';
import { botAccount } from '../vault';
import { isAcceptable, type RenewalOutcome } from './pipeline';
import type { RenewalSetup } from './plan';

export interface RestartPreview {
  mode: BotRunMode;
  command: string;
  cwd: string;
  /** Windows: the shell the command runs in (elsewhere /bin/sh, whatever is stored). */
  shell: CommandShell;
  /** The bot an earlier start left running, stopped (whole tree) before the command runs. */
  stopsFirst: { pid: number } | null;
}

export interface RenewalPreview {
  /** What the real run would end with, as far as reading can tell (a restart's own result cannot be foreseen). */
  outcome: Extract<RenewalOutcome, 'applied' | 'refused' | 'could_not_check' | 'keychain_failed' | 'write_failed'>;
  diagnosis: Diagnosis;
  /** null: --no-keychain. Otherwise whether the keychain answers (a locked or missing one would stop the run). */
  keychain: { problem: UserMessage | null } | null;
  destinations: DestinationPreview[];
  /** null: the owner restarts the bot. */
  restart: RestartPreview | null;
}

export async function previewRenewal(token: string, setup: RenewalSetup, extras: { verdict?: Diagnosis } = {}): Promise<RenewalPreview> {
  const bare = bareToken(token);
  const diagnosis = extras.verdict ?? (await diagnoseToken(bare, setup.facts, setup.graph));
  const keychain = setup.vault ? { problem: await keychainProblem(setup) } : null;
  const destinations: DestinationPreview[] = [];
  for (const destination of orderForWriting(setup.destinations)) destinations.push(await previewDestination(destination, bare, setup.folder));
  return { outcome: outcomeOf(diagnosis, keychain, destinations), diagnosis, keychain, destinations, restart: await restartPreview(setup) };
}

function outcomeOf(diagnosis: Diagnosis, keychain: RenewalPreview['keychain'], destinations: readonly DestinationPreview[]): RenewalPreview['outcome'] {
  if (!isAcceptable(diagnosis)) return COULD_NOT_CHECK.has(diagnosis.status) ? 'could_not_check' : 'refused';
  if (keychain?.problem) return 'keychain_failed';
  return destinations.some((destination) => destination.problem) ? 'write_failed' : 'applied';
}

/** Reading the bot's entry is the dry form of storing it: a keychain that cannot answer that cannot store either. */
async function keychainProblem(setup: RenewalSetup): Promise<UserMessage | null> {
  try {
    await setup.vault!.getSecret(botAccount(setup.botId));
    return null;
  } catch (error) {
    return isDoctorError(error) ? error.userMessage : { key: 'renew:keychain.failed' };
  }
}

async function restartPreview(setup: RenewalSetup): Promise<RestartPreview | null> {
  const run = setup.run;
  if (!run) return null;
  const running = await isManagedBotRunning(setup.botId, { dataHome: setup.dataHome });
  const state = running ? await readManagedState(setup.botId, setup.dataHome) : null;
  return { mode: run.mode, command: run.command, cwd: run.cwd, shell: run.shell ?? DEFAULT_COMMAND_SHELL, stopsFirst: state ? { pid: state.pid } : null };
}
