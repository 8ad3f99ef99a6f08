// Builds diagnoses for the watch's tests: a healthy baseline, changed only where a test says so.
import type { Diagnosis, TokenLifetime, TokenStatus } from '../../../src-main/core/graph/types';
import { healthyDiagnosis } from '../../support/diagnosis';

export interface DiagnosisShape {
  status?: TokenStatus;
  expiresAt?: number | null;
  neverExpires?: boolean;
  lifetime?: TokenLifetime;
}

export function diagnosis({ status = 'ok', expiresAt = null, neverExpires = false, lifetime = 'long_lived' }: DiagnosisShape = {}): Diagnosis {
  return healthyDiagnosis({
    status,
    tokenType: lifetime === 'never_expiring' ? 'system_user' : 'user',
    tokenLifetime: lifetime,
    expiresAt: expiresAt === null ? null : new Date(expiresAt).toISOString(),
    neverExpires,
    wabaIds: ['25435060679483721'],
  });
}

/** What a check returns when Meta could not be reached: nothing about the token. */
export function unreachable(status: 'network_error' | 'rate_limited' | 'meta_error' = 'network_error'): Diagnosis {
  return diagnosis({ status, lifetime: 'unknown' });
}
