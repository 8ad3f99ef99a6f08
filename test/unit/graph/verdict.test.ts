import { describe, expect, it } from 'vitest';
import type { GraphOutcome } from '../../../src-main/core/graph/client';
import { graphErrorFromBody } from '../../../src-main/core/graph/graph-error';
import { buildDiagnosis, type DiagnosisContext, type DiagnosisEvidence } from '../../../src-main/core/graph/verdict';
import { describeApiVersion } from '../../../src-main/core/graph/versions';
import type { FixtureName, Json } from '../../sim/fixtures';
import { diagnosisContext, fixtures } from './fixtures';

const NOW = new Date('2026-01-10T00:00:00Z');
const NOW_S = NOW.getTime() / 1000;
const DAY = 86_400;

function ctx(extra: Partial<DiagnosisContext> = {}): DiagnosisContext {
  return diagnosisContext(NOW, extra);
}

const ok = (body: Json): GraphOutcome => ({ kind: 'ok', status: 200, body, headers: {} });
const okFixture = (name: FixtureName): GraphOutcome => ok(fixtures.get(name));
function errorFixture(name: FixtureName, status = 400, headers: Record<string, string> = {}): GraphOutcome {
  return { kind: 'graph_error', status, error: graphErrorFromBody(fixtures.get(name))!, headers };
}
const fault = (kind: Extract<GraphOutcome, { kind: 'fault' }>['fault'], status: number | null = null): GraphOutcome => ({ kind: 'fault', fault: kind, status, transient: true });

/** A valid 60-day token answer, expiring `days` from NOW. */
function debug60(days = 40): GraphOutcome {
  const body = fixtures.get('debug_token_valid_60_day');
  body.data.expires_at = NOW_S + days * DAY;
  body.data.issued_at = body.data.expires_at - 60 * DAY;
  body.data.data_access_expires_at = body.data.issued_at + 90 * DAY;
  return ok(body);
}

const healthyCalls = {
  phone: okFixture('phone_number_info_success'),
  wabaPhones: okFixture('waba_phone_numbers'),
  templates: okFixture('message_templates_hello_world'),
};

describe('valid tokens', () => {
  it('a never-expiring system-user token with everything reachable is ok', () => {
    const d = buildDiagnosis({ debugCaller: 'self', debug: okFixture('debug_token_system_user_never_expires'), ...healthyCalls }, ctx());
    expect(d).toMatchObject({
      status: 'ok',
      tokenType: 'system_user',
      tokenLifetime: 'never_expiring',
      neverExpires: true,
      expiresAt: null,
      missingScopes: [],
      helloWorld: 'approved',
      phone: { id: '300000000000003', displayPhoneNumber: '+1 555-010-0003', verifiedName: 'Example Test Shop', qualityRating: 'GREEN' },
      wabaIds: ['200000000000002'],
      summary: { key: 'diagnosis:summary.ok.never_expires' },
      fix: null,
      graphError: null,
    });
    expect(d.warnings).toEqual([]);
  });

  it('a 60-day token ending in 40 days is ok, with the date', () => {
    const d = buildDiagnosis({ debugCaller: 'self', debug: debug60(40), ...healthyCalls }, ctx());
    expect(d).toMatchObject({ status: 'ok', tokenLifetime: 'long_lived', expiresAt: new Date((NOW_S + 40 * DAY) * 1000).toISOString() });
    expect(d.summary).toEqual({ key: 'diagnosis:summary.ok.until', params: { date: d.expiresAt, count: 40 } });
  });

  it.each([
    [6.5, 'expiring_soon'],
    [7.5, 'ok'],
  ])('%s days left → %s', (days, status) => {
    expect(buildDiagnosis({ debugCaller: 'self', debug: debug60(days), ...healthyCalls }, ctx()).status).toBe(status);
  });

  it('a temporary token ending in hours is expiring soon, with a temporary-token warning and the permanent-token fix', () => {
    const body = fixtures.get('debug_token_valid_60_day');
    body.data.expires_at = NOW_S + 5 * 3600;
    delete body.data.issued_at;
    const d = buildDiagnosis({ debugCaller: 'self', debug: ok(body), ...healthyCalls }, ctx());
    expect(d).toMatchObject({ status: 'expiring_soon', tokenLifetime: 'temporary', summary: { key: 'diagnosis:summary.expiring_soon.hours', params: { count: 5 } }, fix: { key: 'diagnosis:fix.create_permanent_token' } });
    expect(d.warnings.map((w) => w.key)).toContain('diagnosis:warning.temporary_token');
  });

  it('a batch item Meta left null is "could not check that part", not a dead token', () => {
    const d = buildDiagnosis({ debugCaller: 'self', debug: debug60(), phone: fault('incomplete'), wabaPhones: fault('incomplete'), templates: fault('incomplete') }, ctx());
    expect(d.status).toBe('ok');
    expect(d.phone).toBeNull();
    expect(d.helloWorld).toBeNull();
    expect(d.warnings.map((w) => w.key)).toEqual(['diagnosis:warning.phone_not_checked', 'diagnosis:warning.waba_not_checked', 'diagnosis:warning.templates_not_checked']);
  });

  it('when debug_token failed but a call worked, the token works and its expiry is unknown', () => {
    for (const debug of [fault('timeout'), fault('server_error', 503), fault('html', 200)]) {
      const d = buildDiagnosis({ debugCaller: 'self', debug, ...healthyCalls }, ctx());
      expect(d).toMatchObject({ status: 'ok', tokenLifetime: 'unknown', summary: { key: 'diagnosis:summary.ok.expiry_unknown' } });
      expect(d.warnings.map((w) => w.key)).toContain('diagnosis:warning.expiry_unknown');
    }
  });

  it('app credentials Meta refuses become a warning when the calls prove the token works', () => {
    const mismatch: GraphOutcome = { kind: 'graph_error', status: 400, error: { code: 100, subcode: null, message: '(#100) The App_id in the input_token did not match the Viewing App', type: 'OAuthException', fbtraceId: null, isTransient: false, details: null }, headers: {} };
    const d = buildDiagnosis({ debugCaller: 'app', debug: mismatch, ...healthyCalls }, ctx());
    expect(d.status).toBe('ok');
    expect(d.warnings.map((w) => w.key)).toContain('diagnosis:warning.app_credentials_rejected');
    const alone = buildDiagnosis({ debugCaller: 'app', debug: mismatch }, ctx({ phoneNumberId: null, wabaId: null }));
    expect(alone).toMatchObject({ status: 'meta_error', summary: { key: 'diagnosis:summary.meta_error.app_credentials' }, fix: { key: 'diagnosis:fix.check_app_credentials' } });
  });

  it('reports hello_world missing or not approved', () => {
    const empty = buildDiagnosis({ debugCaller: 'self', debug: debug60(), ...healthyCalls, templates: ok({ data: [] }) }, ctx());
    expect(empty.helloWorld).toBe('missing');
    const paused = fixtures.get('message_templates_hello_world');
    paused.data[0].status = 'PAUSED';
    const d = buildDiagnosis({ debugCaller: 'self', debug: debug60(), ...healthyCalls, templates: ok(paused) }, ctx());
    expect(d.helloWorld).toBe('not_approved');
    expect(d.warnings).toContainEqual({ key: 'diagnosis:warning.hello_world_not_approved', params: { status: 'PAUSED' } });
  });

  it('warns about a retired pinned API version', () => {
    const d = buildDiagnosis({ debugCaller: 'self', debug: debug60(), ...healthyCalls }, ctx({ apiVersion: describeApiVersion('v17.0', 'v25.0', NOW) }));
    expect(d.warnings).toContainEqual({ key: 'diagnosis:warning.retired_version', params: { configured: 'v17.0', recommended: 'v25.0', date: '2025-09-12' } });
  });
});

describe('dead tokens', () => {
  it('debug_token saying expired decides, with the expiry date and graph error', () => {
    const d = buildDiagnosis({ debugCaller: 'app', debug: okFixture('debug_token_expired'), phone: fault('timeout') }, ctx());
    expect(d).toMatchObject({
      status: 'expired',
      expiresAt: '2025-10-22T00:00:00.000Z',
      graphError: { code: 190, subcode: 463 },
      summary: { key: 'diagnosis:summary.expired.on_date', params: { date: '2025-10-22T00:00:00.000Z' } },
      fix: { key: 'diagnosis:fix.create_permanent_token' },
    });
    expect(d.warnings.map((w) => w.key)).not.toContain('diagnosis:warning.phone_not_checked');
  });

  it.each([400, 401])('a 190 on a batch item decides the same with HTTP %i', (status) => {
    const d = buildDiagnosis({ debugCaller: 'self', debug: fault('timeout'), phone: errorFixture('error_190_463_expired', status) }, ctx());
    expect(d).toMatchObject({ status: 'expired', graphError: { code: 190, subcode: 463, fbtraceId: 'AFakeTraceId00000000001' } });
  });

  it('a 190 without subcode still decides from the text', () => {
    const body = fixtures.get('error_190_460_password_changed');
    delete body.error.error_subcode;
    const d = buildDiagnosis({ debugCaller: 'self', debug: fault('timeout'), phone: { kind: 'graph_error', status: 401, error: graphErrorFromBody(body)!, headers: {} } }, ctx());
    expect(d).toMatchObject({ status: 'revoked', summary: { key: 'diagnosis:summary.revoked.password_changed' }, graphError: { subcode: null } });
  });

  it('a self-inspection answered with a top-level 190 decides', () => {
    const cannotParse: GraphOutcome = { kind: 'graph_error', status: 401, error: { code: 190, subcode: null, message: 'Invalid OAuth access token - Cannot parse access token', type: 'OAuthException', fbtraceId: null, isTransient: false, details: null }, headers: {} };
    expect(buildDiagnosis({ debugCaller: 'self', debug: cannotParse }, ctx({ phoneNumberId: null, wabaId: null })).status).toBe('malformed');
  });

  it('is_valid false without an error and a past expiry is expired', () => {
    const body = fixtures.get('debug_token_expired');
    delete body.data.error;
    expect(buildDiagnosis({ debugCaller: 'app', debug: ok(body) }, ctx()).status).toBe('expired');
  });

  it('a dead verdict beats everything else in the same answer', () => {
    const d = buildDiagnosis({ debugCaller: 'self', debug: debug60(), phone: errorFixture('error_190_467_logged_out'), wabaPhones: errorFixture('error_4_app_rate_limit') }, ctx());
    expect(d).toMatchObject({ status: 'revoked', summary: { key: 'diagnosis:summary.revoked.logged_out' } });
  });
});

describe('permissions and accounts', () => {
  it('missing WhatsApp scopes', () => {
    const body = fixtures.get('debug_token_valid_60_day');
    body.data.expires_at = NOW_S + 30 * DAY;
    body.data.scopes = ['whatsapp_business_management', 'public_profile'];
    const d = buildDiagnosis({ debugCaller: 'self', debug: ok(body), phone: errorFixture('error_200_permission_missing', 403) }, ctx());
    expect(d).toMatchObject({ status: 'missing_permissions', missingScopes: ['whatsapp_business_messaging'], fix: { key: 'diagnosis:fix.add_permissions', params: { scopes: 'whatsapp_business_messaging' } } });
  });

  it('code 200 on a call without scope facts', () => {
    const d = buildDiagnosis({ debugCaller: 'self', debug: fault('timeout'), phone: errorFixture('error_200_permission_missing', 403) }, ctx());
    expect(d).toMatchObject({ status: 'missing_permissions', summary: { key: 'diagnosis:summary.missing_permissions.denied' }, graphError: { code: 200 } });
  });

  it('the configured WABA is not among the target ids', () => {
    const d = buildDiagnosis({ debugCaller: 'self', debug: okFixture('debug_token_business_token_embedded_signup') }, ctx({ wabaId: '200000000000099' }));
    expect(d).toMatchObject({ status: 'wrong_account', wabaIds: ['200000000000002', '200000000000012'], summary: { key: 'diagnosis:summary.wrong_account.waba', params: { wabaId: '200000000000099', wabaIds: '200000000000002, 200000000000012' } } });
  });

  it('targets not shown (system user) cover every WABA', () => {
    expect(buildDiagnosis({ debugCaller: 'self', debug: okFixture('debug_token_system_user_never_expires') }, ctx({ wabaId: '200000000000099' })).status).toBe('ok');
  });

  it('an unknown phone-number id (100/33) is the wrong account, with the phone-id fix', () => {
    const d = buildDiagnosis({ debugCaller: 'self', debug: debug60(), phone: errorFixture('error_100_unknown_phone_number_id') }, ctx({ phoneNumberId: '300000000000099' }));
    expect(d).toMatchObject({ status: 'wrong_account', summary: { key: 'diagnosis:summary.wrong_account.phone_unknown', params: { phoneNumberId: '300000000000099' } }, fix: { key: 'diagnosis:fix.check_phone_id' } });
  });

  it('a phone number of another WABA', () => {
    const other = fixtures.get('phone_number_info_success');
    other.id = '300000000000777';
    const d = buildDiagnosis({ debugCaller: 'self', debug: debug60(), phone: ok(other), wabaPhones: okFixture('waba_phone_numbers') }, ctx({ phoneNumberId: '300000000000777' }));
    expect(d.summary.key).toBe('diagnosis:summary.wrong_account.phone_not_in_waba');
  });
});

describe('could not check', () => {
  it('rate limits are never a dead token, and carry the wait from the usage header', () => {
    const headers = { 'x-business-use-case-usage': JSON.stringify({ '200000000000002': [{ type: 'whatsapp_business_management', estimated_time_to_regain_access: 12 }] }) };
    const d = buildDiagnosis({ debugCaller: 'self', debug: errorFixture('error_80007_waba_rate_limit', 400, headers), phone: errorFixture('error_80007_waba_rate_limit', 400, headers) }, ctx());
    expect(d).toMatchObject({ status: 'rate_limited', fix: { key: 'diagnosis:fix.wait_minutes', params: { count: 12 } }, graphError: { code: 80007 } });
    const app = buildDiagnosis({ debugCaller: 'self', debug: errorFixture('error_4_app_rate_limit', 429) }, ctx({ phoneNumberId: null, wabaId: null }));
    expect(app).toMatchObject({ status: 'rate_limited', summary: { key: 'diagnosis:summary.rate_limited.app', params: { code: 4 } }, fix: { key: 'diagnosis:fix.wait' } });
  });

  it.each([
    ['timeout', 'network_error', 'diagnosis:summary.network_error.timeout'],
    ['connection_refused', 'network_error', 'diagnosis:summary.network_error.connection_refused'],
    ['connection_reset', 'network_error', 'diagnosis:summary.network_error.connection_reset'],
    ['dns', 'network_error', 'diagnosis:summary.network_error.dns'],
    ['html', 'network_error', 'diagnosis:summary.network_error.html'],
    ['truncated', 'network_error', 'diagnosis:summary.network_error.truncated'],
    ['empty', 'network_error', 'diagnosis:summary.network_error.empty'],
    ['server_error', 'meta_error', 'diagnosis:summary.meta_error.server_error'],
  ] as const)('%s everywhere → %s', (kind, status, key) => {
    const d = buildDiagnosis({ debugCaller: 'self', debug: fault(kind), phone: fault(kind), wabaPhones: fault(kind), templates: fault(kind) }, ctx());
    expect(d).toMatchObject({ status, summary: { key }, expiresAt: null, tokenType: null, graphError: null });
    expect(['network_error', 'meta_error']).toContain(d.status);
  });

  it('a Meta error that says nothing about the token is a meta_error', () => {
    const transient: GraphOutcome = { kind: 'graph_error', status: 500, error: { code: 2, subcode: null, message: 'Service temporarily unavailable', type: 'OAuthException', fbtraceId: 'T', isTransient: true, details: null }, headers: {} };
    const d = buildDiagnosis({ debugCaller: 'self', debug: transient, phone: transient }, ctx());
    expect(d).toMatchObject({ status: 'meta_error', summary: { key: 'diagnosis:summary.meta_error.transient', params: { code: 2 } }, graphError: { code: 2, fbtraceId: 'T' } });
  });

  it('keeps counts it was given', () => {
    const evidence: DiagnosisEvidence = { debugCaller: 'self', debug: debug60() };
    expect(buildDiagnosis(evidence, ctx({ requests: 5, roundTrips: 3 }))).toMatchObject({ requests: 5, roundTrips: 3 });
  });
});
