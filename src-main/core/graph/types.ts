// The shape of a diagnosis: what the CLI prints as JSON, what the UI shows, what the watch acts on.
import type { UserMessage } from '../errors';

export const TOKEN_STATUSES = [
  'ok',
  'expiring_soon',
  'expired',
  'revoked',
  'malformed',
  'missing_permissions',
  'wrong_account',
  'rate_limited',
  'network_error',
  'meta_error',
] as const;
export type TokenStatus = (typeof TOKEN_STATUSES)[number];

/** Statuses that mean "get a new token" (CLI exit 3). */
export const NEEDS_RENEWAL: ReadonlySet<TokenStatus> = new Set([
  'expired',
  'revoked',
  'malformed',
  'missing_permissions',
  'wrong_account',
]);
/** Statuses that mean "we could not tell" (CLI exit 4): never reported as a dead token. */
export const COULD_NOT_CHECK: ReadonlySet<TokenStatus> = new Set(['rate_limited', 'network_error', 'meta_error']);

/** Meta's `type` from debug_token, lower-cased. */
export type TokenType = 'system_user' | 'user' | 'page' | 'app';
/** What the owner cares about: how long this kind of token lives. */
export type TokenLifetime = 'temporary' | 'long_lived' | 'never_expiring' | 'unknown';

export const REQUIRED_SCOPES = ['whatsapp_business_management', 'whatsapp_business_messaging'] as const;

export interface PhoneInfo {
  id: string;
  displayPhoneNumber: string | null;
  verifiedName: string | null;
  qualityRating: string | null;
}

export interface GraphErrorInfo {
  code: number;
  subcode: number | null;
  message: string;
  fbtraceId: string | null;
}

export interface ApiVersionInfo {
  /** The version the bot pins (its own variable), if any. */
  configured: string | null;
  /** The version the diagnosis used. */
  used: string;
  /** True when `configured` is past Meta's "available until" date. */
  retired: boolean;
  retiredOn: string | null;
  /** True when `configured` is still served but stops within 90 days (`retiresOn`). */
  retiringSoon: boolean;
  retiresOn: string | null;
  recommended: string;
}

/** What is known about the bot whose token is being checked. */
export interface BotFacts {
  phoneNumberId?: string | null;
  wabaId?: string | null;
  apiVersion?: string | null;
}

export interface Diagnosis {
  status: TokenStatus;
  checkedAt: string;
  /** Masked (`EAAQ…sBQJm`); the full token never appears in a diagnosis. */
  token: string;
  tokenType: TokenType | null;
  tokenLifetime: TokenLifetime;
  expiresAt: string | null;
  neverExpires: boolean;
  /**
   * Why `expiresAt` is null for a token that works: `needs_app_credentials` — a system-user token's expiry is shown
   * only to its app (`APPID|SECRET`), and no app credentials were given. null otherwise.
   */
  expiryUnknownReason: 'needs_app_credentials' | null;
  dataAccessExpiresAt: string | null;
  issuedAt: string | null;
  appId: string | null;
  application: string | null;
  scopes: string[];
  missingScopes: string[];
  wabaIds: string[];
  phone: PhoneInfo | null;
  /** Whether the WABA has an approved hello_world template (null: not checked). */
  helloWorld: 'approved' | 'not_approved' | 'missing' | null;
  apiVersion: ApiVersionInfo;
  graphError: GraphErrorInfo | null;
  /** The plain-language sentence for the status. */
  summary: UserMessage;
  /** What to do about it (null when nothing needs doing). */
  fix: UserMessage | null;
  /** Things worth knowing that do not change the status (retired API version, temporary token…). */
  warnings: UserMessage[];
  /** HTTP requests sent, and how many of them the owner had to wait for one after another. */
  requests: number;
  roundTrips: number;
}
