// The bot's PATH on macOS comes from the owner's login shell, as Terminal has it. The asking runs for real here
// with bash and start-up files that print noise, as many do.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { askLoginShellPath, mergePaths, withLoginShellPath } from '../../../src-main/core/bot/login-shell-path';

const homes: string[] = [];
afterAll(() => Promise.all(homes.map((home) => rm(home, { recursive: true, force: true }))));

async function homeWith(profile: string): Promise<string> {
  const home = await mkdtemp(join(tmpdir(), 'wtd-login-'));
  homes.push(home);
  await writeFile(join(home, '.bash_profile'), profile);
  return home;
}

describe('askLoginShellPath', () => {
  it("reads the PATH the owner's start-up files build, whatever else they print", async () => {
    const home = await homeWith('echo "Welcome back, Ayşe"\nexport PATH="/opt/homebrew/bin:$HOME/.nvm/versions/node/v22/bin:$PATH"\n');
    const path = await askLoginShellPath('/bin/bash', { HOME: home, PATH: '/usr/bin:/bin' });
    expect(path).toMatch(new RegExp(`^/opt/homebrew/bin:${home}/\\.nvm/versions/node/v22/bin:/.*/bin`));
  });

  it('gives up (null) on a shell that hangs or fails, so the bot still starts with the PATH it had', async () => {
    const home = await homeWith('sleep 30\n');
    expect(await askLoginShellPath('/bin/bash', { HOME: home, PATH: '/usr/bin:/bin' }, 500)).toBeNull();
    expect(await askLoginShellPath('/nonexistent/shell', { PATH: '/usr/bin' })).toBeNull();
  });
});

describe('withLoginShellPath', () => {
  it("puts the shell's entries first and keeps ours it lacks, each once", () => {
    expect(mergePaths('/opt/homebrew/bin:/usr/bin:/bin', '/usr/bin:/bin:/usr/sbin')).toBe('/opt/homebrew/bin:/usr/bin:/bin:/usr/sbin');
  });

  it('leaves the environment alone off macOS', async () => {
    const env = { PATH: '/usr/bin' };
    expect(await withLoginShellPath(env, 'linux')).toBe(env);
  });
});
