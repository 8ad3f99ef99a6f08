// The one place a raw call from outside (IPC or the harness's HTTP) is validated and turned into an envelope,
// so both hosts behave the same and a failure keeps its code and its sentence but never a secret or a stack.
import * as v from 'valibot';
import { calls, type CallName, type Envelope } from '../../contract';
import { isDoctorError } from '../errors';
import { redactSecrets } from '../redact';
import type { DoctorService } from './types';

export function isCallName(name: string): name is CallName {
  return Object.hasOwn(calls, name);
}

/**
 * Where the input was wrong and which rule it broke (`token: min_length`, `id: regex`), never what it held:
 * valibot's own messages quote the value, and an app secret or a mistyped token has no shape redaction knows.
 */
export function describeIssues(issues: readonly v.BaseIssue<unknown>[]): string {
  return issues
    .map((issue) => {
      // Object keys come from the sender too: kept short and redacted like everything else that is logged.
      const path = redactSecrets(v.getDotPath(issue) ?? '(the input)').slice(0, 80);
      return `${path}: ${issue.type}`;
    })
    .join('; ');
}

/** Validates `rawInput` against the call's schema, runs it, and wraps the outcome. Never throws. */
export async function dispatchCall(
  service: DoctorService,
  name: CallName,
  rawInput: unknown,
  log: (line: string) => void = () => {},
): Promise<Envelope<unknown>> {
  const parsed = v.safeParse(calls[name].input, rawInput);
  if (!parsed.success) {
    log(`rejected ${name}: invalid input (${describeIssues(parsed.issues)})`);
    return { ok: false, error: { code: 'invalid_input', message: { key: 'service:errors.invalidInput' } } };
  }
  try {
    const handler = service[name] as (input: unknown) => Promise<unknown>;
    return { ok: true, value: await handler(parsed.output) };
  } catch (error) {
    if (isDoctorError(error)) {
      log(`${name} failed: ${error.code}: ${redactSecrets(error.message)}`);
      return { ok: false, error: { code: error.code, message: error.userMessage } };
    }
    const text = error instanceof Error ? error.message : String(error);
    log(`${name} crashed: ${redactSecrets(text)}`);
    return { ok: false, error: { code: 'internal', message: { key: 'service:errors.internal' } } };
  }
}
