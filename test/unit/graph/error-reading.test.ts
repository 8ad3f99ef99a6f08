// Reading Meta's error envelope defensively, and the findings built from it: odd numbers and missing fields, the
// wait Meta asks for, and which date a dead token's finding carries.
import { describe, expect, it } from 'vitest';
import { deadFinding, isoFromSeconds, metaErrorFinding, minutesToRegainAccess, RANK } from '../../../src-main/core/graph/findings';
import { graphErrorFromBody, parseErrorObject, type GraphError } from '../../../src-main/core/graph/graph-error';

const error = (code: number, message = `(#${code}) x`): GraphError => ({ code, subcode: null, message, type: 'OAuthException', fbtraceId: null, isTransient: false, details: null });

describe('parseErrorObject', () => {
  it.each([
    [190, 190],
    [190.9, 190],
    ['190', 190],
    [' 190 ', 190],
    ['-1', -1],
    ['190x', null],
    ['x190', null],
    ['', null],
    [Number.NaN, null],
    [Number.POSITIVE_INFINITY, null],
    [true, null],
  ])('code %j → %j (with a message, -1 stands for none)', (code, read) => {
    expect(parseErrorObject({ code, message: 'm' })?.code).toBe(read ?? -1);
    expect(parseErrorObject({ code: 190, error_subcode: code, message: 'm' })?.subcode).toBe(read);
  });

  it('takes `subcode` when `error_subcode` is missing (debug_token says it so)', () => {
    expect(parseErrorObject({ code: 190, subcode: '463', message: 'm' })?.subcode).toBe(463);
    expect(parseErrorObject({ code: 190, error_subcode: 460, subcode: 463, message: 'm' })?.subcode).toBe(460);
  });

  it('needs a code or a message', () => {
    expect(parseErrorObject({ code: 190 })).toEqual({ code: 190, subcode: null, message: '', type: null, fbtraceId: null, isTransient: false, details: null });
    expect(parseErrorObject({ message: 'Only words' })).toMatchObject({ code: -1, message: 'Only words' });
    expect(parseErrorObject({ message: '' })).toBeNull();
    expect(parseErrorObject({ type: 'OAuthException' })).toBeNull();
  });

  it.each([null, 'text', 42, [], [{ code: 190 }]])('%j is no error object', (raw) => {
    expect(parseErrorObject(raw)).toBeNull();
  });

  it('keeps text fields only when they are non-empty text', () => {
    const read = parseErrorObject({ code: 4, message: 'm', type: '', fbtrace_id: 7, is_transient: 'true', error_data: { details: '' } });
    expect(read).toEqual({ code: 4, subcode: null, message: 'm', type: null, fbtraceId: null, isTransient: false, details: null });
    expect(parseErrorObject({ code: 4, message: 'm', error_data: ['details'] })?.details).toBeNull();
    expect(parseErrorObject({ code: 4, message: 'm', is_transient: true, error_data: { details: 'd' }, fbtrace_id: 'T' })).toMatchObject({ isTransient: true, details: 'd', fbtraceId: 'T' });
  });
});

describe('graphErrorFromBody', () => {
  it.each([null, undefined, 'error', 42, [], { data: [] }, { error: 'text' }])('%j holds no error', (body) => {
    expect(graphErrorFromBody(body)).toBeNull();
  });

  it('reads the error inside', () => {
    expect(graphErrorFromBody({ error: { code: 190, message: 'x' } })).toMatchObject({ code: 190, message: 'x' });
  });
});

describe('isoFromSeconds', () => {
  it.each([
    [null, null],
    [0, null],
    [-1, null],
    [1, '1970-01-01T00:00:01.000Z'],
    [1761091200, '2025-10-22T00:00:00.000Z'],
  ])('%j → %j', (seconds, iso) => {
    expect(isoFromSeconds(seconds)).toBe(iso);
  });
});

describe('minutesToRegainAccess', () => {
  const usage = (value: unknown) => ({ 'x-business-use-case-usage': JSON.stringify(value) });

  it.each([
    ['no header', {}, null],
    ['an empty header', { 'x-business-use-case-usage': '' }, null],
    ['a header that is not JSON', { 'x-business-use-case-usage': '{oops' }, null],
    ['no entries', usage({}), null],
    ['entries without a wait', usage({ '200000000000002': [{ type: 'whatsapp_business_management' }] }), null],
    ['one wait', usage({ '200000000000002': [{ estimated_time_to_regain_access: 12 }] }), 12],
    ['a wait written as text', usage({ '200000000000002': [{ estimated_time_to_regain_access: '7' }] }), 7],
    ['the longest of several accounts and types', usage({ a: [{ estimated_time_to_regain_access: 3 }, { estimated_time_to_regain_access: 30 }], b: [{ estimated_time_to_regain_access: 9 }] }), 30],
  ] as const)('%s → %j', (_name, headers, minutes) => {
    expect(minutesToRegainAccess(headers as Record<string, string>)).toBe(minutes);
  });
});

describe('deadFinding: which date goes with a dead token', () => {
  const told = '2025-10-22T00:00:00.000Z';
  const known = '2025-11-01T00:00:00.000Z';

  it.each([
    ['expired with the moment in the message', { status: 'expired', reason: 'session_expired', expiredAt: told }, told],
    ['expired without it', { status: 'expired', reason: 'session_expired', expiredAt: null }, known],
    ['expired for inactivity', { status: 'expired', reason: 'inactive', expiredAt: told }, known],
    ['revoked', { status: 'revoked', reason: 'password_changed' }, known],
  ] as const)('%s', (_name, verdict, expiresAt) => {
    expect(deadFinding(verdict, null, RANK.deadFromDebug, known)).toMatchObject({ status: verdict.status, expiresAt, rank: RANK.deadFromDebug });
  });
});

describe('metaErrorFinding', () => {
  it.each([
    [error(2), 'diagnosis:summary.meta_error.transient', 'diagnosis:fix.retry_later'],
    [error(368), 'diagnosis:summary.meta_error.account_restricted', 'diagnosis:fix.account_restricted'],
    [error(4), 'diagnosis:summary.meta_error.other', 'diagnosis:fix.retry_later'],
    [error(190, 'Error validating access token'), 'diagnosis:summary.meta_error.other', 'diagnosis:fix.retry_later'],
  ])('%o: what does not fit a Meta error is "other"', (graphError, summary, fix) => {
    expect(metaErrorFinding(graphError)).toMatchObject({ status: 'meta_error', summary: { key: summary, params: { code: graphError.code } }, fix: { key: fix }, rank: RANK.couldNotTell });
  });
});
