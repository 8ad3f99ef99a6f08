// Reads `debug_token`'s answer (`{ data: { … } }`, FACTS.md §1) into typed facts, tolerating missing fields.
import { parseErrorObject, type GraphError } from './graph-error';
import type { TokenLifetime, TokenType } from './types';

export interface GranularScope {
  scope: string;
  /** null: the permission applies to every asset ("If permission applies to all, targets will not be shown"). */
  targetIds: string[] | null;
}

export interface DebugTokenFacts {
  isValid: boolean;
  appId: string | null;
  application: string | null;
  type: TokenType | null;
  /** Unix seconds; 0 means "never"; null when Meta did not say. */
  expiresAt: number | null;
  dataAccessExpiresAt: number | null;
  issuedAt: number | null;
  scopes: string[];
  granularScopes: GranularScope[];
  userId: string | null;
  error: GraphError | null;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function seconds(value: unknown): number | null {
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  if (typeof value === 'string' && /^\d+$/.test(value)) return Number(value);
  return null;
}

function idString(value: unknown): string | null {
  if (typeof value === 'string' && value) return value;
  if (typeof value === 'number') return String(value);
  return null;
}

function strings(value: unknown): string[] {
  return Array.isArray(value) ? value.map(idString).filter((item): item is string => item !== null) : [];
}

const TYPES: Readonly<Record<string, TokenType>> = { SYSTEM_USER: 'system_user', USER: 'user', PAGE: 'page', APP: 'app' };

/** The facts in a debug_token body, or null when the body has no `data` object. */
export function parseDebugToken(body: unknown): DebugTokenFacts | null {
  if (!isRecord(body) || !isRecord(body.data)) return null;
  const data = body.data;
  const granularScopes = Array.isArray(data.granular_scopes)
    ? data.granular_scopes.filter(isRecord).map((entry) => ({
        scope: idString(entry.scope) ?? '',
        targetIds: Array.isArray(entry.target_ids) ? strings(entry.target_ids) : null,
      }))
    : [];
  return {
    isValid: data.is_valid === true,
    appId: idString(data.app_id),
    application: idString(data.application),
    type: typeof data.type === 'string' ? (TYPES[data.type.toUpperCase()] ?? null) : null,
    expiresAt: seconds(data.expires_at),
    dataAccessExpiresAt: seconds(data.data_access_expires_at),
    issuedAt: seconds(data.issued_at),
    scopes: strings(data.scopes),
    granularScopes,
    userId: idString(data.user_id),
    error: parseErrorObject(data.error),
  };
}

/** Longest lifetime still counted as a temporary token (Meta: "every few hours"; guides: 24 h). */
const TEMPORARY_MAX_SECONDS = 26 * 3600;

/**
 * How long this kind of token lives. `expires_at: 0` → never. Otherwise the span from `issued_at` decides;
 * Meta returns `issued_at` only for long-lived tokens, so without it a token ending within a day is temporary.
 */
export function tokenLifetime(facts: Pick<DebugTokenFacts, 'expiresAt' | 'issuedAt'>, nowSeconds: number): TokenLifetime {
  const { expiresAt, issuedAt } = facts;
  if (expiresAt === 0) return 'never_expiring';
  if (expiresAt === null) return 'unknown';
  if (issuedAt !== null && issuedAt > 0) return expiresAt - issuedAt <= TEMPORARY_MAX_SECONDS ? 'temporary' : 'long_lived';
  return expiresAt - nowSeconds <= TEMPORARY_MAX_SECONDS ? 'temporary' : 'long_lived';
}

/** The WABA ids the token's WhatsApp permissions list, newest first (empty when they cover every account). */
export function wabaTargets(granularScopes: readonly GranularScope[]): string[] {
  const ids: string[] = [];
  for (const entry of granularScopes) {
    if (!entry.scope.startsWith('whatsapp_business_')) continue;
    for (const id of entry.targetIds ?? []) if (!ids.includes(id)) ids.push(id);
  }
  return ids;
}

/** The WhatsApp permissions that list their accounts and leave `wabaId` out. */
export function scopesExcludingWaba(granularScopes: readonly GranularScope[], wabaId: string): string[] {
  return granularScopes
    .filter((entry) => entry.scope.startsWith('whatsapp_business_') && entry.targetIds !== null)
    .filter((entry) => !(entry.targetIds ?? []).includes(wabaId))
    .map((entry) => entry.scope);
}
