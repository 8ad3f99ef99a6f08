// The three calls beside debug_token (the phone number, the WABA's numbers, the templates), read alone: which
// number facts win, when a number is "not in this WABA", what an unknown object means for each call, and hello_world.
import { describe, expect, it } from 'vitest';
import type { GraphOutcome } from '../../../src-main/core/graph/client';
import { readCalls, type CallsContext } from '../../../src-main/core/graph/read-calls';
import { errorFixture, ok, okFixture } from './verdict-evidence';
import { fixtures } from './fixtures';

const context = (extra: Partial<CallsContext> = {}): CallsContext => ({ phoneNumberId: '300000000000003', wabaId: '200000000000002', timeoutMs: 15_000, ...extra });
const timeout: GraphOutcome = { kind: 'fault', fault: 'timeout', status: null, transient: true };
const serverError: GraphOutcome = { kind: 'fault', fault: 'server_error', status: 503, transient: true };

function wabaList(ids: string[], next?: string): GraphOutcome {
  const data = ids.map((id, index) => ({ id, verified_name: `Listed ${index}`, display_phone_number: `+1 555-000-000${index}`, quality_rating: 'GREEN' }));
  return ok(next ? { data, paging: { next } } : { data, paging: { cursors: {} } });
}

describe('the phone number', () => {
  it('the phone call\'s own answer wins over the WABA list', () => {
    const phone = fixtures.get('phone_number_info_success');
    const reading = readCalls({ phone: ok(phone), wabaPhones: wabaList(['300000000000003']) }, context());
    expect(reading.phone).toEqual({ id: '300000000000003', displayPhoneNumber: '+1 555-010-0003', verifiedName: 'Example Test Shop', qualityRating: 'GREEN' });
  });

  it('when the phone call failed, the WABA list gives the number', () => {
    const reading = readCalls({ phone: timeout, wabaPhones: wabaList(['300000000000099', '300000000000003']) }, context());
    expect(reading.phone).toEqual({ id: '300000000000003', displayPhoneNumber: '+1 555-000-0001', verifiedName: 'Listed 1', qualityRating: 'GREEN' });
  });

  it('an answer without an id, or with empty fields, keeps the configured id and no empty names', () => {
    const reading = readCalls({ phone: ok({ verified_name: '', display_phone_number: 5 }) }, context());
    expect(reading.phone).toEqual({ id: '300000000000003', displayPhoneNumber: null, verifiedName: null, qualityRating: null });
  });

  it('without a configured id, a WABA with exactly one number gives that number', () => {
    expect(readCalls({ wabaPhones: wabaList(['300000000000007']) }, context({ phoneNumberId: null })).phone).toMatchObject({ id: '300000000000007', verifiedName: 'Listed 0' });
    expect(readCalls({ wabaPhones: wabaList(['300000000000007', '300000000000008']) }, context({ phoneNumberId: null })).phone).toBeNull();
    expect(readCalls({ wabaPhones: ok({ data: [{ verified_name: 'No id' }] }) }, context({ phoneNumberId: null })).phone).toMatchObject({ id: '', verifiedName: 'No id' });
  });
});

describe('"this number is not in this WABA"', () => {
  it('is said when the whole list came back and the phone call worked', () => {
    const reading = readCalls({ phone: okFixture('phone_number_info_success'), wabaPhones: wabaList(['300000000000099']) }, context());
    expect(reading.findings.map((finding) => [finding.status, finding.summary.key])).toEqual([['wrong_account', 'diagnosis:summary.wrong_account.phone_not_in_waba']]);
    expect(reading.findings[0]?.summary.params).toEqual({ phoneNumberId: '300000000000003', wabaId: '200000000000002' });
  });

  it('is not said when the list has more pages, the phone call failed, or no WABA is configured', () => {
    const phone = okFixture('phone_number_info_success');
    expect(readCalls({ phone, wabaPhones: wabaList(['300000000000099'], 'https://graph.facebook.com/next') }, context()).findings).toEqual([]);
    expect(readCalls({ phone: timeout, wabaPhones: wabaList(['300000000000099']) }, context()).findings).toEqual([]);
    expect(readCalls({ phone, wabaPhones: wabaList(['300000000000099']) }, context({ wabaId: null })).findings).toEqual([]);
  });

  it('a list that is not a list is an empty one', () => {
    const reading = readCalls({ phone: timeout, wabaPhones: ok({ data: 'nope' }) }, context());
    expect(reading).toMatchObject({ wabaReachable: true, phone: null, findings: [] });
  });

  it('a list with entries that are no objects skips them', () => {
    const reading = readCalls({ phone: timeout, wabaPhones: ok({ data: [null, 'x', ['300000000000003'], { id: '300000000000003', verified_name: 'Listed' }] }) }, context());
    expect(reading.phone).toMatchObject({ id: '300000000000003', verifiedName: 'Listed' });
    const alone = readCalls({ wabaPhones: ok({ data: [null, { id: '300000000000007' }] }) }, context({ phoneNumberId: null }));
    expect(alone.phone).toMatchObject({ id: '300000000000007' });
  });

  it('without a configured id, an answer that is not a list gives no number', () => {
    expect(readCalls({ wabaPhones: ok({ error_free: true }) }, context({ phoneNumberId: null })).phone).toBeNull();
  });

  it('is not said when the phone call was not made', () => {
    expect(readCalls({ wabaPhones: wabaList(['300000000000099']) }, context()).findings).toEqual([]);
  });
});

describe('errors of the calls', () => {
  it('an unknown object on the WABA call is the WABA\'s, with the assign-WABA fix', () => {
    const reading = readCalls({ wabaPhones: errorFixture('error_100_unknown_phone_number_id') }, context());
    expect(reading.findings).toMatchObject([
      { status: 'wrong_account', summary: { key: 'diagnosis:summary.wrong_account.waba_unknown', params: { wabaId: '200000000000002' } }, fix: { key: 'diagnosis:fix.assign_waba' } },
    ]);
  });

  it('an unknown object without a configured WABA tells nothing: that part was not checked', () => {
    const reading = readCalls({ templates: errorFixture('error_100_unknown_phone_number_id') }, context({ wabaId: null }));
    expect(reading.findings).toEqual([]);
    expect(reading.warnings.map((warning) => warning.key)).toEqual(['diagnosis:warning.templates_not_checked']);
    expect(reading.firstFailure).toMatchObject({ status: 'meta_error', graphError: { code: 100 } });
  });

  it('a rate limit on a call is a finding, not a part left unchecked', () => {
    const reading = readCalls({ phone: errorFixture('error_4_app_rate_limit', 429) }, context());
    expect(reading.findings).toMatchObject([{ status: 'rate_limited', summary: { key: 'diagnosis:summary.rate_limited.app' } }]);
    expect(reading.warnings).toEqual([]);
  });

  it('the first failure is kept, whatever fails after it', () => {
    const reading = readCalls({ phone: timeout, wabaPhones: serverError, templates: errorFixture('error_132001_template_missing') }, context());
    expect(reading.firstFailure).toMatchObject({ status: 'network_error', summary: { key: 'diagnosis:summary.network_error.timeout' } });
    expect(reading.anyOk).toBe(false);
    expect(reading.warnings.map((warning) => warning.key)).toEqual(['diagnosis:warning.phone_not_checked', 'diagnosis:warning.waba_not_checked', 'diagnosis:warning.templates_not_checked']);
  });

  it('one call that worked is enough to know the token works', () => {
    expect(readCalls({ phone: timeout, templates: okFixture('message_templates_hello_world') }, context()).anyOk).toBe(true);
    expect(readCalls({}, context())).toMatchObject({ anyOk: false, wabaReachable: false, phone: null, helloWorld: null, firstFailure: null });
  });
});

describe('hello_world', () => {
  const template = (name: string, status?: string) => ({ name, ...(status === undefined ? {} : { status }) });

  it.each([
    [[template('order_update', 'APPROVED'), template('hello_world', 'PAUSED')], 'not_approved', { key: 'diagnosis:warning.hello_world_not_approved', params: { status: 'PAUSED' } }],
    [[template('hello_world')], 'not_approved', { key: 'diagnosis:warning.hello_world_not_approved', params: { status: 'UNKNOWN' } }],
    [[template('order_update', 'APPROVED')], 'missing', { key: 'diagnosis:warning.hello_world_missing' }],
    [[template('hello_world', 'APPROVED')], 'approved', null],
  ] as const)('%o → %s', (data, state, warning) => {
    const reading = readCalls({ templates: ok({ data: [...data] }) }, context());
    expect(reading.helloWorld).toBe(state);
    expect(reading.warnings).toEqual(warning ? [warning] : []);
  });
});
