// Decides whether git would ignore a path by reading .gitignore rules ourselves: the fallback for machines
// without git. Covers what real .gitignore files use (comments, `!` negation, `/` anchoring, trailing `/` for
// folders, `*`, `?`, `**`, `[…]`, `\` escapes, an excluded parent folder); not core.excludesFile, the index, or
// classes such as `[[:alpha:]]`.

/** The text of one ignore file and the folder it applies to, relative to the repository root ('' = the root). */
export interface IgnoreSource {
  folder: string;
  text: string;
}

interface Rule {
  folder: string;
  pattern: RegExp;
  negated: boolean;
  foldersOnly: boolean;
}

function escapeForRegex(character: string): string {
  return character.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&');
}

/**
 * One path segment of a glob (`*.env`, `.env.[lp]*`) as a regex that never crosses a `/`; null for a segment
 * git's wildmatch refuses (an unclosed `[`, a lone `\` at the end), whose rule then matches nothing.
 */
function segmentRegex(glob: string): string | null {
  let regex = '';
  for (let index = 0; index < glob.length; index += 1) {
    const character = glob[index]!;
    if (character === '*') regex += '[^/]*';
    else if (character === '?') regex += '[^/]';
    else if (character === '\\') {
      index += 1;
      if (index === glob.length) return null;
      regex += escapeForRegex(glob[index]!);
    } else if (character === '[') {
      const bracket = bracketRegex(glob, index);
      if (bracket === null) return null;
      regex += bracket.regex;
      index = bracket.end;
    } else regex += escapeForRegex(character);
  }
  return regex;
}

/**
 * The bracket expression opening at `start` (`[abc]`, `[a-z]`, `[!.]`, `[^.]`, `[]x]`, `[\]x]`) and where its `]`
 * is, or null when it never closes. Like git, a `]` right after the opening (or after `!`/`^`) is a member,
 * `\` escapes the next character, and a negated class never matches `/`.
 */
function bracketRegex(glob: string, start: number): { regex: string; end: number } | null {
  let index = start + 1;
  const negated = glob[index] === '!' || glob[index] === '^';
  if (negated) index += 1;
  let members = '';
  const first = index;
  // Stryker disable next-line EqualityOperator: equivalent, one more round past the end adds to members and then returns null all the same
  for (; index < glob.length; index += 1) {
    let character = glob[index]!;
    if (character === ']' && index > first) return { regex: negated ? `[^/${members}]` : `[${members}]`, end: index };
    if (character === '\\') {
      index += 1;
      // Stryker disable next-line StringLiteral: equivalent, a backslash that ends the pattern leaves the class unclosed: null whatever is added
      character = glob[index] ?? '';
      members += escapeForClass(character);
    } else members += character === '-' ? '-' : escapeForClass(character);
  }
  return null;
}

/** A character as a member of a regex class (a `-` between two members stays a range). */
function escapeForClass(character: string): string {
  return /[\\\][^-]/.test(character) ? `\\${character}` : character;
}

function globRegex(glob: string): string | null {
  const segments = glob.split('/');
  const parts: string[] = [];
  for (const [index, segment] of segments.entries()) {
    const last = index === segments.length - 1;
    if (segment === '**') {
      parts.push(last ? '.*' : '(?:.*/)?');
      continue;
    }
    const regex = segmentRegex(segment);
    if (regex === null) return null;
    parts.push(regex + (last ? '' : '/'));
  }
  return parts.join('');
}

function parseRule(line: string, folder: string): Rule | null {
  let glob = line.replace(/\r$/, '').replace(/(?<!\\) +$/, '');
  if (glob.startsWith('#')) return null;
  const negated = glob.startsWith('!');
  if (negated) glob = glob.slice(1);
  const foldersOnly = glob.endsWith('/');
  if (foldersOnly) glob = glob.slice(0, -1);
  // A blank line, or nothing left after `!` and `/`.
  // Stryker disable next-line ConditionalExpression,StringLiteral: equivalent, an empty pattern's regex matches only a path that is empty or ends in /, never asked
  if (glob === '') return null;
  // A slash at the start or in the middle anchors the pattern to the ignore file's folder.
  const anchored = glob.includes('/');
  glob = glob.replace(/^\//, '');
  const body = globRegex(glob);
  if (body === null) return null;
  return { folder, negated, foldersOnly, pattern: new RegExp(anchored ? `^${body}$` : `(?:^|/)${body}$`) };
}

function rulesOf(sources: readonly IgnoreSource[]): Rule[] {
  return sources.flatMap((source) =>
    source.text.split('\n').map((line) => parseRule(line, source.folder)).filter((rule): rule is Rule => rule !== null),
  );
}

/** The verdict of the last rule that matches (later files and later lines win), or undefined when none does. */
function lastVerdict(rules: readonly Rule[], path: string, isFolder: boolean): boolean | undefined {
  let verdict: boolean | undefined;
  for (const rule of rules) {
    if (rule.foldersOnly && !isFolder) continue;
    const prefix = rule.folder === '' ? '' : `${rule.folder}/`;
    if (!path.startsWith(prefix)) continue;
    if (rule.pattern.test(path.slice(prefix.length))) verdict = !rule.negated;
  }
  return verdict;
}

/**
 * Whether `relativePath` (a file, `/`-separated, relative to the repository root) is ignored. `sources` go from
 * weakest to strongest: `.git/info/exclude`, the root `.gitignore`, then deeper ones.
 */
export function ignoredByRules(relativePath: string, sources: readonly IgnoreSource[]): boolean {
  const rules = rulesOf(sources);
  const segments = relativePath.split('/');
  for (let depth = 1; depth < segments.length; depth += 1) {
    // A file inside an ignored folder cannot be re-included.
    if (lastVerdict(rules, segments.slice(0, depth).join('/'), true)) return true;
  }
  return lastVerdict(rules, relativePath, false) ?? false;
}

/** A file name written as a .gitignore line that matches exactly that name. */
export function gitignoreLineFor(relativePath: string): string {
  return relativePath.replace(/[*?[\\]/g, '\\$&').replace(/^([#!])/, '\\$1').replace(/ $/, '\\ ');
}
