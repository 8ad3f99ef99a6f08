// Turns one Graph error into what it means for the token, on `code` and `subcode` first and the message text
// only as a fallback (subcodes are often missing: FACTS.md §2). HTTP status is never consulted.
import { isInvalidProofError, isProofRequiredError } from './appsecret-proof';
import type { GraphError } from './graph-error';
import { expiryFromMessage, isSessionExpiredMessage } from './session-expiry';

export type RevokedReason =
  | 'password_changed'
  | 'logged_out'
  | 'not_authorized'
  | 'checkpoint'
  | 'unconfirmed_user'
  | 'invalidated'
  | 'invalid_session'
  | 'invalid';

export type ErrorVerdict =
  | { status: 'expired'; reason: 'session_expired' | 'inactive'; expiredAt: string | null }
  | { status: 'revoked'; reason: RevokedReason }
  | { status: 'malformed'; reason: 'cannot_parse' | 'cannot_decrypt' | 'bad_signature' | 'no_token' }
  | { status: 'missing_permissions'; reason: 'permission_denied' }
  | { status: 'wrong_account'; reason: 'unknown_object' }
  | { status: 'rate_limited'; reason: 'app' | 'user' | 'account' | 'throughput' | 'other' }
  /** `appsecret_proof_required`: the app has "Require App Secret" on and the call came without a (valid) proof. */
  | { status: 'meta_error'; reason: 'transient' | 'account_restricted' | 'appsecret_proof_required' | 'other' };

/** Codes that mean "too many calls" (Graph [RATE] and WhatsApp [WA-ERR]); the 800xx account limits are below. */
const RATE_LIMIT_REASONS: ReadonlyMap<number, Extract<ErrorVerdict, { status: 'rate_limited' }>['reason']> = new Map([
  [4, 'app'],
  [17, 'user'],
  [32, 'other'],
  [613, 'other'],
  [130429, 'throughput'],
  [131048, 'throughput'],
  [131056, 'throughput'],
]);

/** Business-use-case throttling codes (80000–80014; WhatsApp's 80007 and 80008 among them): one account's limit. */
function isBusinessUseCaseLimit(code: number): boolean {
  return code >= 80000 && code <= 80014;
}

export function isRateLimitCode(code: number): boolean {
  return RATE_LIMIT_REASONS.has(code) || isBusinessUseCaseLimit(code);
}

/** Codes Meta uses for a token it will not accept (190 and its relatives). */
const TOKEN_CODES: ReadonlySet<number> = new Set([190, 102, 0]);

const SUBCODE_VERDICTS: ReadonlyMap<number, ErrorVerdict> = new Map<number, ErrorVerdict>([
  [458, { status: 'revoked', reason: 'not_authorized' }],
  [459, { status: 'revoked', reason: 'checkpoint' }],
  [460, { status: 'revoked', reason: 'password_changed' }],
  [461, { status: 'revoked', reason: 'invalid' }],
  [464, { status: 'revoked', reason: 'unconfirmed_user' }],
  [465, { status: 'revoked', reason: 'invalid' }],
  [466, { status: 'revoked', reason: 'invalidated' }],
  [492, { status: 'revoked', reason: 'invalid_session' }],
  [456, { status: 'malformed', reason: 'cannot_parse' }],
  [468, { status: 'expired', reason: 'inactive', expiredAt: null }],
  [493, { status: 'expired', reason: 'inactive', expiredAt: null }],
]);

/** Message texts seen in real responses, for errors that carry no (known) subcode. */
function verdictFromTokenMessage(message: string): ErrorVerdict | null {
  if (isSessionExpiredMessage(message)) {
    return { status: 'expired', reason: 'session_expired', expiredAt: expiryFromMessage(message) };
  }
  if (/cannot parse access token|session key is malformed|malformed access token/i.test(message)) {
    return { status: 'malformed', reason: 'cannot_parse' };
  }
  if (/could not be decrypted/i.test(message)) return { status: 'malformed', reason: 'cannot_decrypt' };
  if (/access token signature/i.test(message)) return { status: 'malformed', reason: 'bad_signature' };
  if (/logged out/i.test(message)) return { status: 'revoked', reason: 'logged_out' };
  if (/changed (?:their|the|his|her) password|password (?:was |has been )?changed/i.test(message)) {
    return { status: 'revoked', reason: 'password_changed' };
  }
  if (/has not authorized application/i.test(message)) return { status: 'revoked', reason: 'not_authorized' };
  if (/invalidated explicitly|explicitly using an api call/i.test(message)) {
    return { status: 'revoked', reason: 'invalidated' };
  }
  if (/checkpoint/i.test(message)) return { status: 'revoked', reason: 'checkpoint' };
  if (/engaged the app|not used the app/i.test(message)) return { status: 'expired', reason: 'inactive', expiredAt: null };
  return null;
}

function isMissingTokenMessage(message: string): boolean {
  return /an access token is required|no access token was provided/i.test(message);
}

function looksLikeTokenError(message: string): boolean {
  return /error validating access token|invalid oauth access token/i.test(message);
}

function tokenVerdict(error: GraphError): ErrorVerdict {
  if (error.subcode === 463) {
    return { status: 'expired', reason: 'session_expired', expiredAt: expiryFromMessage(error.message) };
  }
  if (error.subcode === 467) {
    // Meta's table says "Invalid Access Token"; the text seen with it is "…because the user logged out".
    return { status: 'revoked', reason: /logged out/i.test(error.message) ? 'logged_out' : 'invalid' };
  }
  // Stryker disable next-line ConditionalExpression: equivalent, Map.get(null) is undefined too; the test narrows the type.
  const bySubcode = error.subcode === null ? undefined : SUBCODE_VERDICTS.get(error.subcode);
  if (bySubcode) return bySubcode;
  return verdictFromTokenMessage(error.message) ?? { status: 'revoked', reason: 'invalid' };
}

/** What one Graph error says about the token. */
export function classifyGraphError(error: GraphError): ErrorVerdict {
  const { code, message } = error;

  const rateReason = RATE_LIMIT_REASONS.get(code);
  if (rateReason) return { status: 'rate_limited', reason: rateReason };
  if (isBusinessUseCaseLimit(code)) return { status: 'rate_limited', reason: 'account' };

  // Code 100, not 190: the app's settings refuse the call, the token itself was not judged.
  if (isProofRequiredError(error) || isInvalidProofError(error)) return { status: 'meta_error', reason: 'appsecret_proof_required' };
  if (code === 104 || isMissingTokenMessage(message)) return { status: 'malformed', reason: 'no_token' };
  if (TOKEN_CODES.has(code) || looksLikeTokenError(message)) return tokenVerdict(error);

  if (code === 10 || code === 3 || code === 131005 || (code >= 200 && code <= 299)) {
    return { status: 'missing_permissions', reason: 'permission_denied' };
  }
  if ((code === 100 && error.subcode === 33) || code === 33) return { status: 'wrong_account', reason: 'unknown_object' };
  if (code === 100 && /object with id '[^']*' does not exist/i.test(message)) {
    return { status: 'wrong_account', reason: 'unknown_object' };
  }
  if (code === 368 || code === 131031) return { status: 'meta_error', reason: 'account_restricted' };
  if (code === 1 || code === 2 || code === 131016 || error.isTransient) return { status: 'meta_error', reason: 'transient' };
  return { status: 'meta_error', reason: 'other' };
}

/** Meta refusing the app id or app secret (`Error validating client secret.` comes as code 1, not 190). */
export function isAppCredentialError(error: GraphError): boolean {
  return error.code === 101 || /client secret|client id|app_?id|application secret|invalid appsecret/i.test(error.message);
}

/**
 * debug_token asked by a system-user token about itself: "(#100) You must provide an app access token…" (FACTS.md
 * §0 #4). Meta accepted the caller, so the token works; only the app token may read its expiry.
 */
export function isAppTokenRequiredError(error: GraphError): boolean {
  return error.code === 100 && /must provide an app access token/i.test(error.message);
}

/** Worth asking again after a pause: Meta's temporary faults, never a rate limit (waiting seconds will not help). */
export function isRetryableGraphError(error: GraphError): boolean {
  if (isRateLimitCode(error.code) || isAppCredentialError(error)) return false;
  return error.code === 1 || error.code === 2 || error.code === 131016 || error.isTransient;
}

/** The statuses that mean Meta refused the token itself. */
export function isDeadTokenVerdict(verdict: ErrorVerdict): boolean {
  return verdict.status === 'expired' || verdict.status === 'revoked' || verdict.status === 'malformed';
}
