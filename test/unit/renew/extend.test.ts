// When a 60-day token may be refreshed, and when Meta's successor may replace it (renew/extend.ts): the rules that
// keep a refresh from ever making things worse.
import { describe, expect, it } from 'vitest';
import type { Diagnosis } from '../../../src-main/core/graph/types';
import { currentTokenProblem, successorProblem } from '../../../src-main/core/renew/extend';
import { healthyDiagnosis } from '../../support/diagnosis';

const credentials = { appId: '1234567890', appSecret: 'f0a1b2c3d4e5f60718293a4b5c6d7e8f' };
const facts = { phoneNumberId: '300000000000003', wabaId: '200000000000002' };
const phone = { id: '300000000000003', displayPhoneNumber: '+1 555', verifiedName: 'Shop', qualityRating: 'GREEN' };
const in5Days = new Date(Date.now() + 5 * 86_400_000).toISOString();
const in60Days = new Date(Date.now() + 60 * 86_400_000).toISOString();
const current = (extra: Partial<Diagnosis> = {}) => healthyDiagnosis({ expiresAt: in5Days, phone, wabaIds: [facts.wabaId], ...extra });
const successor = (extra: Partial<Diagnosis> = {}) => healthyDiagnosis({ expiresAt: in60Days, phone, wabaIds: [facts.wabaId], ...extra });

describe('the current token', () => {
  it('is exchanged only when it works and its expiry is known', () => {
    expect(currentTokenProblem(current())).toBeNull();
    expect(currentTokenProblem(current({ status: 'expiring_soon' }))).toBeNull();
  });

  it.each<[string, Partial<Diagnosis>, string]>([
    ['never expires (an exchange would shorten it to 60 days)', { neverExpires: true, expiresAt: null }, 'exchange_not_needed'],
    ['expiry unknown (it may be a never-expiring one)', { expiresAt: null }, 'exchange_expiry_unknown'],
    ['expired', { status: 'expired' }, 'exchange_expired'],
    ['could not be checked', { status: 'network_error', expiresAt: null }, 'exchange_network_error'],
  ])('is not exchanged when it %s', (_why, extra, code) => {
    expect(currentTokenProblem(current(extra))?.code).toBe(code);
  });
});

describe('Meta\'s successor', () => {
  it('replaces the current token when it works, lasts longer, is the same app\'s and reaches the same account', () => {
    expect(successorProblem(current(), successor(), credentials, facts)).toBeNull();
  });

  it.each<[string, Partial<Diagnosis>, string]>([
    ['Meta refuses it', { status: 'revoked' }, 'exchange_successor_refused'],
    ['it could not be checked', { status: 'rate_limited' }, 'exchange_rate_limited'],
    ['it does not last longer', { expiresAt: in5Days }, 'exchange_not_longer'],
    ['it belongs to another app', { appId: '999' }, 'exchange_other_app'],
    ['it no longer reaches the WhatsApp account', { wabaIds: ['200000000000012'] }, 'exchange_account_unreachable'],
    ['it no longer reaches the phone number', { phone: null }, 'exchange_account_unreachable'],
  ])('is refused when %s', (_why, extra, code) => {
    expect(successorProblem(current(), successor(extra), credentials, facts)?.code).toBe(code);
  });

  it('must be of the app whose credentials asked for it', () => {
    expect(successorProblem(current(), successor(), { ...credentials, appId: '42' }, facts)?.code).toBe('exchange_other_app');
  });
});
