// The translation keys (namespace `diagnosis`) for every verdict, and the fix that goes with it.
// Parameters are plain values (ISO dates, numbers, ids); the UI and the CLI format them for the reader.
import type { UserMessage } from '../errors';
import type { TokenShapeProblem } from '../token/shape';
import type { ErrorVerdict } from './classify';
import type { GraphFault } from './client';
import type { TokenLifetime } from './types';

function message(key: string, params?: Record<string, string | number>): UserMessage {
  return params ? { key: `diagnosis:${key}`, params } : { key: `diagnosis:${key}` };
}

export const FIX_CREATE_PERMANENT = message('fix.create_permanent_token');

/** The sentence for a token Meta refused or that is not shaped like a token. */
export function deadTokenSummary(verdict: ErrorVerdict, expiresAt: string | null): UserMessage {
  switch (verdict.status) {
    case 'expired':
      if (verdict.reason === 'inactive') return message('summary.expired.inactive');
      return expiresAt ? message('summary.expired.on_date', { date: expiresAt }) : message('summary.expired.no_date');
    case 'revoked':
      return message(`summary.revoked.${verdict.reason}`);
    case 'malformed':
      return message(`summary.malformed.${verdict.reason}`);
    default:
      return message('summary.revoked.invalid');
  }
}

export function deadTokenFix(verdict: ErrorVerdict): UserMessage {
  if (verdict.status === 'revoked' && (verdict.reason === 'checkpoint' || verdict.reason === 'unconfirmed_user')) {
    return message('fix.log_in_to_facebook');
  }
  if (verdict.status === 'malformed') return message('fix.copy_again');
  return FIX_CREATE_PERMANENT;
}

export function shapeSummary(problem: TokenShapeProblem): UserMessage {
  return message(`summary.malformed.${problem}`);
}

export function shapeFix(problem: TokenShapeProblem): UserMessage {
  if (problem === 'instagram_token') return message('fix.not_instagram_token');
  if (problem === 'app_token') return message('fix.not_app_token');
  return message('fix.copy_again');
}

export function missingScopesSummary(scopes: readonly string[]): UserMessage {
  return message('summary.missing_permissions.scopes', { scopes: scopes.join(', ') });
}

export function addPermissionsFix(scopes: readonly string[]): UserMessage {
  return message('fix.add_permissions', { scopes: scopes.join(', ') });
}

export const PERMISSION_DENIED_SUMMARY = message('summary.missing_permissions.denied');
export const PERMISSION_DENIED_FIX = message('fix.add_permissions', {
  scopes: 'whatsapp_business_management, whatsapp_business_messaging',
});

export function wrongWabaSummary(wabaId: string, covered: readonly string[]): UserMessage {
  return message('summary.wrong_account.waba', { wabaId, wabaIds: covered.join(', ') });
}

export function assignWabaFix(wabaId: string): UserMessage {
  return message('fix.assign_waba', { wabaId });
}

export function unknownPhoneSummary(phoneNumberId: string): UserMessage {
  return message('summary.wrong_account.phone_unknown', { phoneNumberId });
}

export function unknownWabaSummary(wabaId: string): UserMessage {
  return message('summary.wrong_account.waba_unknown', { wabaId });
}

export function phoneNotInWabaSummary(phoneNumberId: string, wabaId: string): UserMessage {
  return message('summary.wrong_account.phone_not_in_waba', { phoneNumberId, wabaId });
}

export const CHECK_PHONE_ID_FIX = message('fix.check_phone_id');

export function rateLimitSummary(verdict: Extract<ErrorVerdict, { status: 'rate_limited' }>, code: number): UserMessage {
  return message(`summary.rate_limited.${verdict.reason}`, { code });
}

export function waitFix(minutes: number | null): UserMessage {
  return minutes && minutes > 0 ? message('fix.wait_minutes', { count: minutes }) : message('fix.wait');
}

/** Faults where nothing usable came back from Meta: the connection is the suspect. */
export function isConnectionFault(fault: GraphFault): boolean {
  return fault !== 'server_error' && fault !== 'incomplete';
}

export function faultSummary(fault: GraphFault, timeoutMs: number): UserMessage {
  if (fault === 'server_error') return message('summary.meta_error.server_error');
  if (fault === 'incomplete') return message('summary.meta_error.incomplete');
  if (fault === 'timeout') return message('summary.network_error.timeout', { seconds: Math.round(timeoutMs / 1000) });
  return message(`summary.network_error.${fault}`);
}

export function faultFix(fault: GraphFault): UserMessage {
  return isConnectionFault(fault) ? message('fix.check_connection') : message('fix.retry_later');
}

export function metaErrorSummary(verdict: Extract<ErrorVerdict, { status: 'meta_error' }>, code: number): UserMessage {
  return message(`summary.meta_error.${verdict.reason}`, { code });
}

export function metaErrorFix(verdict: Extract<ErrorVerdict, { status: 'meta_error' }>): UserMessage {
  if (verdict.reason === 'account_restricted') return message('fix.account_restricted');
  if (verdict.reason === 'appsecret_proof_required') return message('fix.appsecret_proof');
  return message('fix.retry_later');
}

export const APP_CREDENTIALS_SUMMARY = message('summary.meta_error.app_credentials');
export const APP_CREDENTIALS_FIX = message('fix.check_app_credentials');

export const OK_EXPIRY_NEEDS_APP_CREDENTIALS = message('summary.ok.expiry_needs_app_credentials');

export function okSummary(expiresAt: string | null, neverExpires: boolean, days: number | null): UserMessage {
  if (neverExpires) return message('summary.ok.never_expires');
  if (expiresAt && days !== null) return message('summary.ok.until', { date: expiresAt, count: days });
  return message('summary.ok.expiry_unknown');
}

export function expiringSoonSummary(expiresAt: string, msLeft: number): UserMessage {
  const hours = Math.max(0, Math.ceil(msLeft / 3_600_000));
  if (hours < 24) return message('summary.expiring_soon.hours', { date: expiresAt, count: hours });
  return message('summary.expiring_soon.days', { date: expiresAt, count: Math.max(1, Math.round(msLeft / 86_400_000)) });
}

export function expiringSoonFix(lifetime: TokenLifetime, expiresAt: string): UserMessage {
  return lifetime === 'temporary' ? FIX_CREATE_PERMANENT : message('fix.renew_before', { date: expiresAt });
}

export const warning = {
  retiredVersion: (configured: string, recommended: string, date: string | null): UserMessage =>
    date
      ? message('warning.retired_version', { configured, recommended, date })
      : message('warning.retired_version_no_date', { configured, recommended }),
  retiringVersion: (configured: string, recommended: string, date: string): UserMessage =>
    message('warning.retiring_version', { configured, recommended, date }),
  temporaryToken: (): UserMessage => message('warning.temporary_token'),
  dataAccessExpiring: (date: string): UserMessage => message('warning.data_access_expiring', { date }),
  expiryUnknown: (): UserMessage => message('warning.expiry_unknown'),
  expiryNeedsAppCredentials: (): UserMessage => message('warning.expiry_needs_app_credentials'),
  notChecked: (part: 'phone' | 'waba' | 'templates'): UserMessage => message(`warning.${part}_not_checked`),
  appCredentialsRejected: (): UserMessage => message('warning.app_credentials_rejected'),
  helloWorldMissing: (): UserMessage => message('warning.hello_world_missing'),
  helloWorldNotApproved: (status: string): UserMessage => message('warning.hello_world_not_approved', { status }),
  invalidId: (kind: 'phone' | 'waba', value: string): UserMessage => message(`warning.invalid_${kind}_id`, { value }),
  businessManagementMissing: (): UserMessage => message('warning.business_management_missing'),
};
