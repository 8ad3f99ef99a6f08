// Checks an App ID + App Secret with Meta before they are stored: the app token `APPID|SECRET` reads its own app
// (`GET /{app-id}`, the token in the Authorization header, so the secret is in no URL). A wrong id or secret makes
// Meta refuse the caller; a network fault or Meta's own trouble says nothing about them.
import type { UserMessage } from '../errors';
import { classifyGraphError } from './classify';
import { graphCall, openGraphSession, type GraphClientOptions } from './client';
import type { AppCredentials } from './diagnose';

export type AppCredentialsCheck =
  | { ok: true; appName: string | null }
  | { ok: false; reason: 'rejected' | 'unreachable'; message: UserMessage };

const UNCHECKED: AppCredentialsCheck = { ok: false, reason: 'unreachable', message: { key: 'service:errors.appCredentialsUnchecked' } };

export async function checkAppCredentials(credentials: AppCredentials, options: GraphClientOptions = {}): Promise<AppCredentialsCheck> {
  const { outcome } = await graphCall(openGraphSession({ ...options, appCredentials: credentials }), {
    method: 'GET',
    path: encodeURIComponent(credentials.appId),
    query: { fields: 'id,name' },
    bearer: `${credentials.appId}|${credentials.appSecret}`,
  });
  if (outcome.kind === 'ok') {
    const name = (outcome.body as { name?: unknown } | null)?.name;
    return { ok: true, appName: typeof name === 'string' ? name : null };
  }
  if (outcome.kind === 'graph_error') {
    const verdict = classifyGraphError(outcome.error);
    if (verdict.status === 'rate_limited' || (verdict.status === 'meta_error' && verdict.reason === 'transient')) return UNCHECKED;
    return { ok: false, reason: 'rejected', message: { key: 'service:errors.appCredentialsRejected' } };
  }
  return UNCHECKED;
}
