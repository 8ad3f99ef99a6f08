// The 2026 verdicts (FACTS.md §0): what an answer about appsecret_proof means, what a system-user token's refused
// self-inspection means, and the warnings for a pinned Graph version that is retired or retiring within 90 days.
import { describe, expect, it } from 'vitest';
import { classifyGraphError, isAppTokenRequiredError, isRetryableGraphError } from '../../../src-main/core/graph/classify';
import type { GraphOutcome } from '../../../src-main/core/graph/client';
import { graphErrorFromBody, parseErrorObject } from '../../../src-main/core/graph/graph-error';
import { buildDiagnosis, type DiagnosisContext } from '../../../src-main/core/graph/verdict';
import { describeApiVersion, GRAPH_API_VERSIONS, isRetiringSoon, versionWarning } from '../../../src-main/core/graph/versions';
import { diagnosisContext, fixtures } from './fixtures';

const NOW = new Date('2026-12-06T12:00:00Z');
const proofRequired = parseErrorObject({ message: 'API calls from the server require an appsecret_proof argument', type: 'GraphMethodException', code: 100 })!;
const proofInvalid = parseErrorObject({ message: 'Invalid appsecret_proof provided in the API argument', type: 'GraphMethodException', code: 100 })!;
const appTokenRequired = graphErrorFromBody(fixtures.get('debug_token_missing_access_token_error'))!;

function ctx(extra: Partial<DiagnosisContext> = {}): DiagnosisContext {
  return diagnosisContext(NOW, { wabaId: null, ...extra });
}
const error = (e: NonNullable<ReturnType<typeof parseErrorObject>>): GraphOutcome => ({ kind: 'graph_error', status: 400, error: e, headers: {} });
const phoneOk: GraphOutcome = { kind: 'ok', status: 200, body: fixtures.get('phone_number_info_success'), headers: {} };

describe('appsecret_proof answers', () => {
  it('are the app\'s settings, never a dead token, and are not retried', () => {
    for (const e of [proofRequired, proofInvalid]) {
      expect(classifyGraphError(e)).toEqual({ status: 'meta_error', reason: 'appsecret_proof_required' });
      expect(isRetryableGraphError(e)).toBe(false);
    }
  });

  it('a diagnosis refused for a missing proof says to add the app secret or switch the setting off', () => {
    const d = buildDiagnosis({ debugCaller: 'self', debug: error(proofRequired), phone: error(proofRequired) }, ctx());
    expect(d).toMatchObject({ status: 'meta_error', summary: { key: 'diagnosis:summary.meta_error.appsecret_proof_required' }, fix: { key: 'diagnosis:fix.appsecret_proof' } });
  });
});

describe('a token refused a look at itself', () => {
  it('is recognised only by Meta\'s "must provide an app access token" (code 100)', () => {
    expect(isAppTokenRequiredError(appTokenRequired)).toBe(true);
    expect(isAppTokenRequiredError({ ...appTokenRequired, code: 190 })).toBe(false);
    expect(isAppTokenRequiredError(proofRequired)).toBe(false);
  });

  it('works: ok, a system user, expiry null because only the app may read it', () => {
    const d = buildDiagnosis({ debugCaller: 'self', debug: error(appTokenRequired), phone: phoneOk }, ctx());
    expect(d).toMatchObject({ status: 'ok', tokenType: 'system_user', tokenLifetime: 'unknown', expiresAt: null, expiryUnknownReason: 'needs_app_credentials', fix: null });
    expect(d.warnings).toContainEqual({ key: 'diagnosis:warning.expiry_needs_app_credentials' });
  });

  it('still loses to a call that says the token is dead', () => {
    const dead: GraphOutcome = { kind: 'graph_error', status: 400, error: graphErrorFromBody(fixtures.get('error_190_463_expired'))!, headers: {} };
    const d = buildDiagnosis({ debugCaller: 'self', debug: error(appTokenRequired), phone: dead }, ctx());
    expect(d).toMatchObject({ status: 'expired', expiryUnknownReason: null });
  });

  it('means nothing special when the app asked (then it is the credentials that failed)', () => {
    const d = buildDiagnosis({ debugCaller: 'app', debug: error(appTokenRequired), phone: phoneOk }, ctx());
    expect(d.expiryUnknownReason).toBeNull();
    expect(d.warnings).toContainEqual({ key: 'diagnosis:warning.app_credentials_rejected' });
  });
});

describe('Graph versions in December 2026', () => {
  it('lists every version through v27.0 with Meta\'s dates', () => {
    expect(GRAPH_API_VERSIONS['v27.0']).toEqual({ released: '2026-11-04', availableUntil: null });
    expect(GRAPH_API_VERSIONS['v21.0']?.availableUntil).toBe('2027-01-21');
    expect(GRAPH_API_VERSIONS['v20.0']?.availableUntil).toBe('2026-09-24');
  });

  it('warns, with the date, about a version retiring within 90 days (v21.0), not about one further off (v22.0)', () => {
    expect(isRetiringSoon('v21.0', NOW)).toBe(true);
    expect(isRetiringSoon('v22.0', NOW)).toBe(false);
    expect(isRetiringSoon('v22.0', new Date('2027-02-20T00:00:00Z'))).toBe(true);
    const info = describeApiVersion('21.0', 'v25.0', NOW);
    expect(info).toMatchObject({ configured: 'v21.0', retired: false, retiringSoon: true, retiresOn: '2027-01-21' });
    expect(versionWarning(info)).toEqual({ key: 'diagnosis:warning.retiring_version', params: { configured: 'v21.0', recommended: 'v25.0', date: '2027-01-21' } });
  });

  it('warns about a retired version (v20.0 since 2026-09-24) and says nothing about a current one', () => {
    expect(versionWarning(describeApiVersion('v20.0', 'v25.0', NOW))).toMatchObject({ key: 'diagnosis:warning.retired_version', params: { date: '2026-09-24' } });
    expect(versionWarning(describeApiVersion('v24.0', 'v25.0', NOW))).toBeNull();
    expect(versionWarning(describeApiVersion(null, 'v25.0', NOW))).toBeNull();
  });

  it('a diagnosis carries the warning', () => {
    const d = buildDiagnosis({ debugCaller: 'self', phone: phoneOk }, ctx({ apiVersion: describeApiVersion('v21.0', 'v25.0', NOW) }));
    expect(d.warnings.map((warning) => warning.key)).toContain('diagnosis:warning.retiring_version');
  });
});
