// The git-ignore check in real repositories: with git, without git (our own reading of the rules, compared
// with git's answers), and the one-step fix that appends the file's name in the file's own style.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { addToGitIgnore, checkGitIgnored } from '../../../src-main/core/envfile/gitignore';
import { ignoredByRules } from '../../../src-main/core/envfile/gitignore-rules';
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

  it('refuses outside a repository', async () => {
    const folder = tempFolder();
    writeFileSync(join(folder, '.env'), 'A=1\n');
    await expect(addToGitIgnore(join(folder, '.env'))).rejects.toMatchObject({ code: 'env_not_a_git_repo' });
  });
});

describe('ignoredByRules', () => {
  it('lets the deepest, latest rule win and never re-includes a file inside an ignored folder', () => {
    expect(ignoredByRules('a/.env', [{ folder: '', text: 'a/\n' }, { folder: 'a', text: '!.env\n' }])).toBe(true);
    expect(ignoredByRules('a/.env', [{ folder: '', text: '.env\n' }, { folder: 'a', text: '!.env\n' }])).toBe(false);
    expect(ignoredByRules('b/.env', [{ folder: 'a', text: '.env\n' }])).toBe(false);
  });
});
