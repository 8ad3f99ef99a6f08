// Found mode never offers the owner's editor, terminal or prompt as "the bot": one tick would end it with
// everything it runs.
import { describe, expect, it } from 'vitest';
import { mayServeTheBot, splitProgram, whyNotTheBot } from '../../../src-main/core/bot/not-the-bot';
import type { ProcessInfo } from '../../../src-main/core/bot/types';

const info = (pid: number, commandLine: string, ppid = 1, startTime = '2026-12-01T07:00:00Z'): ProcessInfo => ({
  pid,
  ppid,
  pgid: null,
  startTime,
  commandLine,
  cwd: null,
});
const why = (commandLine: string, table: ProcessInfo[] = []) =>
  whyNotTheBot(info(50, commandLine, 40, '2026-12-01T08:00:00Z'), new Map(table.map((row) => [row.pid, row])));

describe('whyNotTheBot', () => {
  it('knows editors by their program, on every OS', () => {
    expect(why('"C:\\Program Files\\Microsoft VS Code\\Code.exe" "C:\\bot"')).toBe('editor');
    expect(why('/Applications/Visual Studio Code.app/Contents/MacOS/Electron /Users/ayse/bot')).toBe('editor');
    expect(why('/usr/share/code/code /srv/bot')).toBe('editor');
    expect(why('nvim .env')).toBe('editor');
  });

  it('knows terminals and prompts, but not a shell that runs the bot', () => {
    expect(why('"C:\\Program Files\\WindowsApps\\Microsoft.WindowsTerminal_1.21\\WindowsTerminal.exe"')).toBe('terminal');
    expect(why('"C:\\WINDOWS\\System32\\WindowsPowerShell\\v1.0\\powershell.exe" -NoLogo')).toBe('shell');
    expect(why('powershell.exe -NoExit -Command cd C:\\bot')).toBe('shell');
    expect(why('C:\\WINDOWS\\system32\\cmd.exe /k')).toBe('shell');
    expect(why('-zsh')).toBe('shell');
    expect(why('/bin/bash --login')).toBe('shell');
    expect(why('cmd.exe /d /s /c "python run_flask.py"')).toBeNull();
    expect(why('powershell.exe -File start-bot.ps1')).toBeNull();
    expect(why('sh -c "python3 run.py"')).toBeNull();
    expect(why('bash -lc "npm start"')).toBeNull();
    expect(why('bash start.sh')).toBeNull();
  });

  it("counts what an editor started itself (its language server) as the editor's, and what its terminal runs as the owner's", () => {
    const editor = info(40, '"C:\\VS Code\\Code.exe" --type=utility', 1, '2026-12-01T07:00:00Z');
    const shell = info(40, 'powershell.exe', 1, '2026-12-01T07:00:00Z');
    expect(why('python.exe lsp_server.py', [editor])).toBe('editor-helper');
    expect(why('python.exe run_flask.py', [shell])).toBeNull();
    // 40 is a reused PID here: the "parent" started after the child, so it is nobody's parent.
    expect(why('python.exe run_flask.py', [info(40, 'Code.exe', 1, '2026-12-01T09:00:00Z')])).toBeNull();
  });

  it('takes a process holding the port for the bot only when it runs an interpreter, or hides its command line', () => {
    expect(mayServeTheBot(info(1, '"C:\\Python312\\python.exe" run_flask.py'))).toBe(true);
    expect(mayServeTheBot(info(1, '/usr/local/bin/node server.js'))).toBe(true);
    expect(mayServeTheBot(info(1, ''))).toBe(true);
    expect(mayServeTheBot(info(1, '/System/Library/CoreServices/ControlCenter.app/Contents/MacOS/ControlCenter'))).toBe(false);
  });

  it('splits quoted and bundle paths', () => {
    expect(splitProgram('"C:\\Program Files\\Python 3.12\\python.exe" -m uvicorn app:app')).toEqual({ name: 'python', args: '-m uvicorn app:app' });
    expect(splitProgram('-bash')).toEqual({ name: 'bash', args: '' });
  });
});
