// Checks an App ID + App Secret with Meta before they are stored: debug_token asked by the app token itself.
// A wrong id or secret makes Meta refuse the caller; anything that answers is a working app token.
import type { UserMessage } from '../errors';
import { graphCall, openGraphSession, type GraphClientOptions } from './client';
import type { AppCredentials } from './diagnose';

export type AppCredentialsCheck =
  | { ok: true; appName: string | null }
  | { ok: false; reason: 'rejected' | 'unreachable'; message: UserMessage };

export async function checkAppCredentials(credentials: AppCredentials, options: GraphClientOptions = {}): Promise<AppCredentialsCheck> {
  const appToken = `${credentials.appId}|${credentials.appSecret}`;
  const { outcome } = await graphCall(openGraphSession(options), {
    method: 'POST',
    path: 'debug_token',
    form: { input_token: appToken, method: 'GET' },
    bearer: appToken,
  });
  if (outcome.kind === 'ok') {
    const data = (outcome.body as { data?: { application?: unknown } } | null)?.data;
    return { ok: true, appName: typeof data?.application === 'string' ? data.application : null };
  }
  if (outcome.kind === 'graph_error') {
    return { ok: false, reason: 'rejected', message: { key: 'service:errors.appCredentialsRejected' } };
  }
  return { ok: false, reason: 'unreachable', message: { key: 'service:errors.appCredentialsUnchecked' } };
}
