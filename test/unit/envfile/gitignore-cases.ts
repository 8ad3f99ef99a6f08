// .gitignore rules and what git itself answered for each path (`git check-ignore --no-index`, git 2.39), so the
// fallback that reads the rules without git is held to git's answers. The integration test
// (test/integration/envfile/gitignore.test.ts) asks git again, so the table cannot drift from git.
import type { IgnoreSource } from '../../../src-main/core/envfile/gitignore-rules';

export interface GitIgnoreCase {
  /** Ignore files by their path in the repository (`.git/info/exclude` included). */
  files: Record<string, string>;
  /** Each path (a file) and whether git ignores it. */
  ignored: Record<string, boolean>;
}

export const GIT_IGNORE_ANSWERS: readonly GitIgnoreCase[] = [
  { files: { '.gitignore': '.env\n' }, ignored: { '.env': true, 'backend/.env': true, '.env.local': false, 'x.env': false, 'env': false } },
  { files: { '.gitignore': '/.env\n' }, ignored: { '.env': true, 'backend/.env': false } },
  { files: { '.gitignore': '*.env\n!.env.example\n' }, ignored: { '.env': true, 'prod.env': true, 'a/b/c.env': true, '.env.example': false, 'env': false } },
  { files: { '.gitignore': '.env*\n!.env.example\n' }, ignored: { '.env': true, '.env.local': true, '.env.example': false, 'a.env': false } },
  { files: { '.gitignore': '# .env\n\n   \n#.env\n' }, ignored: { '.env': false, '# .env': false, '#.env': false } },
  { files: { '.gitignore': '\\#.env\n\\!x.env\n' }, ignored: { '#.env': true, '!x.env': true, 'x.env': false, '.env': false } },
  { files: { '.gitignore': '!\n/\n!/\n' }, ignored: { '!': false, 'x': false, '.env': false } },
  { files: { '.gitignore': '.e?v\n' }, ignored: { '.env': true, '.e/v': false, '.eenv': false, '.ev': false } },
  { files: { '.gitignore': '.[ef]nv\r\n' }, ignored: { '.env': true, '.fnv': true, '.gnv': false, '.[ef]nv': false } },
  { files: { '.gitignore': '.[!ef]nv\n' }, ignored: { '.env': false, '.gnv': true, '.!nv': true } },
  { files: { '.gitignore': '[]a].env\n' }, ignored: { '].env': true, 'a.env': true, 'b.env': false, ']a].env': false } },
  { files: { '.gitignore': '[!]a].env\n' }, ignored: { '].env': false, 'a.env': false, 'b.env': true } },
  { files: { '.gitignore': 'a[!x]b\n[^y]z\n' }, ignored: { 'a/b': false, 'acb': true, 'axb': false, 'yz': false, 'qz': true, 'q/z': false } },
  { files: { '.gitignore': '[a-c].env\n' }, ignored: { 'a.env': true, 'b.env': true, 'd.env': false, '-.env': false } },
  { files: { '.gitignore': '[\\]x].env\n' }, ignored: { '].env': true, 'x.env': true, '\\.env': false, 'y.env': false } },
  { files: { '.gitignore': '.env.[abc\n' }, ignored: { '.env.[abc': false, '.env.a': false, '.env.': false, 'null': false } },
  { files: { '.gitignore': 'x\rb\n' }, ignored: { 'x\rb': true, 'xb': false } },
  { files: { '.gitignore': '\\*.env\n' }, ignored: { '*.env': true, 'x.env': false } },
  { files: { '.gitignore': 'a\\\\\n' }, ignored: { 'a\\': true, 'a': false } },
  { files: { '.gitignore': 'a\\\n' }, ignored: { 'a\\': false, 'a': false } },
  { files: { '.gitignore': 'my file.env\n' }, ignored: { 'my file.env': true, 'myfile.env': false, 'my': false } },
  { files: { '.gitignore': '.env   \n' }, ignored: { '.env': true, '.env   ': false } },
  { files: { '.gitignore': 'end\\ \n' }, ignored: { 'end ': true, 'end': false } },
  { files: { '.gitignore': 'end\\  \n' }, ignored: { 'end ': true, 'end  ': false, 'end': false } },
  { files: { '.gitignore': 'backend/\n' }, ignored: { 'backend/.env': true, 'x/backend/.env': true } },
  { files: { '.gitignore': '.env/\n' }, ignored: { '.env': false, 'a/.env/x': true } },
  { files: { '.gitignore': 'backend/\n!backend/.env\n' }, ignored: { 'backend/.env': true } },
  { files: { '.gitignore': '/backend/.env\n' }, ignored: { 'backend/.env': true, 'x/backend/.env': false } },
  { files: { '.gitignore': 'server/*.env\n' }, ignored: { 'server/a.env': true, 'server/x/a.env': false, 'a/server/a.env': false } },
  { files: { '.gitignore': '**/.env\n' }, ignored: { '.env': true, 'a/.env': true, 'a/b/.env': true, 'a/.env.x': false } },
  { files: { '.gitignore': 'server/**/.env\n' }, ignored: { 'server/.env': true, 'server/app/.env': true, 'server/a/b/.env': true, 'x/server/.env': false } },
  { files: { '.gitignore': 'logs/**\n' }, ignored: { 'logs/a.env': true, 'logs/x/y.env': true, 'x/logs/a.env': false } },
  { files: { '.gitignore': '**\n!*/\n!keep.env\n' }, ignored: { 'a.env': true, 'keep.env': false, 'x/keep.env': false, 'x/other.env': true } },
  { files: { '.gitignore': 'a/**/**/b.env\n' }, ignored: { 'a/b.env': true, 'a/x/b.env': true, 'a/x/y/b.env': true } },
  { files: { 'backend/.gitignore': '.env\n' }, ignored: { 'backend/.env': true, '.env': false, 'backend/x/.env': true, 'backendx/.env': false } },
  { files: { 'backend/.gitignore': '/x/.env\n' }, ignored: { 'backend/x/.env': true, 'x/.env': false, 'backend/y/x/.env': false } },
  { files: { '.gitignore': '.env\n', 'backend/.gitignore': '!.env\n' }, ignored: { '.env': true, 'backend/.env': false, 'other/.env': true } },
  { files: { '.gitignore': 'a/\n', 'a/.gitignore': '!.env\n' }, ignored: { 'a/.env': true } },
  { files: { '.git/info/exclude': '.env\n', '.gitignore': '!.env\n' }, ignored: { '.env': false } },
  { files: { '.git/info/exclude': '*.env\n' }, ignored: { 'a.env': true, 'x/a.env': true } },
  { files: { '.gitignore': 'ab*cd\n' }, ignored: { 'abcd': true, 'abXcd': true, 'ab/cd': false, 'ab/x/cd': false } },
  { files: { '.gitignore': 'a+b.env\n(x).env\n$y.env\n' }, ignored: { 'a+b.env': true, 'aab.env': false, '(x).env': true, 'x.env': false, '$y.env': true } },
];

/** A name, the line gitignoreLineFor writes for it, and a similar name the line must not match (git agrees). */
export const IGNORE_LINES: ReadonlyArray<[name: string, line: string, other: string]> = [
  ['#secrets.env', '\\#secrets.env', 'secrets.env'],
  ['!important.env', '\\!important.env', 'important.env'],
  ['trailing space.env ', 'trailing space.env\\ ', 'trailing space.env'],
  ['a*b.env', 'a\\*b.env', 'aXb.env'],
  ['q?.env', 'q\\?.env', 'qq.env'],
  ['[prod].env', '\\[prod].env', 'p.env'],
  ['back\\slash.env', 'back\\\\slash.env', 'backslash.env'],
  ['ends\\', 'ends\\\\', 'ends'],
  ['sub/dir/.env', 'sub/dir/.env', 'other/sub/dir/.env'],
  ['plain.env', 'plain.env', 'plain.envx'],
  ['a#b!.env', 'a#b!.env', 'ab.env'],
];

/** The ignore files as the rules reader takes them: `.git/info/exclude` first, then from the root down. */
export function ignoreSources(files: Record<string, string>): IgnoreSource[] {
  const depth = (path: string) => (path === '.git/info/exclude' ? -1 : path.split('/').length);
  return Object.entries(files)
    .sort(([a], [b]) => depth(a) - depth(b))
    .map(([path, text]) => ({ folder: path === '.git/info/exclude' ? '' : path.split('/').slice(0, -1).join('/'), text }));
}
