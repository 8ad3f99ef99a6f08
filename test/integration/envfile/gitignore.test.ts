// The git-ignore check in real repositories: with git, without git (our own reading of the rules, compared
// with git's answers), and the one-step fix that appends the file's name in the file's own style.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { addToGitIgnore, checkGitIgnored } from '../../../src-main/core/envfile/gitignore';
import { ignoredByRules } from '../../../src-main/core/envfile/gitignore-rules';
import { GIT_IGNORE_ANSWERS, IGNORE_LINES } from '../../unit/envfile/gitignore-cases';
import { tempFolder } from './temp-folder';

const git = (folder: string, ...args: string[]) => execFileSync('git', ['-C', folder, ...args], { stdio: 'pipe' });

function repository(files: Record<string, string>): string {
  const folder = tempFolder('repo-');
  git(folder, 'init', '-q');
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(join(folder, path, '..'), { recursive: true });
    writeFileSync(join(folder, path), content);
  }
  return folder;
}

const savedEnvironment = { ...process.env };
// The machine's own global excludes file must not make git and the fallback disagree.
beforeAll(() => Object.assign(process.env, { GIT_CONFIG_GLOBAL: '/dev/null', GIT_CONFIG_NOSYSTEM: '1' }));
afterAll(() => {
  for (const name of ['GIT_CONFIG_GLOBAL', 'GIT_CONFIG_NOSYSTEM']) {
    if (savedEnvironment[name] === undefined) delete process.env[name];
    else process.env[name] = savedEnvironment[name];
  }
});
afterEach(() => {
  process.env.PATH = savedEnvironment.PATH;
});
function withoutGit(): void {
  process.env.PATH = '/nonexistent';
}

describe('checkGitIgnored', () => {
  it('says when the folder is not a git repository', async () => {
    const folder = tempFolder();
    writeFileSync(join(folder, '.env'), 'A=1\n');
    expect(await checkGitIgnored(join(folder, '.env'))).toMatchObject({ repository: false, ignored: false, method: null });
  });

  it('asks git when it is installed, and tells a committed .env apart', async () => {
    const folder = repository({ '.env': 'A=1\n', 'backend/.env': 'B=1\n', '.gitignore': 'node_modules/\n' });
    expect(await checkGitIgnored(join(folder, '.env'))).toMatchObject({
      repository: true, repositoryRoot: folder, relativePath: '.env', ignored: false, tracked: false, method: 'git',
    });
    git(folder, 'add', 'backend/.env');
    expect(await checkGitIgnored(join(folder, 'backend/.env'))).toMatchObject({ relativePath: 'backend/.env', tracked: true });
  });

  it('reads the ignore files itself when git is missing', async () => {
    const folder = repository({ '.env': 'A=1\n', '.gitignore': '# secrets\n.env\n' });
    withoutGit();
    expect(await checkGitIgnored(join(folder, '.env'))).toMatchObject({ ignored: true, tracked: null, method: 'ignore-files' });
  });

  it.each([
    ['.env', { '.gitignore': '.env\n' }],
    ['.env', { '.gitignore': '*.env\n' }],
    ['.env', { '.gitignore': '.env*\n!.env.example\n' }],
    ['.env.example', { '.gitignore': '.env*\n!.env.example\n' }],
    ['backend/.env', { '.gitignore': '.env\n' }],
    ['backend/.env', { '.gitignore': '/.env\n' }],
    ['backend/.env', { '.gitignore': 'backend/\n' }],
    ['backend/.env', { '.gitignore': 'backend/\n!backend/.env\n' }],
    ['backend/.env', { '.gitignore': '**/.env\n' }],
    ['backend/.env', { 'backend/.gitignore': '.env\n' }],
    ['backend/.env', { '.gitignore': '.env\n', 'backend/.gitignore': '!.env\n' }],
    ['server/app/.env', { '.gitignore': 'server/**/.env\n' }],
    ['.env', { '.gitignore': '.env/\n' }],
    ['.env', { '.gitignore': '\\#.env\n.e?v\n' }],
    ['.env', { '.gitignore': '.[ef]nv\r\n' }],
    ['.env', { '.gitignore': '.env   \n' }],
    ['.env', { '.git/info/exclude': '.env\n' }],
    ['.env', { '.git/info/exclude': '.env\n', '.gitignore': '!.env\n' }],
    ['localvariables.env', { '.gitignore': '*.env\n' }],
    ['server/app/.env', { 'server/app/.gitignore': '.env\n' }],
    ['server/app/.env', { 'server/.gitignore': 'app/.env\n', 'server/app/.gitignore': '!.env\n' }],
    ['server/app/.env', { 'server/.gitignore': '/app/.env\n' }],
  ])('agrees with git on %s given %j', async (path, ignoreFiles) => {
    const folder = repository({ [path]: 'A=1\n', ...ignoreFiles });
    const byGit = await checkGitIgnored(join(folder, path));
    expect(byGit.method).toBe('git');
    withoutGit();
    const byRules = await checkGitIgnored(join(folder, path));
    expect(byRules.method).toBe('ignore-files');
    expect(byRules.ignored).toBe(byGit.ignored);
  });
});

describe('checkGitIgnored on a .env not written yet', () => {
  it('answers for the path it will have, with git and without', async () => {
    const folder = repository({ '.gitignore': '.env\n' });
    expect(await checkGitIgnored(join(folder, 'backend', '.env'))).toEqual({
      repository: true,
      repositoryRoot: folder,
      relativePath: 'backend/.env',
      ignored: true,
      tracked: false,
      method: 'git',
    });
    withoutGit();
    expect(await checkGitIgnored(join(folder, 'backend', '.env'))).toMatchObject({ relativePath: 'backend/.env', ignored: true, tracked: null, method: 'ignore-files' });
  });
});

describe('addToGitIgnore', () => {
  it('creates a .gitignore with the name when there is none', async () => {
    const folder = repository({ '.env': 'A=1\n' });
    const result = await addToGitIgnore(join(folder, '.env'));
    expect(result).toMatchObject({ gitignorePath: join(folder, '.gitignore'), added: true, status: { ignored: true } });
    expect(readFileSync(join(folder, '.gitignore'), 'utf8')).toBe('.env\n');
  });

  it('appends in the file\'s CRLF style after a missing final newline, changing nothing else', async () => {
    const original = 'node_modules/\r\n# logs\r\n*.log';
    const folder = repository({ 'backend/.env': 'A=1\n', '.gitignore': original });
    await addToGitIgnore(join(folder, 'backend/.env'));
    expect(readFileSync(join(folder, '.gitignore'), 'utf8')).toBe(`${original}\r\nbackend/.env`);
    expect((await checkGitIgnored(join(folder, 'backend/.env'))).ignored).toBe(true);
  });

  it('does nothing when the file is already ignored', async () => {
    const folder = repository({ '.env': 'A=1\n', '.gitignore': '.env\n' });
    expect(await addToGitIgnore(join(folder, '.env'))).toMatchObject({ added: false });
    expect(readFileSync(join(folder, '.gitignore'), 'utf8')).toBe('.env\n');
  });

  it('overrides an earlier negation and escapes special characters in the name', async () => {
    const folder = repository({ '[prod].env': 'A=1\n', '.gitignore': '*.env\n!\\[prod\\].env\n' });
    const result = await addToGitIgnore(join(folder, '[prod].env'));
    expect(readFileSync(join(folder, '.gitignore'), 'utf8')).toBe('*.env\n!\\[prod\\].env\n\\[prod].env\n');
    expect(result.status.ignored).toBe(true);
  });

  it('refuses outside a repository, naming the file', async () => {
    const folder = tempFolder();
    const path = join(folder, '.env');
    writeFileSync(path, 'A=1\n');
    await expect(addToGitIgnore(path)).rejects.toMatchObject({
      code: 'env_not_a_git_repo',
      message: `${path} is not inside a git repository`,
      userMessage: { key: 'envfile:errors.not_a_git_repo', params: { path } },
    });
  });

  it('explains a .gitignore it cannot read, and changes nothing', async () => {
    const folder = repository({ '.env': 'A=1\n', '.gitignore/keep': '' });
    const gitignorePath = join(folder, '.gitignore');
    await expect(addToGitIgnore(join(folder, '.env'))).rejects.toMatchObject({
      code: 'env_unreadable',
      message: `Cannot read ${gitignorePath} (EISDIR)`,
      userMessage: { key: 'envfile:errors.unreadable', params: { path: gitignorePath } },
    });
    expect(readFileSync(join(folder, '.gitignore/keep'), 'utf8')).toBe('');
  });

  it('adds the line without git too, and then reads the file as ignored', async () => {
    const folder = repository({ 'backend/.env': 'A=1\n', '.gitignore': 'node_modules/\n' });
    withoutGit();
    const result = await addToGitIgnore(join(folder, 'backend/.env'));
    expect(result).toMatchObject({ added: true, status: { ignored: true, method: 'ignore-files' } });
    expect(readFileSync(join(folder, '.gitignore'), 'utf8')).toBe('node_modules/\nbackend/.env\n');
  });
});

describe('ignoredByRules', () => {
  it('lets the deepest, latest rule win and never re-includes a file inside an ignored folder', () => {
    expect(ignoredByRules('a/.env', [{ folder: '', text: 'a/\n' }, { folder: 'a', text: '!.env\n' }])).toBe(true);
    expect(ignoredByRules('a/.env', [{ folder: '', text: '.env\n' }, { folder: 'a', text: '!.env\n' }])).toBe(false);
    expect(ignoredByRules('b/.env', [{ folder: 'a', text: '.env\n' }])).toBe(false);
  });
});

/** The paths git ignores among `paths` (files that exist in `folder`), asked in one call. */
function ignoredByGit(folder: string, paths: readonly string[]): Record<string, boolean> {
  let output = '';
  try {
    output = execFileSync('git', ['-C', folder, 'check-ignore', '--no-index', '-z', '--stdin'], { input: paths.join('\0'), stdio: 'pipe' }).toString();
  } catch (error) {
    if ((error as { status?: number }).status !== 1) throw error; // 1: none of them is ignored
  }
  const ignored = new Set(output.split('\0'));
  return Object.fromEntries(paths.map((path) => [path, ignored.has(path)]));
}

describe("the recorded answers the rules reader is held to (test/unit/envfile/gitignore-cases.ts)", () => {
  it.each(GIT_IGNORE_ANSWERS.map((answer) => [JSON.stringify(answer.files), answer] as const))("are still git's for %s", (_name, answer) => {
    const paths = Object.keys(answer.ignored);
    const folder = repository({ ...answer.files, ...Object.fromEntries(paths.map((path) => [path, ''])) });
    expect(ignoredByGit(folder, paths)).toEqual(answer.ignored);
  });

  it.each(IGNORE_LINES)('git reads the line written for %j as matching it and not the similar name', (name, line, other) => {
    const folder = repository({ '.gitignore': `${line}\n`, [name]: '', [other]: '' });
    expect(ignoredByGit(folder, [name, other])).toEqual({ [name]: true, [other]: false });
  });
});
