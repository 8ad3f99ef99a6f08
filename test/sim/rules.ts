// The 2026 rules the simulator can follow (FACTS.md §0), each switchable: `newApp` turns on what applies to an app
// created after 2026-11-04 and to today's system-user tokens; "Require App Secret" and a refused batch are separate
// switches. All off by default: older tests keep the Meta that older apps still see.
import { createHmac } from 'node:crypto';

export interface SimRules {
  /** An HTTP method override (`method=GET` in a POST) is ignored: the POST stays a POST (FACTS.md §0 #2). */
  refuseMethodOverride: boolean;
  /** A system-user token asking debug_token about itself gets "(#100) You must provide an app access token…" (#4). */
  systemUserCannotInspectItself: boolean;
  /** Refreshing a system-user token needs `set_token_expires_in_60_days=true` (#6). */
  refreshNeedsSixtyDayParameter: boolean;
  /** "Require App Secret": every call made with a user or system-user token needs `appsecret_proof` (#8). */
  requireAppSecretProof: boolean;
  /** Meta refuses batch requests (as it may from v28.0: #2). */
  refuseBatch: boolean;
}

export interface SimRuleOptions {
  /** The app was created after 2026-11-04 (method override, self-inspection, 60-day refresh parameter). */
  newApp?: boolean;
  requireAppSecretProof?: boolean;
  refuseBatch?: boolean;
}

export function rulesFor(options: SimRuleOptions = {}): SimRules {
  const newApp = options.newApp ?? false;
  return {
    refuseMethodOverride: newApp,
    systemUserCannotInspectItself: newApp,
    refreshNeedsSixtyDayParameter: newApp,
    requireAppSecretProof: options.requireAppSecretProof ?? false,
    refuseBatch: options.refuseBatch ?? false,
  };
}

/** What Meta expects in `appsecret_proof` for `token`. */
export function expectedProof(token: string, appSecret: string): string {
  return createHmac('sha256', appSecret).update(token).digest('hex');
}

/** Why a call's proof is not acceptable ('missing' | 'invalid'), or null when it is (or none is needed). */
export function proofProblem(rules: SimRules, token: string, appSecret: string, proof: string | undefined): 'missing' | 'invalid' | null {
  // A proof that was sent is always checked; one that was not is only missed when the app requires it.
  if (proof === undefined) return rules.requireAppSecretProof ? 'missing' : null;
  return proof === expectedProof(token, appSecret) ? null : 'invalid';
}

export const PROOF_MESSAGES = {
  missing: 'API calls from the server require an appsecret_proof argument',
  invalid: 'Invalid appsecret_proof provided in the API argument',
} as const;
