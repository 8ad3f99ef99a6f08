// Is the bot's .env kept out of git? Asks git itself when it is installed (`git check-ignore`), otherwise reads
// the ignore files; and the one-step fix the UI offers: append the file's name to the repository's .gitignore.
import { execFile } from 'node:child_process';
import { readFile, realpath, stat } from 'node:fs/promises';
import { dirname, join, relative, sep } from 'node:path';
import { findOnPath } from '../system-programs';
import { writeFileAtomic } from './atomic-write';
import { envFileError } from './errors';
import { ignoredByRules, gitignoreLineFor, type IgnoreSource } from './gitignore-rules';
import { decodeEnvBytes } from './read';
import { appendLineToText } from './text-lines';

export interface GitIgnoreStatus {
  /** The .env is inside a git repository. */
  repository: boolean;
  repositoryRoot: string | null;
  /** The .env's path from the repository root, `/`-separated (e.g. `backend/.env`). */
  relativePath: string | null;
  /** The ignore rules cover the file (always false outside a repository, where there is nothing to ignore). */
  ignored: boolean;
  /** Already committed: ignore rules no longer protect it. Null when unknown (no git installed) or no repository. */
  tracked: boolean | null;
  /** `git` when git answered, `ignore-files` when the rules were read without it. */
  method: 'git' | 'ignore-files' | null;
}

const GIT_TIMEOUT_MS = 5000;

export async function checkGitIgnored(envPath: string): Promise<GitIgnoreStatus> {
  const file = await realpath(envPath).catch(() => envPath);
  const root = await repositoryRoot(dirname(file));
  if (!root) return { repository: false, repositoryRoot: null, relativePath: null, ignored: false, tracked: null, method: null };
  const relativePath = relative(root, file).split(sep).join('/');
  const base = { repository: true, repositoryRoot: root, relativePath };
  const ignoredByGit = await git(root, ['check-ignore', '-q', '--no-index', '--', relativePath]);
  if (ignoredByGit === 0 || ignoredByGit === 1) {
    const tracked = await git(root, ['ls-files', '--error-unmatch', '--', relativePath]);
    // Stryker disable next-line ConditionalExpression: equivalent, git that just answered check-ignore answers ls-files too (0 or 1)
    return { ...base, ignored: ignoredByGit === 0, tracked: tracked === 0 ? true : tracked === 1 ? false : null, method: 'git' };
  }
  const sources = await ignoreSources(root, relativePath);
  return { ...base, ignored: ignoredByRules(relativePath, sources), tracked: null, method: 'ignore-files' };
}

/**
 * Appends the .env's path to the repository's root .gitignore (created when missing), in that file's newline
 * style, touching nothing else. Does nothing when the file is already ignored. Returns the new status.
 */
export async function addToGitIgnore(envPath: string): Promise<{ gitignorePath: string; added: boolean; status: GitIgnoreStatus }> {
  const before = await checkGitIgnored(envPath);
  if (before.relativePath === null) {
    throw envFileError('not_a_git_repo', `${envPath} is not inside a git repository`, { path: envPath });
  }
  const gitignorePath = join(before.repositoryRoot!, '.gitignore');
  if (before.ignored) return { gitignorePath, added: false, status: before };
  const bytes = await readFile(gitignorePath).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return Buffer.alloc(0);
    throw envFileError('unreadable', `Cannot read ${gitignorePath} (${error.code ?? 'unknown'})`, { path: gitignorePath }, error);
  });
  const text = decodeEnvBytes(bytes, gitignorePath);
  await writeFileAtomic(gitignorePath, appendLineToText(text, gitignoreLineFor(before.relativePath)));
  return { gitignorePath, added: true, status: await checkGitIgnored(envPath) };
}

/** The nearest folder at or above `folder` holding `.git` (a folder, or a file in worktrees and submodules). */
async function repositoryRoot(folder: string): Promise<string | null> {
  for (let current = folder; ; current = dirname(current)) {
    // Stryker disable next-line ArrowFunction: equivalent, undefined and false both mean "no .git here"
    if (await stat(join(current, '.git')).then(() => true, () => false)) return current;
    if (dirname(current) === current) return null;
  }
}

/** git's exit code, or null when git is not installed, timed out or failed to run. */
function git(root: string, args: readonly string[]): Promise<number | null> {
  // By full path: a git.exe planted in the current folder would otherwise run first on Windows.
  const program = findOnPath('git');
  if (program === null) return Promise.resolve(null);
  return new Promise((resolve) => {
    execFile(
      program,
      ['-C', root, ...args],
      // These commands answer by exit code, which neither the language nor a prompt changes; the time limit
      // matters only for a git that hangs, and windowsHide only on Windows.
      // Stryker disable next-line ObjectLiteral,BooleanLiteral,StringLiteral: equivalent (see above)
      { timeout: GIT_TIMEOUT_MS, windowsHide: true, env: { ...process.env, GIT_TERMINAL_PROMPT: '0', LC_ALL: 'C' } },
      (error) => {
        if (!error) {
          resolve(0);
          return;
        }
        // Stryker disable next-line ConditionalExpression: equivalent, a git that could not run or was killed gives no 0 or 1 either
        resolve(typeof error.code === 'number' ? error.code : null);
      },
    );
  });
}

/** `.git/info/exclude`, then every .gitignore from the root down to the .env's folder (weakest first). */
async function ignoreSources(root: string, relativePath: string): Promise<IgnoreSource[]> {
  // Stryker disable next-line MethodExpression: equivalent, a .gitignore "inside" the .env file cannot be read, so adds nothing
  const folders = relativePath.split('/').slice(0, -1);
  const candidates: Array<[string, string]> = [['', join(root, '.git', 'info', 'exclude')]];
  for (let depth = 0; depth <= folders.length; depth += 1) {
    const folder = folders.slice(0, depth).join('/');
    candidates.push([folder, join(root, ...folders.slice(0, depth), '.gitignore')]);
  }
  return Promise.all(
    // A missing ignore file has no rules.
    // Stryker disable next-line StringLiteral: equivalent, a stand-in text's one rule would match only a file named like it
    candidates.map(async ([folder, path]) => ({ folder, text: await readFile(path, 'utf8').catch(() => '') })),
  );
}
