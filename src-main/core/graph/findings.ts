// A finding is one thing an answer from Meta says about the token, ranked: when answers disagree, the most
// decisive finding wins (a dead token over a missing permission over a rate limit…).
import type { UserMessage } from '../errors';
import { classifyGraphError, type ErrorVerdict } from './classify';
import type { GraphFault } from './client';
import type { GraphError } from './graph-error';
import type { TokenStatus } from './types';
import * as say from './wording';

export interface Finding {
  status: TokenStatus;
  summary: UserMessage;
  fix: UserMessage | null;
  graphError: GraphError | null;
  /** Lower wins. */
  rank: number;
  expiresAt?: string | null;
}

export const RANK = {
  deadFromDebug: 0,
  deadFromCall: 1,
  missingScopes: 2,
  wrongWaba: 3,
  unknownObject: 4,
  permissionDenied: 5,
  rateLimited: 6,
  /** Only used when nothing proves the token works: we could not tell. */
  couldNotTell: 99,
} as const;

export function isoFromSeconds(seconds: number | null): string | null {
  return seconds && seconds > 0 ? new Date(seconds * 1000).toISOString() : null;
}

/** Minutes until Meta lets the app in again, from `X-Business-Use-Case-Usage` when it says. */
export function minutesToRegainAccess(headers: Record<string, string>): number | null {
  const raw = headers['x-business-use-case-usage'];
  if (!raw) return null;
  try {
    const usage = JSON.parse(raw) as Record<string, Array<{ estimated_time_to_regain_access?: unknown }>>;
    const minutes = Object.values(usage)
      .flat()
      .map((entry) => Number(entry.estimated_time_to_regain_access))
      .filter((value) => Number.isFinite(value));
    return minutes.length > 0 ? Math.max(...minutes) : null;
  } catch {
    return null;
  }
}

export function deadFinding(verdict: ErrorVerdict, error: GraphError | null, rank: number, knownExpiry: string | null): Finding {
  const expiresAt = verdict.status === 'expired' && verdict.reason === 'session_expired' ? (verdict.expiredAt ?? knownExpiry) : knownExpiry;
  return { status: verdict.status, summary: say.deadTokenSummary(verdict, expiresAt), fix: say.deadTokenFix(verdict), graphError: error, rank, expiresAt };
}

export function rateLimitFinding(verdict: Extract<ErrorVerdict, { status: 'rate_limited' }>, error: GraphError, headers: Record<string, string>): Finding {
  return { status: 'rate_limited', summary: say.rateLimitSummary(verdict, error.code), fix: say.waitFix(minutesToRegainAccess(headers)), graphError: error, rank: RANK.rateLimited };
}

/** Nothing usable came back: the connection (network_error) or Meta's servers (meta_error) are the suspects. */
export function faultFinding(fault: GraphFault, timeoutMs: number): Finding {
  return {
    status: say.isConnectionFault(fault) ? 'network_error' : 'meta_error',
    summary: say.faultSummary(fault, timeoutMs),
    fix: say.faultFix(fault),
    graphError: null,
    rank: RANK.couldNotTell,
  };
}

/** Meta answered with an error that says nothing about the token. */
export function metaErrorFinding(error: GraphError): Finding {
  const verdict = classifyGraphError(error);
  const meta = verdict.status === 'meta_error' ? verdict : ({ status: 'meta_error', reason: 'other' } as const);
  return { status: 'meta_error', summary: say.metaErrorSummary(meta, error.code), fix: say.metaErrorFix(meta), graphError: error, rank: RANK.couldNotTell };
}
