// Runs the owner's command that stores the token where the bot reads it (a database, an encrypted store…).
// The token goes only to the command's standard input: arguments and environment can be read by other users
// of the machine (`ps`, /proc/PID/environ), a pipe cannot.
import { spawn, type ChildProcess } from 'node:child_process';
import { UNSAFE_stopProcessTree } from '../bot';
import { resolveBotFolder } from '../bot/bot-folder';
import { keepTail } from '../bot/bot-log';
import { shellSpawnSpec } from '../bot/os-commands';
import { isDoctorError } from '../errors';
import { redactSecrets } from '../redact';
import { destinationError } from './errors';

export const DEFAULT_COMMAND_TIMEOUT_MS = 60_000;
const OUTPUT_CAP = 64 * 1024;
/** What a failure message carries of the output: enough to see why, short enough for a dialog. */
const OUTPUT_IN_MESSAGE = 2_000;
const STOP_GRACE_MS = 2_000;
const DRAIN_MS = 200;

export interface TokenCommandRun {
  exitCode: number;
  /** stdout and stderr as they came, with the token and anything token-shaped masked; at most 64 KiB. */
  output: string;
}

/**
 * Runs `command` through the shell in `cwd`, writes `token` and a line break to its standard input, then closes
 * it. Throws `dest_command_failed` (non-zero exit), `dest_command_timed_out` (stopped with all it started) or
 * `dest_command_not_started`; the error's params carry the redacted output's end as `output`.
 */
export async function runTokenCommand(command: string, cwd: string, token: string, timeoutMs = DEFAULT_COMMAND_TIMEOUT_MS): Promise<TokenCommandRun> {
  const folder = await resolveBotFolder(cwd);
  const spec = shellSpawnSpec(command);
  const shown = redactSecrets(command, [token]);
  const child = spawn(spec.file, spec.args, {
    cwd: folder,
    env: environmentWithout(token),
    // Its own process group, so a command that hangs is stopped together with everything it started.
    detached: process.platform !== 'win32',
    stdio: ['pipe', 'pipe', 'pipe'],
    windowsHide: true,
    windowsVerbatimArguments: spec.windowsVerbatimArguments,
  });
  let output = '';
  const collect = (chunk: Buffer) => {
    output = keepTail(output + chunk.toString('utf8'), OUTPUT_CAP * 2);
  };
  child.stdout.on('data', collect);
  child.stderr.on('data', collect);
  child.stdin.on('error', () => undefined); // a command that exits without reading closes the pipe: not our failure
  child.stdin.end(`${token}\n`);

  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    if (child.pid) void UNSAFE_stopProcessTree(child.pid, { graceMs: STOP_GRACE_MS, ownProcessGroup: true }).catch(() => undefined);
  }, timeoutMs);
  try {
    const exitCode = await new Promise<number | null>((resolve, reject) => {
      child.once('error', reject);
      child.once('exit', (code) => resolve(code));
    });
    await outputDrained(child);
    const redacted = keepTail(redactSecrets(output, [token]), OUTPUT_CAP);
    const params = { command: shown, output: keepTail(redacted, OUTPUT_IN_MESSAGE).trim() };
    if (timedOut) {
      throw destinationError('command_timed_out', `The token command did not finish within ${timeoutMs} ms`, { ...params, count: Math.round(timeoutMs / 1000) });
    }
    if (exitCode !== 0) {
      throw destinationError('command_failed', `The token command exited with ${String(exitCode)}`, { ...params, exitCode: exitCode ?? 'signal' });
    }
    return { exitCode, output: redacted };
  } catch (error) {
    if (isDoctorError(error)) throw error;
    const reason = redactSecrets(error instanceof Error ? error.message : String(error), [token]);
    throw destinationError('command_not_started', `Could not run the token command in ${folder}: ${reason}`, { command: shown }, error);
  } finally {
    clearTimeout(timer);
    child.stdout.destroy();
    child.stderr.destroy();
  }
}

/** The last output after the exit; a background program the command left behind may hold the pipes open. */
function outputDrained(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    const gaveUp = setTimeout(resolve, DRAIN_MS);
    child.once('close', () => {
      clearTimeout(gaveUp);
      resolve();
    });
  });
}

/** Our environment, minus any variable that holds the token (a CLI user may have exported it). */
function environmentWithout(token: string): NodeJS.ProcessEnv {
  return Object.fromEntries(Object.entries(process.env).filter(([, value]) => value === undefined || !value.includes(token)));
}
