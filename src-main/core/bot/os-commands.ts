// How each OS is asked to run a command line, kill a process tree or answer a PowerShell query. Pure
// construction, so the Windows and macOS forms are unit-tested here even though only Linux runs them.
import { systemProgramPath } from '../system-programs';
import { isUncPath } from './bot-folder';

export interface SpawnSpec {
  file: string;
  args: string[];
  /** The working folder to give spawn(): the bot's, except where the shell cannot start in it (below). */
  cwd: string;
  /** Windows only: pass `args` to cmd.exe untouched (it has its own quoting rules). */
  windowsVerbatimArguments: boolean;
}

/**
 * The owner's command line through the OS shell in `folder`, as they would type it in a terminal (`npm start`,
 * `venv/bin/python run.py`, `pm2 restart all`). The same rules Node uses for `shell: true`, made explicit,
 * with the shell itself called by full path.
 */
export function shellSpawnSpec(
  command: string,
  folder: string,
  platform: NodeJS.Platform = process.platform,
  env: NodeJS.ProcessEnv = process.env,
): SpawnSpec {
  if (platform !== 'win32') return { file: '/bin/sh', args: ['-c', command], cwd: folder, windowsVerbatimArguments: false };
  // cmd.exe cannot start in a \\server\share folder (it falls back to C:\Windows); pushd maps a drive letter.
  const unc = isUncPath(folder);
  const line = unc ? `pushd "${folder}" && ${command}` : command;
  return {
    file: systemProgramPath('cmd', platform, env),
    // /d: no AutoRun macros; /s + outer quotes: cmd keeps the inner quotes of the command as they are.
    args: ['/d', '/s', '/c', `"${line}"`],
    cwd: unc ? systemProgramPath('cmd', platform, env).replace(/\\cmd\.exe$/i, '') : folder,
    windowsVerbatimArguments: true,
  };
}

/** How a managed bot is started: where its output goes decides whether Windows can run it without a window. */
export interface BotSpawnSpec extends SpawnSpec {
  /** POSIX: its own process group, outliving the app. Never on Windows, where it means a console of its own. */
  detached: boolean;
  /** True when the shell itself appends the output to the log; otherwise the log's descriptor is inherited. */
  shellWritesLog: boolean;
}

/**
 * Starts a bot in `folder` with its output appended to `logFile`. On Windows, cmd.exe opens the log itself so
 * that no handle is inherited: only then does Node ask for CREATE_NO_WINDOW, and the bot (with everything it
 * starts) shares one console that has no window (a detached start gives cmd.exe a visible console of its own,
 * nodejs/node#21825). `chcp 65001` makes that console's programs, cmd's own messages included, write UTF-8.
 */
export function botSpawnSpec(
  command: string,
  folder: string,
  logFile: string,
  platform: NodeJS.Platform = process.platform,
  env: NodeJS.ProcessEnv = process.env,
): BotSpawnSpec {
  if (platform !== 'win32') return { ...shellSpawnSpec(command, folder, platform, env), detached: true, shellWritesLog: false };
  // cmd expands %NAME% even inside quotes; such a log path (a % in the user name) keeps the inherited handle.
  if (/[%"]/.test(logFile)) return { ...shellSpawnSpec(command, folder, platform, env), detached: false, shellWritesLog: false };
  // A redirection after one command is understood by every cmd (Wine's too); a chain needs a group around it.
  const target = hasCommandChain(command) ? `(${command})` : command;
  return {
    ...shellSpawnSpec(`chcp 65001 >nul & ${target} >> "${logFile}" 2>&1`, folder, platform, env),
    detached: false,
    shellWritesLog: true,
  };
}

/** An `&`, `|` (or `&&`, `||`) outside double quotes and not escaped with `^`. */
export function hasCommandChain(command: string): boolean {
  let quoted = false;
  for (let i = 0; i < command.length; i++) {
    const char = command[i];
    if (char === '"') quoted = !quoted;
    else if (char === '^' && !quoted) i++;
    else if ((char === '&' || char === '|') && !quoted) return true;
  }
  return false;
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
