// Removes Meta tokens and app secrets from any text before it leaves the core (logs, errors, CLI output, UI).
import { maskToken } from './token/mask';

// User/system-user/page tokens, app tokens (`APPID|SECRET`, also URL-encoded), as DESIGN.md asks.
const SECRET_PATTERNS: readonly RegExp[] = [
  /EAA[A-Za-z0-9]{20,}/g,
  /\d+(?:\||%7C|%7c)[A-Za-z0-9_-]{20,}/g,
];

/**
 * Returns `text` with every token-shaped run masked, plus any exact secrets the caller knows about
 * (an app secret has no recognisable shape of its own).
 */
export function redactSecrets(text: string, knownSecrets: readonly string[] = []): string {
  let result = text;
  for (const secret of knownSecrets) {
    if (secret.length >= 8) result = result.split(secret).join('[redacted]');
  }
  for (const pattern of SECRET_PATTERNS) {
    result = result.replace(pattern, (match) => (match.startsWith('EAA') ? maskToken(match) : '[redacted]'));
  }
  return result;
}
