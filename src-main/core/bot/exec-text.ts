// Runs a helper program of the OS (ps, lsof, PowerShell, taskkill) and returns what it printed.
import { execFile } from 'node:child_process';

export interface ExecTextResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Never throws for a non-zero exit (ps exits 1 when a PID is gone); only when the program cannot start. */
export function execText(file: string, args: readonly string[], timeoutMs = 15_000): Promise<ExecTextResult> {
  return new Promise((resolve, reject) => {
    execFile(
      file,
      [...args],
      { timeout: timeoutMs, maxBuffer: 32 * 1024 * 1024, windowsHide: true, env: { ...process.env, LC_ALL: 'C' } },
      (error, stdout, stderr) => {
        if (error && typeof error.code === 'string') {
          reject(error);
          return;
        }
        const code = error ? (typeof error.code === 'number' ? error.code : null) : 0;
        resolve({ code, stdout, stderr });
      },
    );
  });
}
