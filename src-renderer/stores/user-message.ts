// Turns whatever a failed `window.doctor` call threw into a sentence key the UI can show.
// The renderer cannot import DoctorCallError's class (types only), so it recognises the shape instead.
import type { UserMessage } from '../../src-main/contract';

const INTERNAL: UserMessage = { key: 'common:errors.internal' };

function isUserMessage(value: unknown): value is UserMessage {
  return typeof value === 'object' && value !== null && typeof (value as UserMessage).key === 'string';
}

export function toUserMessage(error: unknown): UserMessage {
  if (typeof error === 'object' && error !== null && 'userMessage' in error) {
    const message = (error as { userMessage: unknown }).userMessage;
    if (isUserMessage(message)) return message;
  }
  return INTERNAL;
}
