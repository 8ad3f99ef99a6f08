// Who may drive the harness. It can run commands (a bot's restart) and write files, so "listens on 127.0.0.1" is
// not enough: any web page the developer opens could POST to it. A call must come from the harness's own page —
// its own Origin, plus a header that a page on another site cannot send without a CORS preflight we never allow.
import type { IncomingMessage } from 'node:http';

/** Sent by the harness's bridge on every call; a cross-site form or `text/plain` fetch cannot carry it. */
export const CALL_HEADER = 'x-wa-token-doctor';
export const CALL_HEADER_VALUE = 'harness';

/** The origins the harness's page can have: the same port, by address or by name. */
function ownOrigins(port: number): string[] {
  return [`http://127.0.0.1:${port}`, `http://localhost:${port}`];
}

/** True when the Host header names us (a DNS-rebinding page would send its own host name). */
export function isOwnHost(request: IncomingMessage, port: number): boolean {
  return ownOrigins(port).some((origin) => origin.slice('http://'.length) === request.headers.host);
}

/** A call (POST /api/call/…) from our own page: our Origin, our header, JSON. */
export function isTrustedCall(request: IncomingMessage, port: number): boolean {
  const origin = request.headers.origin;
  const type = request.headers['content-type'] ?? '';
  return (
    origin !== undefined &&
    ownOrigins(port).includes(origin) &&
    request.headers[CALL_HEADER] === CALL_HEADER_VALUE &&
    /^application\/json\b/i.test(type)
  );
}

/** Any other request: a foreign Origin is refused; none at all (a plain same-origin GET) is fine. */
export function isTrustedRead(request: IncomingMessage, port: number): boolean {
  const origin = request.headers.origin;
  return origin === undefined || ownOrigins(port).includes(origin);
}
