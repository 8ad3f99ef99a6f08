// Helper programs are called by full path: on Windows a bare name is looked up in the current folder first.
import { describe, expect, it } from 'vitest';
import { findOnPath, systemProgramPath } from '../../src-main/core/system-programs';

describe('systemProgramPath', () => {
  it("takes Windows' own copies from SystemRoot, never from PATH or the current folder", () => {
    const env = { SystemRoot: 'C:\\WINDOWS', PATH: '.;C:\\bot' };
    expect(systemProgramPath('powershell', 'win32', env)).toBe('C:\\WINDOWS\\System32\\WindowsPowerShell\\v1.0\\powershell.exe');
    expect(systemProgramPath('taskkill', 'win32', env)).toBe('C:\\WINDOWS\\System32\\taskkill.exe');
    expect(systemProgramPath('cmd', 'win32', { SystemRoot: 'relative\\path' })).toBe('C:\\Windows\\System32\\cmd.exe');
  });

  it('uses the fixed paths of ps and lsof on macOS', () => {
    expect(systemProgramPath('ps', 'darwin')).toBe('/bin/ps');
    expect(systemProgramPath('lsof', 'darwin')).toBe('/usr/sbin/lsof');
  });
});

describe('findOnPath', () => {
  it('skips relative PATH entries (the current folder) and finds only a real .exe on Windows', () => {
    const present = new Set(['C:\\Program Files\\Git\\cmd\\git.exe', 'C:\\bot\\git.exe', 'C:\\tools\\git.cmd']);
    const env = { Path: '.;bot;C:\\tools;"C:\\Program Files\\Git\\cmd"' };
    expect(findOnPath('git', 'win32', env, (path) => present.has(path))).toBe('C:\\Program Files\\Git\\cmd\\git.exe');
    expect(findOnPath('git', 'linux', { PATH: ':./bin:/usr/bin' }, (path) => path === '/usr/bin/git' || path === 'bin/git')).toBe('/usr/bin/git');
    expect(findOnPath('git', 'linux', { PATH: '' }, () => true)).toBeNull();
  });
});
