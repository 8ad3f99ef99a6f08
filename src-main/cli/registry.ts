// A command is a name, a one-line summary, a usage text and a run function that returns the exit code.
// Adding one (apply, status, renew…) = one file exporting a CliCommand + one line in commands.ts.
import { isDoctorError } from '../core/errors';
import type { CliIo } from './io';

export interface CliCommand {
  name: string;
  /** Translation key of the one-line summary shown by `wa-token-doctor --help`. */
  summaryKey: string;
  /** Translation key of the full usage text shown by `wa-token-doctor <name> --help`. */
  usageKey: string;
  run(args: string[], io: CliIo): Promise<number>;
}

/** A usage problem the command explains and exits 2 for. */
export class UsageError extends Error {
  constructor(
    readonly key: string,
    readonly params: Record<string, string | number> = {},
  ) {
    super(key);
    this.name = 'UsageError';
  }
}

/** A core refusal of something the user named (a missing folder, an unreadable .env) is a usage problem, in its own words. */
export function asUsageError(error: unknown): unknown {
  return isDoctorError(error) ? new UsageError(error.userMessage.key, error.userMessage.params ?? {}) : error;
}
