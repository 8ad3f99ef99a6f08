// Exchanges a user or 60-day system-user token for a fresh long-lived one (FACTS.md §3, `fb_exchange_token`).
// Sent as a POST form so neither the token nor the app secret appears in a URL. Used by the renew pipeline.
import type { UserMessage } from '../errors';
import { checkTokenShape } from '../token/shape';
import { classifyGraphError, isAppCredentialError, isDeadTokenVerdict } from './classify';
import { graphCall, openGraphSession, type GraphClientOptions } from './client';
import type { AppCredentials } from './diagnose';
import { toGraphErrorInfo } from './graph-error';
import type { GraphErrorInfo, TokenStatus } from './types';
import * as say from './wording';

export type ExchangeResult =
  | { ok: true; token: string; expiresIn: number | null; expiresAt: string | null }
  | { ok: false; status: TokenStatus; graphError: GraphErrorInfo | null; summary: UserMessage; fix: UserMessage | null };

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export async function exchangeForLongLivedToken(
  token: string,
  credentials: AppCredentials,
  options: GraphClientOptions & { now?: () => Date } = {},
): Promise<ExchangeResult> {
  const shape = checkTokenShape(token);
  if (!shape.ok) return { ok: false, status: 'malformed', graphError: null, summary: say.shapeSummary(shape.problem), fix: say.shapeFix(shape.problem) };
  const session = openGraphSession(options);
  const { outcome } = await graphCall(session, {
    method: 'POST',
    path: 'oauth/access_token',
    form: {
      grant_type: 'fb_exchange_token',
      client_id: credentials.appId,
      client_secret: credentials.appSecret,
      fb_exchange_token: shape.token,
    },
  });

  if (outcome.kind === 'ok') {
    const body = isRecord(outcome.body) ? outcome.body : {};
    const fresh = typeof body.access_token === 'string' ? body.access_token : '';
    const freshShape = checkTokenShape(fresh);
    if (!freshShape.ok) {
      return { ok: false, status: 'meta_error', graphError: null, summary: say.faultSummary('invalid_json', options.timeoutMs ?? 15_000), fix: say.faultFix('server_error') };
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
      summary: say.faultSummary(outcome.fault, options.timeoutMs ?? 15_000),
      fix: say.faultFix(outcome.fault),
    };
  }
  const verdict = classifyGraphError(outcome.error);
  const graphError = toGraphErrorInfo(outcome.error);
  if (isAppCredentialError(outcome.error)) {
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
