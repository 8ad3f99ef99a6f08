// Runs a helper program of the OS (ps, lsof, PowerShell, taskkill) by full path and returns what it printed.
import { execFile } from 'node:child_process';
import { systemProgramPath, type SystemProgram } from '../system-programs';

export interface ExecTextResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

export interface ExecTextOptions {
  timeoutMs?: number;
  /** Added to our environment (LC_ALL=C is always set, so the output's words and dates are the same everywhere). */
  env?: NodeJS.ProcessEnv;
}

/** Never throws for a non-zero exit (ps exits 1 when a PID is gone); only when the program cannot start. */
export function execText(file: string, args: readonly string[], options: ExecTextOptions = {}): Promise<ExecTextResult> {
  return new Promise((resolve, reject) => {
    execFile(
      file,
      [...args],
      {
        timeout: options.timeoutMs ?? 15_000,
        maxBuffer: 32 * 1024 * 1024,
        windowsHide: true,
        env: { ...process.env, LC_ALL: 'C', ...options.env },
      },
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

/**
 * Runs one of the OS's own programs (ps, lsof, PowerShell, taskkill) by its full path. The process tables take it
 * as a parameter: their tests answer with captured output of programs that only exist on macOS or Windows.
 */
export type RunSystemProgram = (program: SystemProgram, args: readonly string[], options?: ExecTextOptions) => Promise<ExecTextResult>;

export const runSystemProgram: RunSystemProgram = (program, args, options) => execText(systemProgramPath(program), args, options);
