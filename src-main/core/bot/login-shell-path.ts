// An app opened from the macOS Finder or Dock gets launchd's bare PATH (/usr/bin:/bin:/usr/sbin:/sbin): no
// Homebrew, no nvm, no pyenv, so `npm`, `pm2`, `docker` and Homebrew's `python3` are "not found" in the bot's
// command although they work in the owner's Terminal. The owner's login shell knows the real PATH: ask it once.
import { spawn } from 'node:child_process';

const MARK = '__WA_TOKEN_DOCTOR_PATH__';
const TIMEOUT_MS = 5_000;

let cached: Promise<string | null> | undefined;

/**
 * PATH as the owner's shell sets it up (login and interactive, where nvm and pyenv usually live), or null when
 * the shell fails or takes too long. The marks cut away whatever the shell's start-up files print.
 */
export function askLoginShellPath(shell: string, env: NodeJS.ProcessEnv = process.env, timeoutMs = TIMEOUT_MS): Promise<string | null> {
  return new Promise((resolve) => {
    // Its own process group, so a start-up file that hangs is ended with everything it started.
    const child = spawn(shell, ['-ilc', `printf '%s%s%s' '${MARK}' "$PATH" '${MARK}'`], {
      env: { ...env, DISABLE_AUTO_UPDATE: 'true' },
      stdio: ['ignore', 'pipe', 'ignore'],
      detached: true,
    });
    let stdout = '';
    const timer = setTimeout(() => {
      try {
        process.kill(-child.pid!, 'SIGKILL');
      } catch {
        // already gone
      }
      resolve(null);
    }, timeoutMs);
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString('utf8');
    });
    child.once('error', () => {
      clearTimeout(timer);
      resolve(null);
    });
    child.once('close', () => {
      clearTimeout(timer);
      const parts = stdout.split(MARK);
      resolve(parts.length >= 3 && parts[1] ? parts[1] : null);
    });
  });
}

/** `env` with the login shell's PATH in front of its own (macOS only; elsewhere `env` as it is). */
export async function withLoginShellPath(env: NodeJS.ProcessEnv, platform: NodeJS.Platform = process.platform): Promise<NodeJS.ProcessEnv> {
  if (platform !== 'darwin') return env;
  cached ??= askLoginShellPath(process.env.SHELL || '/bin/zsh');
  const shellPath = await cached;
  return shellPath === null ? env : { ...env, PATH: mergePaths(shellPath, env.PATH ?? '') };
}

/** The shell's entries first, then ours that it lacks, each once. */
export function mergePaths(first: string, second: string): string {
  return [...new Set([...first.split(':'), ...second.split(':')].filter(Boolean))].join(':');
}
