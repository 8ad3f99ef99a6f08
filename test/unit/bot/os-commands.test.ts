// How each OS is asked to run a command, kill a tree and list processes: Windows and macOS forms are only
// constructed (and parsed) here, since only Linux runs in this test environment.
import { describe, expect, it } from 'vitest';
import { assertPid, botSpawnSpec, hasCommandChain, powershellArgs, quoteShellArg, shellSpawnSpec, taskkillArgs } from '../../../src-main/core/bot/os-commands';
import { win32ProcessScript } from '../../../src-main/core/bot/process-table-windows';

describe('shellSpawnSpec', () => {
  it('runs the command line through /bin/sh on Linux and macOS', () => {
    expect(shellSpawnSpec('venv/bin/python run.py', '/srv/bot', 'linux')).toEqual({
      file: '/bin/sh',
      args: ['-c', 'venv/bin/python run.py'],
      cwd: '/srv/bot',
      windowsVerbatimArguments: false,
    });
    expect(shellSpawnSpec('npm start', '/Users/ayse/bot', 'darwin').file).toBe('/bin/sh');
  });

  it("runs it through System32's cmd.exe /d /s /c \"…\" on Windows, verbatim, never a cmd.exe found elsewhere", () => {
    const env = { SystemRoot: 'D:\\WINDOWS', ComSpec: 'C:\\bot\\cmd.exe' };
    expect(shellSpawnSpec('.venv\\Scripts\\python.exe app.py', 'C:\\bot', 'win32', env)).toEqual({
      file: 'D:\\WINDOWS\\System32\\cmd.exe',
      args: ['/d', '/s', '/c', '".venv\\Scripts\\python.exe app.py"'],
      cwd: 'C:\\bot',
      windowsVerbatimArguments: true,
    });
    expect(shellSpawnSpec('npm start', 'C:\\bot', 'win32', {}).file).toBe('C:\\Windows\\System32\\cmd.exe');
  });

  it('enters a \\\\server\\share folder with pushd, since cmd.exe cannot start in one', () => {
    const spec = shellSpawnSpec('python run.py', '\\\\nas\\bots\\tevkil', 'win32', { SystemRoot: 'C:\\Windows' });
    expect(spec.args[3]).toBe('"pushd "\\\\nas\\bots\\tevkil" && python run.py"');
    expect(spec.cwd).toBe('C:\\Windows\\System32');
  });
});

describe('botSpawnSpec (how a managed bot starts)', () => {
  const env = { SystemRoot: 'C:\\Windows' };
  const log = 'C:\\Users\\Şükrü\\AppData\\Roaming\\WA Token Doctor\\logs\\bot.log';

  it('on Windows: not detached (a console window of its own), cmd.exe appends to the log in UTF-8 so no handle is inherited', () => {
    const spec = botSpawnSpec('python run_flask.py', 'C:\\bot', log, 'win32', env);
    expect(spec).toMatchObject({ detached: false, shellWritesLog: true, windowsVerbatimArguments: true });
    expect(spec.args[3]).toBe(`"chcp 65001 >nul & python run_flask.py >> "${log}" 2>&1"`);
  });

  it('groups a chain of commands so the whole chain is logged, but not & or | inside quotes', () => {
    expect(botSpawnSpec('cd backend && python app.py', 'C:\\bot', log, 'win32', env).args[3]).toContain('& (cd backend && python app.py) >> ');
    expect(hasCommandChain('python "a&b.py"')).toBe(false);
    expect(hasCommandChain('echo a^&b')).toBe(false);
    expect(hasCommandChain('npm run build | more')).toBe(true);
  });

  it('keeps the inherited log handle where cmd.exe would expand a % in the log path', () => {
    expect(botSpawnSpec('python run.py', 'C:\\bot', 'C:\\Users\\a%b\\bot.log', 'win32', env)).toMatchObject({
      shellWritesLog: false,
      args: ['/d', '/s', '/c', '"python run.py"'],
    });
  });

  it('on Linux and macOS: detached into its own process group, the log inherited', () => {
    expect(botSpawnSpec('npm start', '/srv/bot', '/data/bot.log', 'linux')).toMatchObject({ detached: true, shellWritesLog: false, args: ['-c', 'npm start'] });
  });
});

describe('taskkillArgs', () => {
  it('asks the tree politely, then with /F, always by PID and never by image name', () => {
    expect(taskkillArgs([4242], { tree: true, force: false })).toEqual(['/PID', '4242', '/T']);
    expect(taskkillArgs([4242], { tree: true, force: true })).toEqual(['/PID', '4242', '/T', '/F']);
    expect(taskkillArgs([4242, 4250], { tree: false, force: true })).toEqual(['/PID', '4242', '/PID', '4250', '/F']);
    expect(taskkillArgs([4242], { tree: true, force: true })).not.toContain('/IM');
  });

  it('refuses PIDs that would hit the system or a process group, and an empty list', () => {
    for (const pid of [0, 1, -5, 2.5, Number.NaN]) expect(() => assertPid(pid)).toThrow(RangeError);
    expect(() => taskkillArgs([4242, 0], { tree: true, force: true })).toThrow(RangeError);
    expect(() => taskkillArgs([], { tree: false, force: true })).toThrow(RangeError);
  });
});

describe('powershellArgs', () => {
  it('sends the script base64-encoded as UTF-16LE, without profile or prompts', () => {
    const script = win32ProcessScript({ pid: 1234 });
    const args = powershellArgs(script);
    expect(args.slice(0, 5)).toEqual(['-NoProfile', '-NonInteractive', '-ExecutionPolicy', 'Bypass', '-EncodedCommand']);
    expect(Buffer.from(args[5]!, 'base64').toString('utf16le')).toBe(script);
    expect(script).toContain('Get-CimInstance -ClassName Win32_Process -Filter "ProcessId = 1234"');
    expect(win32ProcessScript()).not.toContain('-Filter');
  });
});

describe('quoteShellArg', () => {
  it('leaves plain paths alone and quotes the rest for each shell', () => {
    expect(quoteShellArg('.venv/bin/python', 'linux')).toBe('.venv/bin/python');
    expect(quoteShellArg("my bot's venv/python", 'linux')).toBe(`'my bot'\\''s venv/python'`);
    expect(quoteShellArg('C:\\My Bots\\python.exe', 'win32')).toBe('"C:\\My Bots\\python.exe"');
  });
});
