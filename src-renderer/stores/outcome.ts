// What a store action that a form waits on resolves to: the value, or the sentence explaining why not.
import type { UserMessage } from '../../src-main/contract';
import { toUserMessage } from './user-message';

export type Outcome<T> = { ok: true; value: T } | { ok: false; message: UserMessage };

export async function outcomeOf<T>(promise: Promise<T>): Promise<Outcome<T>> {
  try {
    return { ok: true, value: await promise };
  } catch (error) {
    return { ok: false, message: toUserMessage(error) };
  }
}
