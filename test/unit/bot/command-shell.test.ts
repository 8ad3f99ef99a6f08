// The PowerShell launch for a bot's command. Wine's powershell.exe is a stub that runs nothing, so the script and the
// command line are pinned here exactly (the Wine suite only checks what cmd.exe hands the stub); the names say so.
import { describe, expect, it } from 'vitest';
import { commandForShell, powershellScript } from '../../../src-main/core/bot/command-shell';
import { crashHint } from '../../../src-main/core/bot/log-scan';
import { botSpawnSpec } from '../../../src-main/core/bot/os-commands';

const env = { SystemRoot: 'C:\\Windows' };
const POWERSHELL = '"C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\powershell.exe"';
const decoded = (line: string) => Buffer.from(line.split(' ').at(-1)!, 'base64').toString('utf16le');

describe('powershellScript (pinned: PowerShell does not run here)', () => {
  it('sets UTF-8 output first, turns error records into plain lines, and passes the exit code back', () => {
    expect(powershellScript('python run_flask.py')).toBe(
      [
        "$ErrorActionPreference = 'Continue'",
        '$utf8 = New-Object System.Text.UTF8Encoding $false',
        'try { [Console]::OutputEncoding = $utf8 } catch { }',
        '$OutputEncoding = $utf8',
        '& {',
        'python run_flask.py',
        '$global:WaTokenDoctorOk = $?',
        '} 2>&1 | ForEach-Object { if ($_ -is [System.Management.Automation.ErrorRecord]) { $_.ToString() } else { $_ } }',
        'if ($null -ne $LASTEXITCODE) { exit $LASTEXITCODE }',
        'if ($global:WaTokenDoctorOk) { exit 0 }',
        'exit 1',
      ].join('\n'),
    );
  });

  it("keeps the owner's PowerShell command as they wrote it, on its own line", () => {
    const seedGuide = 'Get-Process python | Stop-Process -Force; python run_flask.py';
    expect(powershellScript(seedGuide).split('\n')[5]).toBe(seedGuide);
  });

  it('puts the call operator before a command that starts with a quoted path, which PowerShell would only print', () => {
    expect(powershellScript('"C:\\My Bot\\venv\\Scripts\\python.exe" app.py').split('\n')[5]).toBe('& "C:\\My Bot\\venv\\Scripts\\python.exe" app.py');
    expect(powershellScript("  'D:\\bot\\run.exe'").split('\n')[5]).toBe("& 'D:\\bot\\run.exe'");
  });
});

describe('commandForShell (pinned: PowerShell does not run here)', () => {
  it("starts System32's Windows PowerShell by full path with no profile, no prompts, Bypass and the script encoded", () => {
    const line = commandForShell('python run_flask.py', 'powershell', 'win32', env);
    expect(line).toBe(
      `${POWERSHELL} -NoProfile -NonInteractive -ExecutionPolicy Bypass -EncodedCommand ${Buffer.from(powershellScript('python run_flask.py'), 'utf16le').toString('base64')}`,
    );
    expect(decoded(line)).toBe(powershellScript('python run_flask.py'));
  });

  it('never uses a powershell.exe found on PATH or in the bot folder', () => {
    const line = commandForShell('npm start', 'powershell', 'win32', { SystemRoot: 'D:\\WINDOWS', PATH: 'C:\\bot' });
    expect(line.startsWith('"D:\\WINDOWS\\System32\\WindowsPowerShell\\v1.0\\powershell.exe" ')).toBe(true);
  });

  it('carries %, &, |, quotes and Turkish letters past cmd.exe, which would expand or split them, as base64 only', () => {
    const command = 'Get-Process python | % { $_.Kill() }; $env:BOT_NAME = "Şükrü & Oğul %PATH%"; python run_flask.py';
    const line = commandForShell(command, 'powershell', 'win32', env);
    expect(line.slice(POWERSHELL.length)).toMatch(/^[A-Za-z0-9 +/=-]+$/);
    expect(decoded(line).split('\n')[5]).toBe(command);
  });

  it('leaves the command as it is for cmd.exe, and on macOS and Linux whatever was chosen (/bin/sh runs it)', () => {
    expect(commandForShell('python run_flask.py', 'cmd', 'win32', env)).toBe('python run_flask.py');
    expect(commandForShell('npm start', 'powershell', 'linux', env)).toBe('npm start');
    expect(commandForShell('npm start', 'powershell', 'darwin', env)).toBe('npm start');
  });
});

describe('a managed PowerShell start (pinned: PowerShell does not run here)', () => {
  const log = 'C:\\Users\\Şükrü\\AppData\\Roaming\\WA Token Doctor\\logs\\bot.log';

  it('is still started by cmd.exe, which opens the log itself, so the bot has no window and writes UTF-8', () => {
    const spec = botSpawnSpec(commandForShell('python run_flask.py', 'powershell', 'win32', env), 'C:\\tevkil_proje', log, 'win32', env);
    expect(spec).toMatchObject({ file: 'C:\\Windows\\System32\\cmd.exe', detached: false, shellWritesLog: true, windowsVerbatimArguments: true });
    const encoded = Buffer.from(powershellScript('python run_flask.py'), 'utf16le').toString('base64');
    expect(spec.args).toEqual([
      '/d',
      '/s',
      '/c',
      `"chcp 65001 >nul & ${POWERSHELL} -NoProfile -NonInteractive -ExecutionPolicy Bypass -EncodedCommand ${encoded} >> "${log}" 2>&1"`,
    ]);
  });

  it("keeps the longest command the app accepts (2,000 characters) inside cmd.exe's 8,191-character line", () => {
    const longest = `python run_flask.py ${'ü'.repeat(1980)}`;
    const spec = botSpawnSpec(commandForShell(longest, 'powershell', 'win32', env), 'C:\\bot', log, 'win32', env);
    expect(spec.args.join(' ').length).toBeLessThan(8191);
  });
});

describe("what a PowerShell start's log says when the command is not found (captured-format)", () => {
  it("gets the \"command not found\" hint from PowerShell's own sentence, in English and Turkish, although the exit code is 1 and not cmd.exe's 9009", () => {
    // The script writes an error record as its plain message (`$_.ToString()`), without PowerShell's decoration.
    const english =
      "The term 'pythn' is not recognized as the name of a cmdlet, function, script file, or operable program. Check the spelling of the name, or if a path was included, verify that the path is correct and try again.";
    const turkish = "'pythn' terimi bir cmdlet, işlev, betik dosyası veya çalıştırılabilir program adı olarak tanınmıyor. Adın yazımını denetleyin veya bir yol eklendiyse yolun doğru olduğunu doğrulayın ve yeniden deneyin.";
    for (const line of [english, turkish]) expect(crashHint(`${line}\r\n`, { code: 1, signal: null })).toEqual({ key: 'bot:health.hint.commandNotFound' });
  });
});
