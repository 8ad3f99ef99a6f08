// What is wrong with a pasted token's shape, in the owner's words rather than the checker's.
import type { TokenShapeView } from '../../src-main/contract';

const PROBLEM_KEY: Record<string, string> = {
  empty: 'wizard:shape.empty',
  has_whitespace: 'wizard:shape.hasWhitespace',
  has_quotes: 'wizard:shape.hasQuotes',
  instagram_token: 'wizard:shape.instagramToken',
  app_token: 'wizard:shape.appToken',
  wrong_prefix: 'wizard:shape.wrongPrefix',
  truncated: 'wizard:shape.truncated',
  bad_characters: 'wizard:shape.badCharacters',
  too_short: 'wizard:shape.tooShort',
  too_long: 'wizard:shape.tooLong',
};

/** The key for a shape's problem; an unknown problem still gets a sentence. */
export function shapeProblemKey(shape: TokenShapeView): string | null {
  if (shape.ok || !shape.problem) return null;
  return PROBLEM_KEY[shape.problem] ?? 'wizard:shape.unknown';
}
