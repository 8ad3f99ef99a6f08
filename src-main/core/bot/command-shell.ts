// Which shell runs a bot's own command on Windows: Command Prompt (cmd.exe, what the app always used) or Windows
// PowerShell, the shell owners' guides are written for (`Get-Process python | Stop-Process -Force`). On macOS and
// Linux every command runs with /bin/sh whatever is stored, so the choice is only offered on Windows.
//
// Windows PowerShell 5.1, not PowerShell 7 (`pwsh`): it is on every Windows 10 and 11 at one fixed place under
// SystemRoot that only an administrator can write to, it is the "PowerShell" the Start menu, Win+X and the owners'
// guides open, and a bot's command (`python run_flask.py`, `Stop-Process`) means the same in both. pwsh is an
// optional install found through PATH, which would bring back the planted-program risk and a third choice to explain.
import { systemProgramPath } from '../system-programs';
import { powershellArgs } from './os-commands';
import type { CommandShell } from './types';

/**
 * The PowerShell script that runs the owner's command. Before it: output in UTF-8 without a byte-order mark (the
 * console's code page otherwise, 857 on a Turkish PC), both for what PowerShell writes and for how it reads the
 * programs it runs. Around it: each error line as plain text (Windows PowerShell otherwise dresses a program's
 * stderr — where Flask logs "Running on…" — as a NativeCommandError with a "CategoryInfo" block). After it: the
 * exit code passed back, which `-Command` would otherwise flatten to 0 or 1: the last program's own code when one
 * ran, else 1 if the last command failed.
 */
export function powershellScript(command: string): string {
  return [
    "$ErrorActionPreference = 'Continue'",
    '$utf8 = New-Object System.Text.UTF8Encoding $false',
    'try { [Console]::OutputEncoding = $utf8 } catch { }',
    '$OutputEncoding = $utf8',
    '& {',
    callable(command),
    '$global:WaTokenDoctorOk = $?',
    '} 2>&1 | ForEach-Object { if ($_ -is [System.Management.Automation.ErrorRecord]) { $_.ToString() } else { $_ } }',
    'if ($null -ne $LASTEXITCODE) { exit $LASTEXITCODE }',
    'if ($global:WaTokenDoctorOk) { exit 0 }',
    'exit 1',
  ].join('\n');
}

/**
 * In PowerShell a line that starts with a quoted path is a string, not a program to run (`"C:\My Bot\venv\
 * Scripts\python.exe" app.py` fails with "Unexpected token"); the call operator makes it one, as cmd.exe reads it.
 */
function callable(command: string): string {
  const trimmed = command.trim();
  return /^["']/.test(trimmed) ? `& ${trimmed}` : trimmed;
}

/**
 * The command line for the OS shell (cmd.exe on Windows, /bin/sh elsewhere) that runs `command` in `shell`.
 * PowerShell is started from cmd.exe, so a managed bot keeps everything cmd.exe gives it: the log opened by cmd
 * itself (no inherited handle, hence no window at all), UTF-8 (`chcp 65001`), a drive letter for a UNC folder.
 * The script travels base64-encoded (`-EncodedCommand`) because cmd.exe expands `%…%` and splits on `&` and `|`
 * even where PowerShell would see quotes, and PowerShell one-liners are full of them (`% { $_.Kill() }`).
 */
export function commandForShell(
  command: string,
  shell: CommandShell,
  platform: NodeJS.Platform = process.platform,
  env: NodeJS.ProcessEnv = process.env,
): string {
  if (platform !== 'win32' || shell === 'cmd') return command;
  return [`"${systemProgramPath('powershell', platform, env)}"`, ...powershellArgs(powershellScript(command))].join(' ');
}
