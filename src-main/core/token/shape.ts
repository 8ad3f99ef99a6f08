// Checks that a pasted token looks like a Meta access token before anything is sent anywhere.
// Real tokens are 195–312 characters of [A-Za-z0-9] starting with EAA (FACTS.md §11); Meta documents
// neither, so the check is generous about length and only refuses what cannot be a token.
import { maskToken } from './mask';

export type TokenShapeProblem =
  | 'empty'
  | 'has_whitespace'
  | 'has_quotes'
  | 'instagram_token'
  | 'app_token'
  | 'wrong_prefix'
  | 'bad_characters'
  | 'truncated'
  | 'too_short'
  | 'too_long';

export type TokenShape =
  | { ok: true; token: string; masked: string; length: number }
  | { ok: false; problem: TokenShapeProblem; length: number };

/** Shortest token we accept; the shortest real one seen was 195 characters. */
export const MIN_TOKEN_LENGTH = 100;
/** Far above any real token; only here so a pasted file is not taken for a token. */
export const MAX_TOKEN_LENGTH = 4096;

/**
 * The paste without what surrounds a token when it is copied: spaces and line breaks (a CRLF from a Windows
 * clipboard), then one pair of quotes (as copied from a .env line) and the spaces inside them. This is the token
 * that is checked with Meta, so it is the one that is written; what was pasted around it never is.
 */
export function bareToken(raw: string): string {
  const token = raw.trim();
  const quoted = /^(["'`])(.*)\1$/s.exec(token);
  // Stryker disable next-line StringLiteral: equivalent, group 2 always takes part in a match (it may be empty).
  return quoted ? (quoted[2] ?? '').trim() : token;
}

/** Checks the bare token (see `bareToken`): the token itself when it is plausible, or the first problem found. */
export function checkTokenShape(raw: string): TokenShape {
  const token = bareToken(raw);
  const length = token.length;
  const fail = (problem: TokenShapeProblem): TokenShape => ({ ok: false, problem, length });

  if (length === 0) return fail('empty');
  if (/\s/.test(token)) return fail('has_whitespace');
  if (/["'`]/.test(token)) return fail('has_quotes');
  if (token.startsWith('IGAA') || token.startsWith('IGQ')) return fail('instagram_token');
  if (/^\d+(\||%7C)/i.test(token)) return fail('app_token');
  if (!token.startsWith('EAA')) return fail('wrong_prefix');
  if (token.includes('…') || token.includes('...')) return fail('truncated');
  if (!/^[A-Za-z0-9._-]+$/.test(token)) return fail('bad_characters');
  if (length < MIN_TOKEN_LENGTH) return fail('too_short');
  if (length > MAX_TOKEN_LENGTH) return fail('too_long');
  return { ok: true, token, masked: maskToken(token), length };
}
