// `appsecret_proof` (FACTS.md §0 #8): an app with "Require App Secret" on accepts a call only with the HMAC-SHA256 of
// its access token, keyed by the app secret, in hex. Meta's two answers about it are recognised here too.
import { createHmac } from 'node:crypto';
import type { GraphError } from './graph-error';

export function appSecretProof(accessToken: string, appSecret: string): string {
  return createHmac('sha256', appSecret).update(accessToken).digest('hex');
}

/** "API calls from the server require an appsecret_proof argument": the app requires the proof and none came. */
export function isProofRequiredError(error: GraphError): boolean {
  return /require[sd]? an appsecret_proof|appsecret_proof argument/i.test(error.message);
}

/** "Invalid appsecret_proof provided in the API argument": the proof was made with another app's secret. */
export function isInvalidProofError(error: GraphError): boolean {
  return /invalid appsecret_proof/i.test(error.message);
}
