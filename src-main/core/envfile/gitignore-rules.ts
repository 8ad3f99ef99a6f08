// Decides whether git would ignore a path by reading .gitignore rules ourselves: the fallback for machines
// without git. Covers what real .gitignore files use (comments, `!` negation, `/` anchoring, trailing `/` for
// folders, `*`, `?`, `**`, `[…]`, an excluded parent folder); not core.excludesFile or the index.

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

/** One path segment of a glob (`*.env`, `.env.[lp]*`) as a regex that never crosses a `/`. */
function segmentRegex(glob: string): string {
  let regex = '';
  for (let index = 0; index < glob.length; index += 1) {
    const character = glob[index] ?? '';
    if (character === '*') regex += '[^/]*';
    else if (character === '?') regex += '[^/]';
    else if (character === '\\' && index + 1 < glob.length) regex += escapeForRegex(glob[++index] ?? '');
    else if (character === '[') {
      const close = glob.indexOf(']', index + 2);
      if (close < 0) {
        regex += '\\[';
        continue;
      }
      const inside = glob.slice(index + 1, close).replace(/\\/g, '\\\\').replace(/^!/, '^').replace(/^(\^?)\]/, '$1\\]');
      regex += `[${inside}]`;
      index = close;
    } else regex += escapeForRegex(character);
  }
  return regex;
}

function globRegex(glob: string): string {
  const segments = glob.split('/');
  return segments
    .map((segment, index) => {
      const last = index === segments.length - 1;
      if (segment === '**') return last ? '.*' : '(?:.*/)?';
      return segmentRegex(segment) + (last ? '' : '/');
    })
    .join('');
}

function parseRule(line: string, folder: string): Rule | null {
  let glob = line.replace(/\r$/, '').replace(/(?<!\\) +$/, '');
  if (glob === '' || glob.startsWith('#')) return null;
  const negated = glob.startsWith('!');
  if (negated) glob = glob.slice(1);
  const foldersOnly = glob.endsWith('/');
  if (foldersOnly) glob = glob.slice(0, -1);
  if (glob === '') return null;
  // A slash at the start or in the middle anchors the pattern to the ignore file's folder.
  const anchored = glob.includes('/');
  glob = glob.replace(/^\//, '');
  const body = globRegex(glob);
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
