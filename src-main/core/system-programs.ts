// The OS helper programs the app runs (cmd.exe, PowerShell, taskkill, ps, lsof, git), always by full path: a
// bare name is looked up in the current folder first on Windows, so a `taskkill.exe` planted in a bot's folder
// (or wherever the CLI was started) would run instead of the real one.
import { accessSync, constants, statSync } from 'node:fs';
import { posix, win32 } from 'node:path';

export type SystemProgram = 'cmd' | 'powershell' | 'taskkill' | 'ps' | 'lsof';

/** Where each OS keeps its own copy. Windows' folder comes from SystemRoot, which only an administrator moves. */
export function systemProgramPath(
  program: SystemProgram,
  platform: NodeJS.Platform = process.platform,
  env: NodeJS.ProcessEnv = process.env,
): string {
  if (platform === 'win32') {
    const system32 = win32.join(windowsRoot(env), 'System32');
    if (program === 'cmd') return win32.join(system32, 'cmd.exe');
    if (program === 'powershell') return win32.join(system32, 'WindowsPowerShell', 'v1.0', 'powershell.exe');
    if (program === 'taskkill') return win32.join(system32, 'taskkill.exe');
    throw new RangeError(`${program} is not a Windows program.`);
  }
  if (program === 'ps') return '/bin/ps';
  if (program === 'lsof') return platform === 'darwin' ? '/usr/sbin/lsof' : '/usr/bin/lsof';
  throw new RangeError(`${program} is a Windows program.`);
}

function windowsRoot(env: NodeJS.ProcessEnv): string {
  const root = env.SystemRoot ?? env.SYSTEMROOT ?? env.windir ?? env.WINDIR;
  return root && win32.isAbsolute(root) ? root : 'C:\\Windows';
}

/**
 * A program that lives wherever its installer put it (git), found on PATH the way a shell would, except
 * that relative PATH entries and the current folder are never searched. Null when it is not installed.
 */
export function findOnPath(
  name: string,
  platform: NodeJS.Platform = process.platform,
  env: NodeJS.ProcessEnv = process.env,
  isExecutable: (path: string) => boolean = defaultIsExecutable(platform),
): string | null {
  const path = platform === 'win32' ? win32 : posix;
  const entries = (env.PATH ?? env.Path ?? '').split(platform === 'win32' ? ';' : ':');
  // Only a real .exe: execFile cannot run a .cmd or .bat without a shell.
  const file = platform === 'win32' ? `${name}.exe` : name;
  for (const entry of entries) {
    const folder = entry.replace(/^"(.*)"$/, '$1');
    if (!folder || !path.isAbsolute(folder)) continue;
    const candidate = path.join(folder, file);
    if (isExecutable(candidate)) return candidate;
  }
  return null;
}

function defaultIsExecutable(platform: NodeJS.Platform): (path: string) => boolean {
  return (candidate) => {
    try {
      if (!statSync(candidate).isFile()) return false;
      if (platform !== 'win32') accessSync(candidate, constants.X_OK);
      return true;
    } catch {
      return false;
    }
  };
}
