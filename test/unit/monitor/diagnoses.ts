// Builds diagnoses for the watch's tests: a healthy baseline, changed only where a test says so.
import type { Diagnosis, TokenLifetime, TokenStatus } from '../../../src-main/core/graph/types';

export interface DiagnosisShape {
  status?: TokenStatus;
  expiresAt?: number | null;
  neverExpires?: boolean;
  lifetime?: TokenLifetime;
}

export function diagnosis({ status = 'ok', expiresAt = null, neverExpires = false, lifetime = 'long_lived' }: DiagnosisShape = {}): Diagnosis {
  return {
    status,
    checkedAt: '2026-11-01T00:00:00.000Z',
    token: 'EAAQ…sBQJm',
    tokenType: lifetime === 'never_expiring' ? 'system_user' : 'user',
    tokenLifetime: lifetime,
    expiresAt: expiresAt === null ? null : new Date(expiresAt).toISOString(),
    neverExpires,
    dataAccessExpiresAt: null,
    issuedAt: null,
    appId: '1234567890',
    application: 'Shop bot',
    scopes: ['whatsapp_business_management', 'whatsapp_business_messaging'],
    missingScopes: [],
    wabaIds: ['25435060679483721'],
    phone: null,
    helloWorld: null,
    apiVersion: { configured: null, used: 'v25.0', retired: false, retiredOn: null, recommended: 'v25.0' },
    graphError: null,
    summary: { key: 'diagnosis:ok.summary' },
    fix: null,
    warnings: [],
    requests: 1,
    roundTrips: 1,
  };
}

/** What a check returns when Meta could not be reached: nothing about the token. */
export function unreachable(status: 'network_error' | 'rate_limited' | 'meta_error' = 'network_error'): Diagnosis {
  return diagnosis({ status, lifetime: 'unknown' });
}
