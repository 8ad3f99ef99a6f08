// "Renews itself" in the metrics means what it means to the watch: the watch's own rule, asked as if it were due.
import { describe, expect, it } from 'vitest';
import { botHealth, renewsItself } from '../../../src-main/core/metrics/bot-health';
import type { BotProfile } from '../../../src-main/core/profiles/schema';
import { healthyDiagnosis } from '../../support/diagnosis';

const CHECKED = '2026-12-01T10:00:00.000Z';
const IN_50_DAYS = '2027-01-20T10:00:00.000Z';
const credentials = { autoRenew: true, hasAppCredentials: true };
const sixtyDay = healthyDiagnosis({ checkedAt: CHECKED, tokenLifetime: 'long_lived', expiresAt: IN_50_DAYS });

describe('renewsItself', () => {
  it('a 60-day token, app credentials and automatic renewal on: yes, even 50 days before it is due', () => {
    expect(renewsItself(sixtyDay, credentials)).toBe(true);
  });

  it.each([
    ['automatic renewal turned off', sixtyDay, { autoRenew: false, hasAppCredentials: true }],
    ['no app credentials', sixtyDay, { autoRenew: true, hasAppCredentials: false }],
    ['a never-expiring token (nothing to renew)', healthyDiagnosis({ checkedAt: CHECKED, neverExpires: true, tokenLifetime: 'never_expiring' }), credentials],
    ['a temporary token (needs the owner once)', healthyDiagnosis({ checkedAt: CHECKED, tokenLifetime: 'temporary', expiresAt: '2026-12-01T12:00:00.000Z' }), credentials],
    ['an expired token', healthyDiagnosis({ checkedAt: CHECKED, status: 'expired', expiresAt: '2026-11-30T10:00:00.000Z' }), credentials],
    ['an expiry Meta did not give', healthyDiagnosis({ checkedAt: CHECKED, expiresAt: null }), credentials],
    ['no answer from Meta yet', null, credentials],
  ] as const)('no: %s', (_case, answer, settings) => {
    expect(renewsItself(answer, settings)).toBe(false);
  });
});

describe('botHealth', () => {
  it('reads a profile: its ids, its connection time, its last check and Meta\'s last word', () => {
    const profile = {
      id: 'a1b2c3d4e5f6',
      name: 'Shop',
      phoneNumberId: '300000000000003',
      wabaId: null,
      createdAt: '2026-11-01T00:00:00.000Z',
      lastDiagnosis: sixtyDay,
      lastCheckedAt: CHECKED,
      tokenFingerprint: 'abc',
      lastMetaAnswer: null,
    } as unknown as BotProfile;
    expect(botHealth(profile, credentials)).toEqual({
      id: 'a1b2c3d4e5f6',
      name: 'Shop',
      phoneNumberId: '300000000000003',
      wabaId: null,
      connectedAt: '2026-11-01T00:00:00.000Z',
      lastCheck: sixtyDay,
      metaAnswer: sixtyDay,
      renewsItself: true,
    });
  });
});
