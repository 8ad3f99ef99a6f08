// Every code, subcode and message the classifier names, each with Meta's real wording (FACTS.md §1–§2): a table a
// changed line in classify.ts cannot slip through. Each row is the whole verdict, not just its status.
import { describe, expect, it } from 'vitest';
import {
  classifyGraphError,
  isAppCredentialError,
  isDeadTokenVerdict,
  isRateLimitCode,
  isRetryableGraphError,
  type ErrorVerdict,
} from '../../../src-main/core/graph/classify';
import type { GraphError } from '../../../src-main/core/graph/graph-error';

function metaError(code: number, message: string, extra: Partial<GraphError> = {}): GraphError {
  return { code, subcode: null, message, type: 'OAuthException', fbtraceId: 'AFakeTraceId', isTransient: false, details: null, ...extra };
}

/** WhatsApp's `/messages` and WABA errors: message "(#code) title", the explanation in `error_data.details`. */
function whatsappError(code: number, title: string, details: string, extra: Partial<GraphError> = {}): GraphError {
  return metaError(code, `(#${code}) ${title}`, { details, ...extra });
}

describe('rate limits, with the reason each code names', () => {
  it.each([
    [4, '(#4) Application request limit reached', 'app'],
    [17, '(#17) User request limit reached', 'user'],
    [32, '(#32) Page request limit reached', 'other'],
    [613, '(#613) Calls to this api have exceeded the rate limit.', 'other'],
    [80007, '(#80007) There have been too many messages sent from this WhatsApp Business Account', 'account'],
    [80008, '(#80008) There have been too many calls to this WhatsApp Business account. Wait a bit and try again.', 'account'],
    [130429, '(#130429) Rate limit hit', 'throughput'],
    [131048, '(#131048) Spam rate limit hit', 'throughput'],
    [131056, '(#131056) (Business Account, Consumer Account) pair rate limit hit', 'throughput'],
    // Business-use-case codes not in the table: the whole documented range 80000–80014.
    [80000, '(#80000) There have been too many calls from this ad-account.', 'account'],
    [80004, '(#80004) There have been too many calls to this ad-account.', 'account'],
    [80014, '(#80014) There have been too many calls for this ad-account.', 'account'],
  ] as const)('%i → rate_limited/%s', (code, message, reason) => {
    const error = metaError(code, message, { isTransient: true });
    expect(classifyGraphError(error)).toEqual({ status: 'rate_limited', reason });
    expect(isRateLimitCode(code)).toBe(true);
    expect(isRetryableGraphError(error)).toBe(false);
  });

  it.each([79999, 80015, 130428, 130430, 131047, 131049, 131055, 131057])('%i, next to a limit code, is not one', (code) => {
    expect(isRateLimitCode(code)).toBe(false);
    expect(classifyGraphError(metaError(code, `(#${code}) Something else`)).status).not.toBe('rate_limited');
  });
});

describe("WhatsApp's 131xxx family: each code its own verdict", () => {
  const cases: Array<[GraphError, ErrorVerdict]> = [
    [whatsappError(131005, 'Access denied', 'Permission is either not granted or has been removed.'), { status: 'missing_permissions', reason: 'permission_denied' }],
    [
      whatsappError(131031, 'Business Account locked', 'The WhatsApp Business Account associated with the app has been restricted or disabled for violating a platform policy.'),
      { status: 'meta_error', reason: 'account_restricted' },
    ],
    [whatsappError(131016, 'Service unavailable', 'A service is temporarily unavailable.'), { status: 'meta_error', reason: 'transient' }],
    [whatsappError(131000, 'Something went wrong', 'Message failed to send due to an unknown error.'), { status: 'meta_error', reason: 'other' }],
    [whatsappError(131008, 'Required parameter is missing', 'The request is missing a required parameter.'), { status: 'meta_error', reason: 'other' }],
    [whatsappError(131009, 'Parameter value is not valid', 'One or more parameter values are invalid.'), { status: 'meta_error', reason: 'other' }],
    [whatsappError(131026, 'Message undeliverable', 'Unable to deliver message.'), { status: 'meta_error', reason: 'other' }],
    [
      whatsappError(131030, 'Recipient phone number not in allowed list', 'Recipient phone number not in allowed list: Add recipient phone number to recipient list and try again.'),
      { status: 'meta_error', reason: 'other' },
    ],
    [
      whatsappError(131047, 'Re-engagement message', 'Message failed to send because more than 24 hours have passed since the customer last replied to this number.'),
      { status: 'meta_error', reason: 'other' },
    ],
    [whatsappError(132001, 'Template name does not exist in the translation', 'template name (hello_world) does not exist in en_US'), { status: 'meta_error', reason: 'other' }],
    [whatsappError(133010, 'Account not registered', 'Phone number not registered on the WhatsApp Business Platform.'), { status: 'meta_error', reason: 'other' }],
  ];

  it.each(cases)('%o → %o', (error, verdict) => {
    expect(classifyGraphError(error)).toEqual(verdict);
    expect(isDeadTokenVerdict(classifyGraphError(error))).toBe(false);
  });

  it('only 131016 of them is worth asking again', () => {
    const retried = cases.filter(([error]) => isRetryableGraphError(error)).map(([error]) => error.code);
    expect(retried).toEqual([131016]);
  });
});

describe('Graph codes that are not about the token', () => {
  it.each([
    [3, '(#3) Application does not have the capability to make this API call.', { status: 'missing_permissions', reason: 'permission_denied' }],
    [10, '(#10) Application does not have permission for this action', { status: 'missing_permissions', reason: 'permission_denied' }],
    [200, '(#200) Permissions error', { status: 'missing_permissions', reason: 'permission_denied' }],
    [299, '(#299) Requires business_management permission to manage the object', { status: 'missing_permissions', reason: 'permission_denied' }],
    [33, '(#33) This object does not exist or does not support this action', { status: 'wrong_account', reason: 'unknown_object' }],
    [368, '(#368) The action attempted has been deemed abusive or is otherwise disallowed', { status: 'meta_error', reason: 'account_restricted' }],
    [1, 'An unknown error occurred', { status: 'meta_error', reason: 'transient' }],
    [2, 'An unexpected error has occurred. Please retry your request later.', { status: 'meta_error', reason: 'transient' }],
    [199, '(#199) Something new', { status: 'meta_error', reason: 'other' }],
    [300, '(#300) Something new', { status: 'meta_error', reason: 'other' }],
    [341, '(#341) Application limit reached', { status: 'meta_error', reason: 'other' }],
    [506, '(#506) Duplicate status message', { status: 'meta_error', reason: 'other' }],
  ] as const)('%i → %o', (code, message, verdict) => {
    expect(classifyGraphError(metaError(code, message))).toEqual(verdict);
  });

  it('100 is the wrong account only with subcode 33 or an "object … does not exist" text', () => {
    const unknownPhone = "Unsupported get request. Object with ID '300000000000099' does not exist, cannot be loaded due to missing permissions, or does not support this operation.";
    expect(classifyGraphError(metaError(100, unknownPhone, { subcode: 33 }))).toEqual({ status: 'wrong_account', reason: 'unknown_object' });
    expect(classifyGraphError(metaError(100, unknownPhone))).toEqual({ status: 'wrong_account', reason: 'unknown_object' });
    expect(classifyGraphError(metaError(100, '(#100) Unsupported post request.', { subcode: 33 }))).toEqual({ status: 'wrong_account', reason: 'unknown_object' });
    expect(classifyGraphError(metaError(100, '(#100) Param phone_number_id must be a valid id'))).toEqual({ status: 'meta_error', reason: 'other' });
    // The same text with another code, or subcode 33 on another code, is not the unknown-object answer.
    expect(classifyGraphError(metaError(803, unknownPhone))).toEqual({ status: 'meta_error', reason: 'other' });
    expect(classifyGraphError(metaError(506, '(#506) Duplicate', { subcode: 33 }))).toEqual({ status: 'meta_error', reason: 'other' });
    expect(classifyGraphError(metaError(100, "Object with ID '' does not exist"))).toEqual({ status: 'wrong_account', reason: 'unknown_object' });
  });

  it('is_transient on an unknown code is a temporary fault, retried', () => {
    const error = metaError(9999, 'Please retry', { isTransient: true });
    expect(classifyGraphError(error)).toEqual({ status: 'meta_error', reason: 'transient' });
    expect(isRetryableGraphError(error)).toBe(true);
    expect(isRetryableGraphError(metaError(9999, 'Please retry'))).toBe(false);
  });
});

describe('no token reached Meta', () => {
  it.each([
    [104, 'An access token is required to request this resource.'],
    [200, 'No access token was provided. Provide valid app ID.'],
    [1, 'An access token is required to request this resource.'],
  ])('%i "%s" → malformed/no_token', (code, message) => {
    expect(classifyGraphError(metaError(code, message))).toEqual({ status: 'malformed', reason: 'no_token' });
  });
});

describe('190 and its relatives, by subcode', () => {
  const base = (code: number, subcode: number | null, message = 'Error validating access token') => metaError(code, message, { subcode });

  it.each([
    [456, { status: 'malformed', reason: 'cannot_parse' }],
    [458, { status: 'revoked', reason: 'not_authorized' }],
    [459, { status: 'revoked', reason: 'checkpoint' }],
    [460, { status: 'revoked', reason: 'password_changed' }],
    [461, { status: 'revoked', reason: 'invalid' }],
    [463, { status: 'expired', reason: 'session_expired', expiredAt: null }],
    [464, { status: 'revoked', reason: 'unconfirmed_user' }],
    [465, { status: 'revoked', reason: 'invalid' }],
    [466, { status: 'revoked', reason: 'invalidated' }],
    [467, { status: 'revoked', reason: 'invalid' }],
    [468, { status: 'expired', reason: 'inactive', expiredAt: null }],
    [492, { status: 'revoked', reason: 'invalid_session' }],
    [493, { status: 'expired', reason: 'inactive', expiredAt: null }],
  ] as const)('190/%i → %o', (subcode, verdict) => {
    expect(classifyGraphError(base(190, subcode))).toEqual(verdict);
  });

  it.each([102, 0])('code %i is read as a token error too', (code) => {
    expect(classifyGraphError(base(code, 460))).toEqual({ status: 'revoked', reason: 'password_changed' });
    expect(classifyGraphError(base(code, null, 'We were unable to authenticate the app user.'))).toEqual({ status: 'revoked', reason: 'invalid' });
  });

  it('the subcode wins over a message that says something else', () => {
    const loggedOutText = 'Error validating access token: The session is invalid because the user logged out.';
    expect(classifyGraphError(base(190, 460, loggedOutText))).toEqual({ status: 'revoked', reason: 'password_changed' });
    expect(classifyGraphError(base(190, 456, loggedOutText))).toEqual({ status: 'malformed', reason: 'cannot_parse' });
    expect(classifyGraphError(base(190, 467, loggedOutText))).toEqual({ status: 'revoked', reason: 'logged_out' });
    for (const subcode of [461, 465, 467]) {
      expect(classifyGraphError(base(190, subcode, loggedOutText.replace('user logged out', 'app was reinstalled')))).toEqual({ status: 'revoked', reason: 'invalid' });
      expect(classifyGraphError(base(190, subcode, 'Error validating access token: Session has expired on Monday, 19-Jun-23 06:29:46 PDT.'))).toEqual({ status: 'revoked', reason: 'invalid' });
    }
  });

  it('463 takes the expiry moment from its message', () => {
    const message = 'Error validating access token: Session has expired on Monday, 19-Jun-23 06:29:46 PDT. The current time is Tuesday, 04-Jul-23 02:11:32 PDT.';
    expect(classifyGraphError(base(190, 463, message))).toEqual({ status: 'expired', reason: 'session_expired', expiredAt: '2023-06-19T13:29:46.000Z' });
  });

  it('an unknown subcode falls back on the message, then on "invalid"', () => {
    expect(classifyGraphError(base(190, 999, 'Error validating access token: The session is invalid because the user logged out.'))).toEqual({ status: 'revoked', reason: 'logged_out' });
    expect(classifyGraphError(base(190, 999))).toEqual({ status: 'revoked', reason: 'invalid' });
  });
});

describe('190 without a subcode: the message decides', () => {
  it.each([
    ['Error validating access token: Session has expired on Saturday, 08-Nov-25 23:00:00 PST. The current time is Sunday, 09-Nov-25 10:00:00 PST.', { status: 'expired', reason: 'session_expired', expiredAt: '2025-11-09T07:00:00.000Z' }],
    ['Error validating access token: The access token has expired.', { status: 'expired', reason: 'session_expired', expiredAt: null }],
    ['Invalid OAuth access token - Cannot parse access token', { status: 'malformed', reason: 'cannot_parse' }],
    ['Error validating access token: Session key is malformed.', { status: 'malformed', reason: 'cannot_parse' }],
    ['Malformed access token EAAFAKE', { status: 'malformed', reason: 'cannot_parse' }],
    ['The access token could not be decrypted', { status: 'malformed', reason: 'cannot_decrypt' }],
    ['Invalid OAuth access token signature.', { status: 'malformed', reason: 'bad_signature' }],
    ['Error validating access token: The session is invalid because the user logged out.', { status: 'revoked', reason: 'logged_out' }],
    ['Error validating access token: The session has been invalidated because the user changed their password or Facebook has changed the session for security reasons.', { status: 'revoked', reason: 'password_changed' }],
    ['Error validating access token: The session has been invalidated because the user has changed the password.', { status: 'revoked', reason: 'password_changed' }],
    ['Error validating access token: The user changed his password.', { status: 'revoked', reason: 'password_changed' }],
    ['Error validating access token: The user changed her password.', { status: 'revoked', reason: 'password_changed' }],
    ['Error validating access token: The password was changed.', { status: 'revoked', reason: 'password_changed' }],
    ['Error validating access token: The password has been changed.', { status: 'revoked', reason: 'password_changed' }],
    ['Error validating access token: Password changed.', { status: 'revoked', reason: 'password_changed' }],
    ['Error validating access token: 500000000000005 has not authorized application 100000000000001', { status: 'revoked', reason: 'not_authorized' }],
    ['Error validating access token: The session was invalidated explicitly using an API call.', { status: 'revoked', reason: 'invalidated' }],
    ['Error validating access token: The session was invalidated explicitly.', { status: 'revoked', reason: 'invalidated' }],
    ['Error validating access token: The session was revoked explicitly using an API call.', { status: 'revoked', reason: 'invalidated' }],
    ['Error validating access token: The user is enrolled in a blocking, logged-in checkpoint', { status: 'revoked', reason: 'checkpoint' }],
    ["The access token is invalid since the user hasn't engaged the app in longer than 90 days.", { status: 'expired', reason: 'inactive', expiredAt: null }],
    ['Error validating access token: The user has not used the application for a long time.', { status: 'expired', reason: 'inactive', expiredAt: null }],
    ['Error validating access token: Something Meta has not said before.', { status: 'revoked', reason: 'invalid' }],
  ] as const)('"%s"', (message, verdict) => {
    expect(classifyGraphError(metaError(190, message))).toEqual(verdict);
  });

  it('the token texts decide whatever the code, when the code is not one Meta uses for something else', () => {
    expect(classifyGraphError(metaError(2500, 'Error validating access token: The session is invalid because the user logged out.'))).toEqual({ status: 'revoked', reason: 'logged_out' });
    expect(classifyGraphError(metaError(2500, 'Invalid OAuth access token signature.'))).toEqual({ status: 'malformed', reason: 'bad_signature' });
    // A rate limit stays a rate limit whatever its text says.
    expect(classifyGraphError(metaError(4, 'Error validating access token: Session has expired'))).toEqual({ status: 'rate_limited', reason: 'app' });
  });

  it('words that only look like token texts are not', () => {
    expect(classifyGraphError(metaError(2500, 'The user logged out of the page'))).toEqual({ status: 'meta_error', reason: 'other' });
  });
});

describe('refused app credentials', () => {
  it.each([
    [101, 'Error validating application. Invalid application ID.', true],
    [1, 'Error validating client secret.', true],
    [101, 'Error validating client id.', true],
    [100, '(#100) The App_id in the input_token did not match the Viewing App', true],
    [100, 'Invalid appid', true],
    [190, 'Error validating application secret', true],
    [190, 'Invalid OAuth access token signature.', false],
    [100, '(#100) Param phone_number_id must be a valid id', false],
    [1, 'An unknown error occurred', false],
  ] as const)('%i "%s" → %s', (code, message, refused) => {
    expect(isAppCredentialError(metaError(code, message))).toBe(refused);
  });

  it('a refused secret is never retried, even under code 1 or is_transient', () => {
    expect(isRetryableGraphError(metaError(1, 'Error validating client secret.', { isTransient: true }))).toBe(false);
    expect(isRetryableGraphError(metaError(101, 'Error validating application. Invalid application ID.', { isTransient: true }))).toBe(false);
  });
});

describe('isDeadTokenVerdict', () => {
  it.each([
    [{ status: 'expired', reason: 'inactive', expiredAt: null }, true],
    [{ status: 'revoked', reason: 'invalid' }, true],
    [{ status: 'malformed', reason: 'no_token' }, true],
    [{ status: 'missing_permissions', reason: 'permission_denied' }, false],
    [{ status: 'wrong_account', reason: 'unknown_object' }, false],
    [{ status: 'rate_limited', reason: 'app' }, false],
    [{ status: 'meta_error', reason: 'transient' }, false],
  ] as const)('%o → %s', (verdict, dead) => {
    expect(isDeadTokenVerdict(verdict)).toBe(dead);
  });
});
