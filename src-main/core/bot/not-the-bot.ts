// Programs that sit in a bot's folder without being the bot: the editor opened on it (`Code.exe "C:\…\bot"`),
// its helpers (language servers it started), a terminal, an interactive shell. Offering one of them in found
// mode would let a single tick end the owner's editor or terminal with everything under it.
import { startedBefore } from './process-table';
import type { ProcessInfo } from './types';

const EDITORS = new Set([
  'code', 'code-insiders', 'codium', 'cursor', 'windsurf', 'zed', 'notepad', 'notepad++', 'sublime_text', 'subl',
  'atom', 'pycharm', 'pycharm64', 'idea', 'idea64', 'webstorm', 'webstorm64', 'phpstorm', 'phpstorm64', 'fleet',
  'vim', 'nvim', 'vi', 'nano', 'emacs', 'gedit', 'gnome-text-editor', 'kate', 'textedit', 'explorer', 'finder',
  'nautilus', 'dolphin', 'thunar', 'github desktop', 'githubdesktop', 'visual studio code',
  'visual studio code - insiders', 'sublime text', 'pycharm ce', 'intellij idea', 'intellij idea ce', 'xcode', 'bbedit', 'nova',
]);

const TERMINALS = new Set([
  'windowsterminal', 'wt', 'openconsole', 'conhost', 'mintty', 'terminal', 'iterm2', 'gnome-terminal',
  'gnome-terminal-server', 'konsole', 'xterm', 'alacritty', 'kitty', 'wezterm', 'wezterm-gui', 'tilix', 'tmux',
  'screen', 'xfce4-terminal', 'sshd', 'ssh', 'iterm', 'warp', 'hyper', 'ghostty',
]);

const SHELLS = new Set(['cmd', 'powershell', 'pwsh', 'bash', 'sh', 'zsh', 'fish', 'dash', 'ksh', 'tcsh', 'csh', 'nu']);

/** `"C:\Program Files\Microsoft VS Code\Code.exe" "C:\bot"` → { name: 'code', args: '"C:\bot"' }; `-bash` → bash. */
export function splitProgram(commandLine: string): { name: string; args: string } {
  const trimmed = commandLine.trim();
  // A macOS bundle's path has spaces and no quotes (`/Applications/Visual Studio Code.app/Contents/MacOS/Electron`):
  // the outermost bundle names the program, helpers included.
  const bundle = /^\S*?\/([^/]+)\.app\/Contents\//.exec(trimmed);
  const executable = /\.app\/Contents\/MacOS\/[^/]+?(?=\s+-|\s+\/|$)/.exec(trimmed);
  let program: string;
  let args: string;
  if (bundle) {
    program = bundle[1] ?? '';
    args = executable ? trimmed.slice(executable.index + executable[0].length) : '';
  } else if (trimmed.startsWith('"')) {
    const close = trimmed.indexOf('"', 1);
    program = close < 0 ? trimmed.slice(1) : trimmed.slice(1, close);
    args = close < 0 ? '' : trimmed.slice(close + 1);
  } else {
    const space = trimmed.search(/\s/);
    program = space < 0 ? trimmed : trimmed.slice(0, space);
    args = space < 0 ? '' : trimmed.slice(space);
  }
  const base = program.split(/[\\/]/).pop() ?? '';
  return { name: base.replace(/^-/, '').replace(/\.(exe|com)$/i, '').toLowerCase(), args: args.trim() };
}

/** A shell with nothing to run: `bash`, `-zsh`, `powershell.exe -NoExit`, `cmd.exe /k`; not `sh -c "python run.py"`. */
function isInteractiveShell(name: string, args: string): boolean {
  if (!SHELLS.has(name)) return false;
  const words = args.split(/\s+/).filter(Boolean);
  if (name === 'cmd') return !words.some((word) => /^\/c$/i.test(word));
  if (name === 'powershell' || name === 'pwsh') {
    const runs = words.some((word) => /^-(c|command|f|file|e|ec|encodedcommand)$/i.test(word));
    return !runs || words.some((word) => /^-noexit$/i.test(word));
  }
  // POSIX shells: `-c` (alone or in a cluster such as `-lc`) or a script to run makes it a runner, not a prompt.
  return !words.some((word) => (/^-[a-z]*c[a-z]*$/i.test(word) && !word.startsWith('--')) || !word.startsWith('-'));
}

export type NotTheBotReason = 'editor' | 'terminal' | 'shell' | 'editor-helper';

/** Why `info` is not the bot, or null when it may be. `byPid` is the whole table, to look at its parent. */
export function whyNotTheBot(info: ProcessInfo, byPid: ReadonlyMap<number, ProcessInfo>): NotTheBotReason | null {
  const { name, args } = splitProgram(info.commandLine);
  if (EDITORS.has(name)) return 'editor';
  if (TERMINALS.has(name)) return 'terminal';
  if (isInteractiveShell(name, args)) return 'shell';
  // A language server or linter the editor started itself; what the owner runs in the editor's terminal has
  // a shell as its parent instead.
  const parent = byPid.get(info.ppid);
  if (parent && !startedBefore(info, parent) && EDITORS.has(splitProgram(parent.commandLine).name)) return 'editor-helper';
  return null;
}

// Interpreters and app servers a bot runs under: a process holding the bot's port is only taken for the bot
// when it is one of these (or when Windows hides its command line: another user's or an elevated process).
const APP_RUNTIME = /^(python[\d.]*w?|py|node|bun|deno|php|php-cgi|ruby|java|dotnet|uvicorn|gunicorn|hypercorn|flask|waitress-serve|daphne|tsx|ts-node)$/;

/** True when a process listening on the bot's port may be the bot itself (not AirPlay on macOS's port 5000, say). */
export function mayServeTheBot(info: ProcessInfo): boolean {
  return info.commandLine.trim() === '' || APP_RUNTIME.test(splitProgram(info.commandLine).name);
}
