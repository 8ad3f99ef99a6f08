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

/** Validates `rawInput` against the call's schema, runs it, and wraps the outcome. Never throws. */
export async function dispatchCall(
  service: DoctorService,
  name: CallName,
  rawInput: unknown,
  log: (line: string) => void = () => {},
): Promise<Envelope<unknown>> {
  const parsed = v.safeParse(calls[name].input, rawInput);
  if (!parsed.success) {
    log(`rejected ${name}: invalid input (${parsed.issues.map((issue) => issue.message).join('; ')})`);
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
