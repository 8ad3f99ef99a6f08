// Trading a renewable token for a fresh long-lived one (fb_exchange_token), and proving the trade was worth it:
// Meta's answer is checked with debug_token and must really expire later than the current token, or nothing is
// used. Meta does not document this for 60-day system-user tokens (FACTS.md §3), hence the check.
import { DoctorError } from '../errors';
import { diagnoseToken, exchangeForLongLivedToken, type AppCredentials, type DiagnoseOptions } from '../graph';
import type { BotFacts, Diagnosis } from '../graph/types';
import { isAcceptable } from './pipeline';

export interface ExtendedToken {
  token: string;
  /** Meta's verdict on the new token, ready to be passed to the pipeline as its check. */
  verdict: Diagnosis;
}

function expiryOf(diagnosis: Diagnosis | null): number {
  if (!diagnosis) return 0;
  if (diagnosis.neverExpires) return Number.POSITIVE_INFINITY;
  return diagnosis.expiresAt ? Date.parse(diagnosis.expiresAt) : 0;
}

export async function exchangeForLongerToken(
  current: string,
  credentials: AppCredentials,
  facts: BotFacts,
  graph: DiagnoseOptions,
): Promise<ExtendedToken> {
  const before = await diagnoseToken(current, facts, { ...graph, appCredentials: credentials });
  if (before.neverExpires) {
    throw new DoctorError('exchange_not_needed', { key: 'service:errors.exchangeNotNeeded' }, 'the token never expires');
  }
  const exchange = await exchangeForLongLivedToken(current, credentials, graph);
  if (!exchange.ok) throw new DoctorError(`exchange_${exchange.status}`, exchange.summary, `exchange failed: ${exchange.status}`);
  const verdict = await diagnoseToken(exchange.token, facts, { ...graph, appCredentials: credentials });
  if (!isAcceptable(verdict) || expiryOf(verdict) <= expiryOf(before)) {
    throw new DoctorError('exchange_not_longer', { key: 'service:errors.exchangeNotLonger' }, 'the exchanged token does not last longer');
  }
  return { token: exchange.token, verdict };
}
