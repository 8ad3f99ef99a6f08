import { describe, expect, it } from 'vitest';
import { classifyGraphError, isRetryableGraphError } from '../../../src-main/core/graph/classify';
import { graphErrorFromBody, parseErrorObject, type GraphError } from '../../../src-main/core/graph/graph-error';
import { fixtures } from './fixtures';
import type { FixtureName } from '../../sim/fixtures';

function errorOf(name: FixtureName): GraphError {
  const error = graphErrorFromBody(fixtures.get(name));
  if (!error) throw new Error(`${name} is not an error fixture`);
  return error;
}

function withoutSubcode(error: GraphError): GraphError {
  return { ...error, subcode: null };
}

describe('classifyGraphError on the shared fixtures', () => {
  it.each([
    ['error_190_463_expired', { status: 'expired', reason: 'session_expired' }],
    ['error_190_460_password_changed', { status: 'revoked', reason: 'password_changed' }],
    ['error_190_467_logged_out', { status: 'revoked', reason: 'logged_out' }],
    ['error_190_467_invalid', { status: 'revoked', reason: 'invalid' }],
    ['error_200_permission_missing', { status: 'missing_permissions' }],
    ['error_100_unknown_phone_number_id', { status: 'wrong_account' }],
    ['error_4_app_rate_limit', { status: 'rate_limited', reason: 'app' }],
    ['error_80007_waba_rate_limit', { status: 'rate_limited', reason: 'account' }],
  ] as const)('%s → %o', (name, expected) => {
    expect(classifyGraphError(errorOf(name))).toMatchObject(expected);
  });

  it('reads the expiry moment from the 463 message (Pacific daylight time)', () => {
    expect(classifyGraphError(errorOf('error_190_463_expired'))).toEqual({
      status: 'expired',
      reason: 'session_expired',
      expiredAt: '2025-10-22T00:00:00.000Z',
    });
  });

  it('classifies the debug_token inner error (`subcode`, not `error_subcode`)', () => {
    const data = fixtures.get('debug_token_expired').data;
    const error = parseErrorObject(data.error);
    expect(error?.subcode).toBe(463);
    expect(classifyGraphError(error as GraphError).status).toBe('expired');
    const cannotParse = parseErrorObject(fixtures.get('debug_token_invalid_cannot_parse').data.error);
    expect(classifyGraphError(cannotParse as GraphError)).toEqual({ status: 'malformed', reason: 'cannot_parse' });
  });
});

describe('classification without a subcode falls back on the message', () => {
  it.each([
    ['error_190_463_expired', 'expired'],
    ['error_190_460_password_changed', 'revoked'],
    ['error_190_467_logged_out', 'revoked'],
  ] as const)('%s without subcode → %s with the same reason', (name, status) => {
    const full = classifyGraphError(errorOf(name));
    const bare = classifyGraphError(withoutSubcode(errorOf(name)));
    expect(bare.status).toBe(status);
    expect(bare).toEqual(full);
  });

  it('reads the older "at unix time N" form', () => {
    const error: GraphError = {
      code: 190,
      subcode: null,
      message: 'Error validating access token: Session has expired at unix time 1350000000. The current unix time is 1350600000.',
      type: 'OAuthException',
      fbtraceId: null,
      isTransient: false,
      details: null,
    };
    expect(classifyGraphError(error)).toEqual({ status: 'expired', reason: 'session_expired', expiredAt: '2012-10-12T00:00:00.000Z' });
  });

  it('reads the older password message and the not-authorized message', () => {
    const base = { code: 190, subcode: null, type: 'OAuthException', fbtraceId: null, isTransient: false, details: null };
    expect(classifyGraphError({ ...base, message: 'Error validating access token: The session has been invalidated because the user has changed the password.' })).toEqual({ status: 'revoked', reason: 'password_changed' });
    expect(classifyGraphError({ ...base, message: 'Error validating access token: 500000000000005 has not authorized application 100000000000001' })).toEqual({ status: 'revoked', reason: 'not_authorized' });
    expect(classifyGraphError({ ...base, message: 'Error validating access token: The session was invalidated explicitly using an API call.' })).toEqual({ status: 'revoked', reason: 'invalidated' });
  });

  it.each([
    ['Invalid OAuth access token - Cannot parse access token', 'cannot_parse'],
    ['The access token could not be decrypted', 'cannot_decrypt'],
    ['Invalid OAuth access token signature.', 'bad_signature'],
    ['Error validating access token: Session key is malformed.', 'cannot_parse'],
  ])('"%s" → malformed/%s', (message, reason) => {
    expect(classifyGraphError({ code: 190, subcode: null, message, type: 'OAuthException', fbtraceId: null, isTransient: false, details: null })).toEqual({ status: 'malformed', reason });
  });

  it('a token error with an unexpected code is still read from its text', () => {
    const error = { ...errorOf('error_190_463_expired'), code: 102, subcode: null };
    expect(classifyGraphError(error).status).toBe('expired');
  });
});

describe('classification by subcode', () => {
  const base: GraphError = { code: 190, subcode: null, message: 'Error validating access token', type: 'OAuthException', fbtraceId: null, isTransient: false, details: null };
  it.each([
    [458, 'revoked', 'not_authorized'],
    [459, 'revoked', 'checkpoint'],
    [460, 'revoked', 'password_changed'],
    [463, 'expired', 'session_expired'],
    [464, 'revoked', 'unconfirmed_user'],
    [466, 'revoked', 'invalidated'],
    [467, 'revoked', 'invalid'],
    [492, 'revoked', 'invalid_session'],
    [493, 'expired', 'inactive'],
  ])('190/%i → %s/%s', (subcode, status, reason) => {
    expect(classifyGraphError({ ...base, subcode })).toMatchObject({ status, reason });
  });

  it('a bare 190 with an unknown text is a token Meta no longer accepts', () => {
    expect(classifyGraphError({ ...base, message: 'Something new' })).toEqual({ status: 'revoked', reason: 'invalid' });
  });
});

describe('other codes', () => {
  const error = (code: number, extra: Partial<GraphError> = {}): GraphError => ({ code, subcode: null, message: `(#${code}) x`, type: 'OAuthException', fbtraceId: null, isTransient: false, details: null, ...extra });

  it.each([4, 17, 32, 613, 80007, 80008, 130429, 80000, 80014])('%i is a rate limit, never retried', (code) => {
    expect(classifyGraphError(error(code)).status).toBe('rate_limited');
    expect(isRetryableGraphError(error(code, { isTransient: true }))).toBe(false);
  });

  it.each([10, 200, 250, 299, 3])('%i is a missing permission', (code) => {
    expect(classifyGraphError(error(code)).status).toBe('missing_permissions');
  });

  it('100/33 is an unknown object (wrong account); 100 alone is a Meta error', () => {
    expect(classifyGraphError(error(100, { subcode: 33 })).status).toBe('wrong_account');
    expect(classifyGraphError(error(100)).status).toBe('meta_error');
  });

  it('1, 2 and is_transient are temporary Meta errors and are retried', () => {
    for (const candidate of [error(1), error(2), error(9999, { isTransient: true })]) {
      expect(classifyGraphError(candidate)).toEqual({ status: 'meta_error', reason: 'transient' });
      expect(isRetryableGraphError(candidate)).toBe(true);
    }
  });

  it('a refused app secret (code 1) is not retried', () => {
    expect(isRetryableGraphError(error(1, { message: 'Error validating client secret.' }))).toBe(false);
  });

  it('368 is a restricted account; 104 means no token reached Meta', () => {
    expect(classifyGraphError(error(368))).toEqual({ status: 'meta_error', reason: 'account_restricted' });
    expect(classifyGraphError(error(104))).toEqual({ status: 'malformed', reason: 'no_token' });
  });
});

describe('parseErrorObject', () => {
  it('tolerates strings for numbers and missing fields', () => {
    expect(parseErrorObject({ code: '190', error_subcode: '463', message: 'x' })).toMatchObject({ code: 190, subcode: 463 });
    expect(parseErrorObject('nope')).toBeNull();
    expect(parseErrorObject({})).toBeNull();
    expect(graphErrorFromBody({ data: [] })).toBeNull();
  });

  it('keeps WhatsApp details and is_transient', () => {
    expect(errorOf('error_80007_waba_rate_limit').details).toContain('rate limit');
    expect(errorOf('error_4_app_rate_limit').isTransient).toBe(true);
    expect(errorOf('error_190_463_expired').fbtraceId).toBe('AFakeTraceId00000000001');
  });
});
