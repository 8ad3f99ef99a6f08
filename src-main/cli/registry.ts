// A command is a name, a one-line summary, a usage text and a run function that returns the exit code.
// Adding one (apply, status, renew…) = one file exporting a CliCommand + one line in commands.ts.
import { isDoctorError, type UserMessage } from '../core/errors';
import { EXIT } from './exit-codes';
import type { CliIo } from './io';

export interface CliCommand {
  name: string;
  /** Translation key of the one-line summary shown by `wa-token-doctor --help`. */
  summaryKey: string;
  /** Translation key of the full usage text shown by `wa-token-doctor <name> --help`. */
  usageKey: string;
  run(args: string[], io: CliIo): Promise<number>;
}

/**
 * A refusal a command explains in one sentence and ends with `exitCode`. The front door (run.ts) shows it, or
 * with --json prints it as one object; `code` is stable for scripts.
 */
export class CliFailure extends Error {
  constructor(
    readonly code: string,
    readonly userMessage: UserMessage,
    readonly exitCode: number,
  ) {
    super(code);
    this.name = 'CliFailure';
  }
}

/** A usage problem the command explains and exits 2 for; its code is the message's name (`apply_needs_stdin`). */
export class UsageError extends CliFailure {
  constructor(key: string, params: Record<string, string | number> = {}, code: string = key.slice(key.lastIndexOf('.') + 1)) {
    super(code, { key, params }, EXIT.usage);
    this.name = 'UsageError';
  }
}

/** A core refusal of something the user named (a missing folder, an unreadable .env) is a usage problem, in its own words. */
export function asUsageError(error: unknown): unknown {
  return isDoctorError(error) ? new UsageError(error.userMessage.key, error.userMessage.params ?? {}, error.code) : error;
}
