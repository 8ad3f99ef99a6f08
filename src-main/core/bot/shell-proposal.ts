// Which shell to offer first for a bot's command on Windows, from the owner's own habits: PowerShell when they
// have typed commands in the bot's folder from PowerShell, or when the folder's start scripts are PowerShell
// scripts; otherwise cmd.exe, as the app always did. macOS and Linux have no choice to make (/bin/sh).
import { readdir, open } from 'node:fs/promises';
import { win32 } from 'node:path';
import type { UserMessage } from '../errors';
import { DEFAULT_COMMAND_SHELL, type CommandShell } from './types';

export interface ShellProposal {
  shell: CommandShell;
  /** Why PowerShell is offered, for the owner; null when nothing suggests it. */
  reason: UserMessage | null;
}

/** The end of the history is enough: what the owner did lately, and a bounded read however long it grew. */
const HISTORY_TAIL_BYTES = 512 * 1024;

export interface ShellProposalOptions {
  platform?: NodeJS.Platform;
  env?: NodeJS.ProcessEnv;
  /** The end of a text file, or null when it cannot be read (tests pass their own). */
  readTail?: (path: string, bytes: number) => Promise<string | null>;
  /** The names in a folder (tests pass their own). */
  listFolder?: (folder: string) => Promise<string[]>;
}

/**
 * PSReadLine, in every Windows PowerShell since Windows 10, keeps each typed line in this file; cmd.exe keeps no
 * history at all, so only PowerShell use can be seen. The lines are searched for the folder and never kept.
 */
export function powershellHistoryFile(env: NodeJS.ProcessEnv): string | null {
  const appData = env.APPDATA ?? env.AppData;
  if (!appData || !win32.isAbsolute(appData)) return null;
  return win32.join(appData, 'Microsoft', 'Windows', 'PowerShell', 'PSReadLine', 'ConsoleHost_history.txt');
}

export async function proposeCommandShell(folder: string, options: ShellProposalOptions = {}): Promise<ShellProposal> {
  const platform = options.platform ?? process.platform;
  const none: ShellProposal = { shell: DEFAULT_COMMAND_SHELL, reason: null };
  if (platform !== 'win32') return none;
  const readTail = options.readTail ?? readFileTail;
  const listFolder = options.listFolder ?? ((path: string) => readdir(path).catch(() => []));
  const historyFile = powershellHistoryFile(options.env ?? process.env);
  const history = historyFile ? await readTail(historyFile, HISTORY_TAIL_BYTES) : null;
  if (history !== null && historyMentionsFolder(history, folder)) {
    return { shell: 'powershell', reason: { key: 'bot:shell.reason.history' } };
  }
  const script = powershellStartScript(await listFolder(folder));
  if (script) return { shell: 'powershell', reason: { key: 'bot:shell.reason.script', params: { file: script } } };
  return none;
}

/**
 * A line that names the folder as a whole path part: `cd C:\Users\…\tevkil_proje`, `cd .\Desktop\tevkil_proje`,
 * `cd tevkil_proje` (never `tevkil_proje2`). Windows paths ignore case, and a line may use either slash.
 */
export function historyMentionsFolder(history: string, folder: string): boolean {
  const name = win32.basename(folder);
  if (!name) return false;
  const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const asPathPart = new RegExp(`(^|[\\s"'\\\\/])${escaped}($|[\\s"'\\\\/;])`, 'im');
  return asPathPart.test(history);
}

/** The folder's own PowerShell start script (`start.ps1`), unless batch files are there too (then it says nothing). */
export function powershellStartScript(names: readonly string[]): string | null {
  if (names.some((name) => /\.(bat|cmd)$/i.test(name))) return null;
  return names.find((name) => /\.ps1$/i.test(name)) ?? null;
}

/** The last `bytes` of a file as UTF-8 (a cut first line is harmless: lines are only searched), or null when unreadable. */
export async function readFileTail(path: string, bytes: number): Promise<string | null> {
  try {
    const handle = await open(path, 'r');
    try {
      const { size } = await handle.stat();
      const start = Math.max(0, size - bytes);
      const buffer = Buffer.alloc(size - start);
      await handle.read(buffer, 0, buffer.length, start);
      return buffer.toString('utf8');
    } finally {
      await handle.close();
    }
  } catch {
    return null;
  }
}
