// Runs one shell command line in a folder and waits for it: output collected (tail-capped), a time limit after
// which the command is stopped with everything it started. Used by the owner's restart command and by the
// destinations' token command, which differ only in what goes in (stdin) and how the outcome is judged.
import { spawn, type ChildProcess } from 'node:child_process';
import { resolveBotFolder } from './bot-folder';
import { keepTail } from './bot-log';
import { consoleEncoding } from './console-code-page';
import { withLoginShellPath } from './login-shell-path';
import { OutputDecoder } from './output-decoder';
import { shellSpawnSpec } from './os-commands';
import { UNSAFE_stopProcessTree } from './stop-process-tree';

export const SHELL_OUTPUT_CAP = 64 * 1024;
const STOP_GRACE_MS = 2_000;
// After the command exits, a background program it left behind may still hold the output pipe open.
const DRAIN_MS = 200;

export interface ShellCommandOptions {
  timeoutMs: number;
  env: NodeJS.ProcessEnv;
  /** Written to standard input, which is then closed; without it stdin is closed at once. */
  stdin?: string;
}

export interface ShellCommandEnd {
  exitCode: number | null;
  signal: string | null;
  timedOut: boolean;
  /** stdout and stderr as they came, NOT redacted (the caller knows its secrets), at most the last 64 KiB. */
  output: string;
}

function outputDrained(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    const gaveUp = setTimeout(resolve, DRAIN_MS);
    child.once('close', () => {
      clearTimeout(gaveUp);
      resolve();
    });
  });
}

/** Throws only when the folder is missing (a DoctorError) or the shell cannot be started (the spawn error). */
export async function runShellCommand(command: string, folder: string, options: ShellCommandOptions): Promise<ShellCommandEnd> {
  const cwd = await resolveBotFolder(folder);
  const spec = shellSpawnSpec(command, cwd);
  const legacyEncoding = await consoleEncoding();
  const child = spawn(spec.file, spec.args, {
    cwd: spec.cwd,
    env: await withLoginShellPath(options.env),
    // Its own process group, so a command that hangs can be stopped with everything it started.
    detached: process.platform !== 'win32',
    stdio: [options.stdin === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe'],
    windowsHide: true,
    windowsVerbatimArguments: spec.windowsVerbatimArguments,
  });
  let output = '';
  const collect = (text: string) => {
    output = keepTail(output + text, SHELL_OUTPUT_CAP * 2);
  };
  // Each stream decoded on its own: the two may even be in different encodings (UTF-16 from nssm, cmd's code page).
  const decoders = [child.stdout, child.stderr].map((stream) => {
    const decoder = new OutputDecoder(legacyEncoding);
    stream?.on('data', (chunk: Buffer) => collect(decoder.write(chunk)));
    return decoder;
  });
  if (child.stdin && options.stdin !== undefined) {
    child.stdin.on('error', () => undefined); // a command that exits without reading closes the pipe: not a failure
    child.stdin.end(options.stdin);
  }

  let timedOut = false;
  let stopping: Promise<unknown> = Promise.resolve();
  const timer = setTimeout(() => {
    timedOut = true;
    // What the stop meets is for the caller's judgement; a failure here must not hide the timeout.
    if (child.pid) stopping = UNSAFE_stopProcessTree(child.pid, { graceMs: STOP_GRACE_MS, ownProcessGroup: true }).catch(() => {});
  }, options.timeoutMs);
  try {
    const exit = await new Promise<{ code: number | null; signal: string | null }>((resolve, reject) => {
      child.once('error', reject);
      child.once('exit', (code, signal) => resolve({ code, signal }));
    });
    await stopping;
    await outputDrained(child);
    for (const decoder of decoders) collect(decoder.end());
    return { exitCode: exit.code, signal: exit.signal, timedOut, output: keepTail(output, SHELL_OUTPUT_CAP) };
  } finally {
    clearTimeout(timer);
    child.stdout?.destroy();
    child.stderr?.destroy();
  }
}
