// A plausible healthy Diagnosis for tests, changed only where a test says so.
import type { Diagnosis } from '../../src-main/core/graph/types';

export function healthyDiagnosis(overrides: Partial<Diagnosis> = {}): Diagnosis {
  return {
    status: 'ok',
    checkedAt: '2026-11-01T00:00:00.000Z',
    token: 'EAAQ…sBQJm',
    tokenType: 'system_user',
    tokenLifetime: 'long_lived',
    expiresAt: null,
    neverExpires: false,
    expiryUnknownReason: null,
    dataAccessExpiresAt: null,
    issuedAt: null,
    appId: '1234567890',
    application: 'Shop bot',
    scopes: ['whatsapp_business_management', 'whatsapp_business_messaging'],
    missingScopes: [],
    wabaIds: [],
    phone: null,
    helloWorld: null,
    apiVersion: { configured: null, used: 'v25.0', retired: false, retiredOn: null, retiringSoon: false, retiresOn: null, recommended: 'v25.0' },
    graphError: null,
    summary: { key: 'diagnosis:summary.ok' },
    fix: null,
    warnings: [],
    requests: 1,
    roundTrips: 1,
    ...overrides,
  };
}
