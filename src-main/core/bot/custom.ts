// Custom mode: the owner's own restart command (`pm2 restart bot`, `systemctl --user restart bot`,
// `docker compose up -d --force-recreate app`, `nssm restart bot`), run in the bot's folder.
import { spawn } from 'node:child_process';
import type { UserMessage } from '../errors';
import { DoctorError } from '../errors';
import { redactSecrets } from '../redact';
import { resolveBotFolder } from './bot-folder';
import { keepTail } from './bot-log';
import { shellSpawnSpec } from './os-commands';
import { UNSAFE_stopProcessTree } from './stop-process-tree';

export interface CustomCommandResult {
  ok: boolean;
  exitCode: number | null;
  signal: string | null;
  timedOut: boolean;
  /** stdout and stderr as they came, redacted, at most the last 64 KiB. */
  output: string;
}

export interface CustomCommandOptions {
  timeoutMs?: number;
  knownSecrets?: readonly string[];
  env?: NodeJS.ProcessEnv;
}

const DEFAULT_TIMEOUT_MS = 120_000;
const OUTPUT_CAP = 64 * 1024;
// After the command exits, a background program it left behind may still hold the output pipe open.
const DRAIN_MS = 200;

/** Runs the restart command and reports how it ended. Throws only when the folder is missing or it cannot start. */
export async function runCustomRestart(
  command: string,
  folder: string,
  options: CustomCommandOptions = {},
): Promise<CustomCommandResult> {
  const cwd = await resolveBotFolder(folder);
  const spec = shellSpawnSpec(command);
  const child = spawn(spec.file, spec.args, {
    cwd,
    env: options.env ?? process.env,
    // Its own process group, so a command that hangs can be stopped with everything it started.
    detached: process.platform !== 'win32',
    stdio: ['ignore', 'pipe', 'pipe'],
    windowsHide: true,
    windowsVerbatimArguments: spec.windowsVerbatimArguments,
  });
  let output = '';
  const collect = (chunk: Buffer) => {
    output = keepTail(output + chunk.toString('utf8'), OUTPUT_CAP * 2);
  };
  child.stdout.on('data', collect);
  child.stderr.on('data', collect);

  let timedOut = false;
  let stopping: Promise<unknown> = Promise.resolve();
  const timer = setTimeout(() => {
    timedOut = true;
    // Whatever the stop meets is reported by the caller's health check; a failure here must not hide the timeout.
    if (child.pid) stopping = UNSAFE_stopProcessTree(child.pid, { graceMs: 2_000, ownProcessGroup: true }).catch(() => {});
  }, options.timeoutMs ?? DEFAULT_TIMEOUT_MS);

  try {
    const exit = await new Promise<{ code: number | null; signal: string | null }>((resolve, reject) => {
      child.once('error', reject);
      child.once('exit', (code, signal) => resolve({ code, signal }));
    });
    await stopping;
    await new Promise((resolve) => {
      const drained = setTimeout(resolve, DRAIN_MS);
      child.once('close', () => {
        clearTimeout(drained);
        resolve(undefined);
      });
    });
    return {
      ok: exit.code === 0 && !timedOut,
      exitCode: exit.code,
      signal: exit.signal,
      timedOut,
      output: keepTail(redactSecrets(output, options.knownSecrets), OUTPUT_CAP),
    };
  } catch (error) {
    throw new DoctorError(
      'bot_command_failed_to_start',
      { key: 'bot:errors.commandFailedToStart' },
      `Could not run the restart command in ${cwd}: ${redactSecrets((error as Error).message)}`,
      { cause: error },
    );
  } finally {
    clearTimeout(timer);
    child.stdout.destroy();
    child.stderr.destroy();
  }
}

/** What the owner should know about a restart command before trusting it. */
export function restartCommandWarnings(command: string): UserMessage[] {
  // `docker compose restart` keeps the container and so the environment it was created with (docker/compose#4140).
  if (/\bdocker(?:-compose|\s+compose)\b.*\srestart\b/.test(command)) {
    return [{ key: 'bot:detect.warning.composeRestartKeepsEnv' }];
  }
  return [];
}
