// Which shell the app offers first for a bot's command on Windows, from the owner's own habits.
import { mkdtemp, readdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  historyMentionsFolder,
  powershellHistoryFile,
  powershellStartScript,
  proposeCommandShell,
  readFileTail,
  type ShellProposalOptions,
} from '../../../src-main/core/bot/shell-proposal';

const FOLDER = 'C:\\Users\\KOPTAY\\Desktop\\tevkil_proje';
const APPDATA = 'C:\\Users\\KOPTAY\\AppData\\Roaming';
const HISTORY = `${APPDATA}\\Microsoft\\Windows\\PowerShell\\PSReadLine\\ConsoleHost_history.txt`;

/** A Windows PC whose PowerShell history and bot folder are the given ones. */
function windowsPc(history: string | null, files: string[] = ['run_flask.py', '.env']): ShellProposalOptions {
  return {
    platform: 'win32',
    env: { APPDATA },
    readTail: (path) => Promise.resolve(path === HISTORY ? history : null),
    listFolder: () => Promise.resolve(files),
  };
}

describe('proposeCommandShell', () => {
  it("proposes PowerShell to the seed guide's owner, who started the bot from PowerShell in its folder", async () => {
    const history = 'winget install Python.Python.3.12\ncd C:\\Users\\KOPTAY\\Desktop\\tevkil_proje\npython run_flask.py\n';
    expect(await proposeCommandShell(FOLDER, windowsPc(history))).toEqual({ shell: 'powershell', reason: { key: 'bot:shell.reason.history' } });
  });

  it('proposes PowerShell when the folder starts itself with a PowerShell script, and says which', async () => {
    expect(await proposeCommandShell(FOLDER, windowsPc(null, ['start.ps1', 'app.py']))).toEqual({
      shell: 'powershell',
      reason: { key: 'bot:shell.reason.script', params: { file: 'start.ps1' } },
    });
  });

  it('keeps cmd.exe, as before, when nothing shows PowerShell habits (no history, another folder, batch files too)', async () => {
    expect(await proposeCommandShell(FOLDER, windowsPc(null))).toEqual({ shell: 'cmd', reason: null });
    expect(await proposeCommandShell(FOLDER, windowsPc('cd C:\\Users\\KOPTAY\\Desktop\\tevkil_proje2\n'))).toEqual({ shell: 'cmd', reason: null });
    expect(await proposeCommandShell(FOLDER, windowsPc(null, ['start.ps1', 'start.bat']))).toEqual({ shell: 'cmd', reason: null });
    expect(await proposeCommandShell(FOLDER, { ...windowsPc('cd tevkil_proje'), env: {} })).toEqual({ shell: 'cmd', reason: null });
  });

  it('has nothing to propose on macOS and Linux, where /bin/sh runs every command', async () => {
    for (const platform of ['linux', 'darwin'] as const) {
      expect(await proposeCommandShell('/home/ayse/bot', { ...windowsPc('cd bot'), platform })).toEqual({ shell: 'cmd', reason: null });
    }
  });

  it('looks in real folders for a start script', async () => {
    const folder = await mkdtemp(join(tmpdir(), 'shell-proposal-'));
    await writeFile(join(folder, 'Start-Bot.PS1'), 'python run_flask.py\n');
    const proposal = await proposeCommandShell(folder, { platform: 'win32', env: {}, listFolder: (path) => readdir(path) });
    expect(proposal.reason).toEqual({ key: 'bot:shell.reason.script', params: { file: 'Start-Bot.PS1' } });
  });
});

describe('historyMentionsFolder', () => {
  it('finds the folder as a whole path part, in any case and with either slash', () => {
    for (const line of ['cd .\\Desktop\\tevkil_proje', 'cd TEVKIL_PROJE', 'Set-Location "C:/Users/KOPTAY/Desktop/tevkil_proje"', 'cd tevkil_proje; python run_flask.py']) {
      expect(historyMentionsFolder(`ls\n${line}\n`, FOLDER), line).toBe(true);
    }
  });

  it('does not take a longer name, or the name inside a word, for the folder', () => {
    for (const line of ['cd tevkil_proje2', 'cd eski_tevkil_proje', 'python tevkil_proje.py']) {
      expect(historyMentionsFolder(line, FOLDER), line).toBe(false);
    }
  });

  it('treats regular-expression characters in a folder name as plain letters', () => {
    expect(historyMentionsFolder('cd "C:\\bots\\shop (v2)"', 'C:\\bots\\shop (v2)')).toBe(true);
    expect(historyMentionsFolder('cd "C:\\bots\\shop xv2)"', 'C:\\bots\\shop (v2)')).toBe(false);
  });
});

describe('the pieces', () => {
  it("reads PSReadLine's history file under the owner's roaming AppData", () => {
    expect(powershellHistoryFile({ APPDATA })).toBe(HISTORY);
    expect(powershellHistoryFile({ APPDATA: 'relative\\folder' })).toBeNull();
    expect(powershellHistoryFile({})).toBeNull();
  });

  it('takes a .ps1 start script only when no batch file competes with it', () => {
    expect(powershellStartScript(['run.ps1'])).toBe('run.ps1');
    expect(powershellStartScript(['run.ps1', 'run.CMD'])).toBeNull();
    expect(powershellStartScript(['app.py'])).toBeNull();
  });

  it('reads only the end of a long history file, and nothing of a missing one', async () => {
    const folder = await mkdtemp(join(tmpdir(), 'shell-history-'));
    const file = join(folder, 'ConsoleHost_history.txt');
    await writeFile(file, `${'old line\n'.repeat(100_000)}cd tevkil_proje\n`);
    const tail = await readFileTail(file, 64);
    expect(tail).toHaveLength(64);
    expect(tail?.endsWith('cd tevkil_proje\n')).toBe(true);
    expect(await readFileTail(join(folder, 'missing.txt'), 64)).toBeNull();
  });
});
