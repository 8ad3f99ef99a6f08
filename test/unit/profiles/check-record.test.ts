// What a check leaves in a bot's profile, and Meta's last word on the token through checks that cannot reach Meta.
import { describe, expect, it } from 'vitest';
import { checkRecord, lastMetaAnswer } from '../../../src-main/core/profiles/check-record';
import { tokenFingerprint } from '../../../src-main/core/monitor/fingerprint';
import { healthyDiagnosis } from '../../support/diagnosis';

const TOKEN = `EAAG${'x7Kq'.repeat(50)}`;
const NEW_TOKEN = `EAAH${'x7Kq'.repeat(50)}`;
const answered = healthyDiagnosis({ checkedAt: '2026-12-01T10:00:00.000Z', expiresAt: '2026-12-04T10:00:00.000Z', status: 'expiring_soon' });
const unreachable = healthyDiagnosis({ checkedAt: '2026-12-01T16:00:00.000Z', status: 'network_error', expiresAt: null, tokenLifetime: 'unknown' });
const fresh = { lastDiagnosis: null, lastCheckedAt: null, tokenFingerprint: null, lastMetaAnswer: null };

describe('checkRecord', () => {
  it('remembers a check that reached Meta as the verdict and as Meta\'s last word, with the token\'s fingerprint only', () => {
    const record = checkRecord(fresh, answered, TOKEN);
    expect(record).toEqual({ lastDiagnosis: answered, lastCheckedAt: answered.checkedAt, tokenFingerprint: tokenFingerprint(TOKEN), lastMetaAnswer: null });
    expect(lastMetaAnswer(record)).toBe(answered);
    expect(JSON.stringify(record)).not.toContain(TOKEN);
  });

  it('keeps Meta\'s last word through checks that could not reach Meta, as long as the token is the same', () => {
    const once = checkRecord(checkRecord(fresh, answered, TOKEN), unreachable, TOKEN);
    expect(once.lastDiagnosis).toBe(unreachable);
    expect(lastMetaAnswer(once)).toBe(answered);
    const twice = checkRecord(once, { ...unreachable, checkedAt: '2026-12-01T22:00:00.000Z' }, TOKEN);
    expect(lastMetaAnswer(twice)).toBe(answered);
    expect(lastMetaAnswer(checkRecord(twice, answered, TOKEN))).toBe(answered);
  });

  it('forgets it when the .env holds another token (or none): what Meta said was about the old one', () => {
    const known = checkRecord(fresh, answered, TOKEN);
    expect(lastMetaAnswer(checkRecord(known, unreachable, NEW_TOKEN))).toBeNull();
    expect(lastMetaAnswer(checkRecord(known, unreachable, null))).toBeNull();
  });

  it('a renewal elsewhere (new verdict, new fingerprint) wins over a kept answer about the old token', () => {
    const kept = checkRecord(checkRecord(fresh, answered, TOKEN), unreachable, TOKEN);
    const renewed = { ...kept, lastDiagnosis: healthyDiagnosis({ status: 'ok' }), tokenFingerprint: tokenFingerprint(NEW_TOKEN) };
    expect(lastMetaAnswer(renewed)?.status).toBe('ok');
    const rolledBack = { ...kept, lastDiagnosis: null, tokenFingerprint: null };
    expect(lastMetaAnswer(rolledBack)).toBeNull();
  });
});
