// Test helper: Meta's answers for buildDiagnosis, built from the shared fixtures around one fixed moment.
import type { GraphOutcome } from '../../../src-main/core/graph/client';
import { graphErrorFromBody, type GraphError } from '../../../src-main/core/graph/graph-error';
import type { DiagnosisContext } from '../../../src-main/core/graph/verdict';
import { describeApiVersion } from '../../../src-main/core/graph/versions';
import type { FixtureName, Json } from '../../sim/fixtures';
import { fixtures } from './fixtures';

export const NOW = new Date('2026-01-10T00:00:00Z');
export const NOW_S = NOW.getTime() / 1000;
export const DAY = 86_400;

export function ctx(extra: Partial<DiagnosisContext> = {}): DiagnosisContext {
  return {
    maskedToken: 'EAAF…abcde',
    phoneNumberId: '300000000000003',
    wabaId: '200000000000002',
    now: NOW,
    apiVersion: describeApiVersion(null, 'v25.0', NOW),
    requests: 4,
    roundTrips: 1,
    timeoutMs: 15_000,
    warnings: [],
    ...extra,
  };
}

export const ok = (body: Json): GraphOutcome => ({ kind: 'ok', status: 200, body, headers: {} });
export const okFixture = (name: FixtureName): GraphOutcome => ok(fixtures.get(name));
export const errorFixture = (name: FixtureName, status = 400): GraphOutcome => ({ kind: 'graph_error', status, error: graphErrorFromBody(fixtures.get(name))!, headers: {} });

export function topLevel(code: number, message: string, status = 400): GraphOutcome {
  const error: GraphError = { code, subcode: null, message, type: 'OAuthException', fbtraceId: 'AFakeTraceId', isTransient: false, details: null };
  return { kind: 'graph_error', status, error, headers: {} };
}

/** A valid token answer expiring `days` from NOW (issued 60 days before that), changed by `change`. */
export function validDebug(days: number, change: (data: Record<string, unknown>) => void = () => {}): GraphOutcome {
  const body = fixtures.get('debug_token_valid_60_day');
  body.data.expires_at = NOW_S + days * DAY;
  body.data.issued_at = body.data.expires_at - 60 * DAY;
  change(body.data);
  return ok(body);
}

/** debug_token's answer about a token Meta no longer accepts (`is_valid: false`). */
export function invalidDebug(expiresAt: number, error: Record<string, unknown> | null): GraphOutcome {
  const body = fixtures.get('debug_token_expired');
  body.data.expires_at = expiresAt;
  if (error) body.data.error = error;
  else delete body.data.error;
  return ok(body);
}

export const healthyCalls = {
  phone: okFixture('phone_number_info_success'),
  wabaPhones: okFixture('waba_phone_numbers'),
  templates: okFixture('message_templates_hello_world'),
};

export const keys = (diagnosis: { warnings: Array<{ key: string }> }) => diagnosis.warnings.map((warning) => warning.key);
