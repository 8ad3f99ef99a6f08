// Test helper: Meta's response fixtures, read at test time from test/fixtures/graph-api.
import type { DiagnosisContext } from '../../../src-main/core/graph/verdict';
import { describeApiVersion } from '../../../src-main/core/graph/versions';
import { loadFixtures } from '../../sim/fixtures';

export const fixtures = loadFixtures();

/** A realistic 200-character fake token. */
export const FAKE_TOKEN = `EAAFAKE${'x1Y2z3'.repeat(40)}`.slice(0, 200);

/** What buildDiagnosis is told besides Meta's answers: a bot with a phone-number id, asked at `now`. */
export function diagnosisContext(now: Date, extra: Partial<DiagnosisContext> = {}): DiagnosisContext {
  return {
    maskedToken: 'EAAF…abcde',
    phoneNumberId: '300000000000003',
    wabaId: '200000000000002',
    now,
    apiVersion: describeApiVersion(null, 'v25.0', now),
    requests: 2,
    roundTrips: 1,
    timeoutMs: 15_000,
    warnings: [],
    ...extra,
  };
}
