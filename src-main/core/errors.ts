// Errors are values with a stable code and a sentence for the user (a translation key), never a raw stack.

/** A sentence for the user: a key in assets/locales plus its parameters. */
export interface UserMessage {
  key: string;
  params?: Record<string, string | number>;
}

/** A failure the core expects and can explain. `message` is technical English, already free of secrets. */
export class DoctorError extends Error {
  constructor(
    readonly code: string,
    readonly userMessage: UserMessage,
    technical: string,
    options?: { cause?: unknown },
  ) {
    super(technical, options);
    this.name = 'DoctorError';
  }
}

export function isDoctorError(error: unknown): error is DoctorError {
  return error instanceof DoctorError;
}
