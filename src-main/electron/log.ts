// The shell's log: one line per event on stderr, with secrets masked at the sink so that no caller can forget.
import { redactSecrets } from '../core/redact';

export function writeShellLog(line: string): void {
  console.error(`wa-token-doctor: ${redactSecrets(line)}`);
}

export function describeError(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
