// The one way a token is ever shown: enough to recognise it, never enough to use it.

/** `EAAQ…sBQJm`: the first four and the last five characters. Short strings are hidden entirely. */
export function maskToken(token: string): string {
  if (token.length < 16) return '…';
  return `${token.slice(0, 4)}…${token.slice(-5)}`;
}
