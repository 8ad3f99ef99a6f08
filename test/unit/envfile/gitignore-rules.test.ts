// Our own reading of .gitignore rules (the fallback without git), held to git's recorded answers (gitignore-cases.ts).
import { describe, expect, it } from 'vitest';
import { gitignoreLineFor, ignoredByRules } from '../../../src-main/core/envfile/gitignore-rules';
import { GIT_IGNORE_ANSWERS, IGNORE_LINES, ignoreSources } from './gitignore-cases';

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

describe("ignoredByRules gives git's answers", () => {
  it.each(GIT_IGNORE_ANSWERS.map((answer) => [JSON.stringify(answer.files), answer] as const))('for %s', (_name, answer) => {
    const sources = ignoreSources(answer.files);
    const ours = Object.fromEntries(Object.keys(answer.ignored).map((path) => [path, ignoredByRules(path, sources)]));
    expect(ours).toEqual(answer.ignored);
  });
});

describe('gitignoreLineFor', () => {
  it.each(IGNORE_LINES)('writes %j as a line that matches it and nothing like it', (name, line, other) => {
    expect(gitignoreLineFor(name)).toBe(line);
    expect(ignoredByRules(name, [{ folder: '', text: `${line}\n` }])).toBe(true);
    expect(ignoredByRules(other, [{ folder: '', text: `${line}\n` }])).toBe(false);
  });
});
