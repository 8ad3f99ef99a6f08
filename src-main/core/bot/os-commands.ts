// How each OS is asked to run a command line, kill a process tree or answer a PowerShell query. Pure
// construction, so the Windows and macOS forms are unit-tested here even though only Linux runs them.

export interface SpawnSpec {
  file: string;
  args: string[];
  /** Windows only: pass `args` to cmd.exe untouched (it has its own quoting rules). */
  windowsVerbatimArguments: boolean;
}

/**
 * The owner's command line through the OS shell, as they would type it in a terminal (`npm start`,
 * `venv/bin/python run.py`, `pm2 restart all`). The same rules Node uses for `shell: true`, made explicit.
 */
export function shellSpawnSpec(
  command: string,
  platform: NodeJS.Platform = process.platform,
  env: NodeJS.ProcessEnv = process.env,
): SpawnSpec {
  if (platform === 'win32') {
    // /d: no AutoRun macros; /s + outer quotes: cmd keeps the inner quotes of the command as they are.
    return { file: env.ComSpec || 'cmd.exe', args: ['/d', '/s', '/c', `"${command}"`], windowsVerbatimArguments: true };
  }
  return { file: '/bin/sh', args: ['-c', command], windowsVerbatimArguments: false };
}

/**
 * `taskkill /PID a [/PID b …] [/T] [/F]`: without /F it asks politely, with /F it ends them; /T adds each
 * one's children. Always by PID, never `/IM` (by name).
 */
export function taskkillArgs(pids: readonly number[], options: { tree: boolean; force: boolean }): string[] {
  if (pids.length === 0) throw new RangeError('taskkill needs at least one PID.');
  pids.forEach(assertPid);
  return [...pids.flatMap((pid) => ['/PID', String(pid)]), ...(options.tree ? ['/T'] : []), ...(options.force ? ['/F'] : [])];
}

/**
 * Runs a PowerShell script without profile or prompts. The script goes base64 (UTF-16LE) so no quoting
 * of ours can ever be misread as part of a command.
 */
export function powershellArgs(script: string): string[] {
  return [
    '-NoProfile',
    '-NonInteractive',
    '-ExecutionPolicy',
    'Bypass',
    '-EncodedCommand',
    Buffer.from(script, 'utf16le').toString('base64'),
  ];
}

/** Quotes one argument for the platform's shell when it needs it (a venv path with spaces, say). */
export function quoteShellArg(arg: string, platform: NodeJS.Platform = process.platform): string {
  if (/^[\w@%+=:,./\\-]+$/.test(arg)) return arg;
  if (platform === 'win32') return `"${arg.replace(/"/g, '""')}"`;
  return `'${arg.replace(/'/g, `'\\''`)}'`;
}

/** A PID we may signal: a positive integer, never 0/1 (the group of the caller, init) nor a negative group id. */
export function assertPid(pid: number): void {
  if (!Number.isInteger(pid) || pid < 2) throw new RangeError(`Refusing to signal PID ${String(pid)}.`);
}
