// Refreshes a 60-day token the way Meta documents it (FACTS.md §0 #6, §3): `GET oauth/access_token` with
// `grant_type=fb_exchange_token`, the app ID and secret, and — for a system-user token — `set_token_expires_in_60_days=true`
// (without it Meta refuses). Meta takes these only in a GET's query, so the secret and the token ride in `urlSecrets`,
// which never leave the client. Never called for a token that never expires: the exchange would shorten it to 60 days.
import type { UserMessage } from '../errors';
import { checkTokenShape } from '../token/shape';
import { classifyGraphError, isAppCredentialError, isDeadTokenVerdict } from './classify';
import { graphCall, openGraphSession, type GraphClientOptions } from './client';
import type { AppCredentials } from './diagnose';
import { toGraphErrorInfo } from './graph-error';
import type { GraphErrorInfo, TokenStatus, TokenType } from './types';
import * as say from './wording';

export type ExchangeResult =
  | { ok: true; token: string; expiresIn: number | null; expiresAt: string | null }
  | { ok: false; status: TokenStatus; graphError: GraphErrorInfo | null; summary: UserMessage; fix: UserMessage | null };

export interface ExchangeOptions extends GraphClientOptions {
  now?: () => Date;
  /** debug_token's `type` for the current token: a system user's refresh needs its own parameter. */
  tokenType: TokenType | null;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The query of the exchange: plain parameters, then the secrets Meta wants beside them. */
export function exchangeQuery(credentials: AppCredentials, tokenType: TokenType | null): Record<string, string> {
  const query: Record<string, string> = { grant_type: 'fb_exchange_token', client_id: credentials.appId };
  if (tokenType === 'system_user') query.set_token_expires_in_60_days = 'true';
  return query;
}

export async function exchangeForLongLivedToken(token: string, credentials: AppCredentials, options: ExchangeOptions): Promise<ExchangeResult> {
  const shape = checkTokenShape(token);
  if (!shape.ok) return { ok: false, status: 'malformed', graphError: null, summary: say.shapeSummary(shape.problem), fix: say.shapeFix(shape.problem) };
  const timeoutMs = options.timeoutMs ?? 15_000;
  const session = openGraphSession({ ...options, appCredentials: credentials });
  const { outcome } = await graphCall(session, {
    method: 'GET',
    path: 'oauth/access_token',
    query: exchangeQuery(credentials, options.tokenType),
    urlSecrets: { client_secret: credentials.appSecret, fb_exchange_token: shape.token },
    proofFor: shape.token,
  });

  if (outcome.kind === 'ok') {
    const body = isRecord(outcome.body) ? outcome.body : {};
    const fresh = typeof body.access_token === 'string' ? body.access_token : '';
    const freshShape = checkTokenShape(fresh);
    if (!freshShape.ok) {
      return { ok: false, status: 'meta_error', graphError: null, summary: say.faultSummary('invalid_json', timeoutMs), fix: say.faultFix('server_error') };
    }
    const expiresIn = typeof body.expires_in === 'number' ? body.expires_in : null;
    const now = options.now?.() ?? new Date();
    return {
      ok: true,
      token: freshShape.token,
      expiresIn,
      expiresAt: expiresIn ? new Date(now.getTime() + expiresIn * 1000).toISOString() : null,
    };
  }
  if (outcome.kind === 'fault') {
    return {
      ok: false,
      status: say.isConnectionFault(outcome.fault) ? 'network_error' : 'meta_error',
      graphError: null,
      summary: say.faultSummary(outcome.fault, timeoutMs),
      fix: say.faultFix(outcome.fault),
    };
  }
  const verdict = classifyGraphError(outcome.error);
  const graphError = toGraphErrorInfo(outcome.error);
  const proofRequired = verdict.status === 'meta_error' && verdict.reason === 'appsecret_proof_required';
  // "Error validating client secret." comes as code 1, which would otherwise read as a passing fault.
  if (isAppCredentialError(outcome.error) && !proofRequired) {
    return { ok: false, status: 'meta_error', graphError, summary: say.APP_CREDENTIALS_SUMMARY, fix: say.APP_CREDENTIALS_FIX };
  }
  if (isDeadTokenVerdict(verdict)) {
    return { ok: false, status: verdict.status, graphError, summary: say.deadTokenSummary(verdict, null), fix: say.deadTokenFix(verdict) };
  }
  if (verdict.status === 'rate_limited') {
    return { ok: false, status: 'rate_limited', graphError, summary: say.rateLimitSummary(verdict, outcome.error.code), fix: say.waitFix(null) };
  }
  const meta = verdict.status === 'meta_error' ? verdict : ({ status: 'meta_error', reason: 'other' } as const);
  return { ok: false, status: 'meta_error', graphError, summary: say.metaErrorSummary(meta, outcome.error.code), fix: say.metaErrorFix(meta) };
}
