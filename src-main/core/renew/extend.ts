// Refreshing a 60-day token (fb_exchange_token) safely: the current token must work and have a known expiry (a
// never-expiring one is never exchanged: that would shorten it to 60 days), and Meta's successor is checked with
// debug_token before anything is written — it must work, last longer, belong to the same app and still reach the
// bot's WhatsApp account. Any failure throws and changes nothing; the current token keeps working until its expiry.
import { DoctorError, type UserMessage } from '../errors';
import { diagnoseToken, exchangeForLongLivedToken, type AppCredentials, type DiagnoseOptions } from '../graph';
import { COULD_NOT_CHECK, type BotFacts, type Diagnosis } from '../graph/types';
import { APP_CREDENTIALS_SUMMARY, warning } from '../graph/wording';
import { isAcceptable } from './pipeline';

export interface ExtendedToken {
  token: string;
  /** Meta's verdict on the new token, ready to be passed to the pipeline as its check. */
  verdict: Diagnosis;
}

function expiryOf(diagnosis: Diagnosis): number {
  if (diagnosis.neverExpires) return Number.POSITIVE_INFINITY;
  return diagnosis.expiresAt ? Date.parse(diagnosis.expiresAt) : 0;
}

const APP_CREDENTIALS_REJECTED = warning.appCredentialsRejected();

function refusal(code: string, key: string, why: string): DoctorError {
  return new DoctorError(code, { key: `service:errors.${key}` }, why);
}

/** Meta refused the app ID + secret themselves (debug_token asked as the app, or the exchange): not the token's fault. */
function credentialsRefused(summary: UserMessage, warnings: readonly UserMessage[] = []): boolean {
  return summary.key === APP_CREDENTIALS_SUMMARY.key || warnings.some((warning) => warning.key === APP_CREDENTIALS_REJECTED.key);
}

const CREDENTIALS_REFUSED = (): DoctorError =>
  refusal('exchange_app_credentials_refused', 'exchangeAppCredentialsRefused', 'Meta refused the app ID and app secret');

/** Why the current token must not be exchanged, or null when it may be. Codes `exchange_<status>` keep check's scale. */
export function currentTokenProblem(before: Diagnosis): DoctorError | null {
  if (credentialsRefused(before.summary, before.warnings)) return CREDENTIALS_REFUSED();
  if (before.neverExpires) return refusal('exchange_not_needed', 'exchangeNotNeeded', 'the token never expires');
  if (!isAcceptable(before)) return new DoctorError(`exchange_${before.status}`, before.summary, `the current token is ${before.status}`);
  if (!before.expiresAt) return refusal('exchange_expiry_unknown', 'exchangeExpiryUnknown', 'the expiry of the current token is unknown');
  return null;
}

/** Why Meta's successor must not replace the current token, or null when it is a worthy successor. */
export function successorProblem(before: Diagnosis, after: Diagnosis, credentials: AppCredentials, facts: BotFacts): DoctorError | null {
  if (!isAcceptable(after)) {
    return COULD_NOT_CHECK.has(after.status)
      ? new DoctorError(`exchange_${after.status}`, after.summary, `the new token could not be checked: ${after.status}`)
      : refusal('exchange_successor_refused', 'exchangeSuccessorRefused', `Meta refused the new token: ${after.status}`);
  }
  if (expiryOf(after) <= expiryOf(before)) return refusal('exchange_not_longer', 'exchangeNotLonger', 'the new token does not last longer');
  if (after.appId !== credentials.appId || (before.appId !== null && after.appId !== before.appId)) {
    return refusal('exchange_other_app', 'exchangeOtherApp', 'the new token belongs to another app');
  }
  // What the current token reaches of the bot's account, the successor must reach too.
  const wabaId = facts.wabaId?.trim();
  const lostAccount = wabaId ? before.wabaIds.includes(wabaId) && !after.wabaIds.includes(wabaId) : false;
  const lostPhone = before.phone !== null && after.phone?.id !== before.phone.id;
  if (lostAccount || lostPhone) return refusal('exchange_account_unreachable', 'exchangeAccountUnreachable', 'the new token does not reach the bot\'s account');
  return null;
}

export async function exchangeForLongerToken(
  current: string,
  credentials: AppCredentials,
  facts: BotFacts,
  graph: DiagnoseOptions,
): Promise<ExtendedToken> {
  const withApp: DiagnoseOptions = { ...graph, appCredentials: credentials };
  const before = await diagnoseToken(current, facts, withApp);
  const notNow = currentTokenProblem(before);
  if (notNow) throw notNow;
  const exchange = await exchangeForLongLivedToken(current, credentials, { ...withApp, tokenType: before.tokenType });
  if (!exchange.ok && credentialsRefused(exchange.summary)) throw CREDENTIALS_REFUSED();
  if (!exchange.ok) throw new DoctorError(`exchange_${exchange.status}`, exchange.summary, `exchange failed: ${exchange.status}`);
  const verdict = await diagnoseToken(exchange.token, facts, withApp);
  const unworthy = successorProblem(before, verdict, credentials, facts);
  if (unworthy) throw unworthy;
  return { token: exchange.token, verdict };
}
