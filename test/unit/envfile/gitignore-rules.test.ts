// Our own reading of .gitignore rules (the fallback without git), on the patterns where it once disagreed with git.
import { describe, expect, it } from 'vitest';
import { ignoredByRules } from '../../../src-main/core/envfile/gitignore-rules';

const root = (text: string) => [{ folder: '', text }];

describe('ignoredByRules where it once disagreed with git', () => {
  it('reads `]` right after `[!` as a member, and `\\]` inside brackets as an escaped `]`', () => {
    expect(ignoredByRules('b.env', root('[!]a].env\n'))).toBe(true);
    expect(ignoredByRules('a.env', root('[!]a].env\n'))).toBe(false);
    expect(ignoredByRules('].env', root('[\\]x].env\n'))).toBe(true);
    expect(ignoredByRules('x.env', root('[\\]x].env\n'))).toBe(true);
  });

  it('matches nothing with an unclosed `[` or a lone `\\` at the end, as git does', () => {
    expect(ignoredByRules('.env.[abc', root('.env.[abc\n'))).toBe(false);
    expect(ignoredByRules('a\\', root('a\\\n'))).toBe(false);
  });

  it('never lets a negated class match the `/` between folders', () => {
    expect(ignoredByRules('a/b', root('a[!x]b\n'))).toBe(false);
    expect(ignoredByRules('acb', root('a[!x]b\n'))).toBe(true);
  });
});
