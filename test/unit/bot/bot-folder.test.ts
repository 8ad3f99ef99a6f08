// What counts as "in the bot's folder": folder boundaries, not string prefixes; case rules per OS.
import { describe, expect, it } from 'vitest';
import { assertNotFilesystemRoot, commandLineMentionsFolder, isInsideFolder } from '../../../src-main/core/bot/bot-folder';

describe('isInsideFolder', () => {
  it('accepts the folder and its subfolders, not a sibling with the same prefix', () => {
    expect(isInsideFolder('/srv/bot', '/srv/bot', 'linux')).toBe(true);
    expect(isInsideFolder('/srv/bot/backend', '/srv/bot/', 'linux')).toBe(true);
    expect(isInsideFolder('/srv/bot2', '/srv/bot', 'linux')).toBe(false);
    expect(isInsideFolder('/srv/Bot', '/srv/bot', 'linux')).toBe(false);
  });

  it('ignores case and slash direction on Windows', () => {
    expect(isInsideFolder('C:\\Users\\Ayse\\Bot\\app', 'c:/users/ayse/bot', 'win32')).toBe(true);
    expect(isInsideFolder('C:\\Users\\Ayse\\Bot2', 'C:\\Users\\Ayse\\Bot', 'win32')).toBe(false);
  });
});

describe('commandLineMentionsFolder', () => {
  it('finds the folder as a path on the command line', () => {
    expect(commandLineMentionsFolder('python3 /srv/bot/run.py', '/srv/bot', 'linux')).toBe(true);
    expect(commandLineMentionsFolder('node --env-file=/srv/bot/.env index.js', '/srv/bot', 'linux')).toBe(true);
    expect(commandLineMentionsFolder('python3 /srv/bot2/run.py', '/srv/bot', 'linux')).toBe(false);
    expect(commandLineMentionsFolder('python3 /other/srv/bot/run.py', '/srv/bot', 'linux')).toBe(false);
  });

  it('handles quoted Windows paths in any case', () => {
    expect(commandLineMentionsFolder('"C:\\Bots\\Shop\\.venv\\Scripts\\python.exe" app.py', 'c:\\bots\\shop', 'win32')).toBe(true);
    expect(commandLineMentionsFolder('"C:\\Bots\\Shop2\\python.exe"', 'C:\\Bots\\Shop', 'win32')).toBe(false);
  });
});

describe('assertNotFilesystemRoot', () => {
  it('refuses the root, where every process would match', () => {
    expect(() => assertNotFilesystemRoot('/')).toThrow(/every process/);
    expect(() => assertNotFilesystemRoot('/srv/bot')).not.toThrow();
  });
});
