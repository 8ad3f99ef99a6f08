// Custom mode for real: the owner's restart command runs in the bot's folder, its output comes back redacted,
// failures and hangs are reported, and the bot's own log is scanned for token errors afterwards.
import { appendFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { restartCommandWarnings, runCustomRestart } from '../../../src-main/core/bot/custom';
import { listProcesses } from '../../../src-main/core/bot/process-table';
import { restartBot } from '../../../src-main/core/bot/restart';
import { isDoctorError } from '../../../src-main/core/errors';
import { quoteShellArg } from '../../../src-main/core/bot/os-commands';
import { botCommand, cleanUpEverything, fakeToken, isRunning, makeBotFolder, makeTempFolder, startSentinel, type RunningProcess } from './bot-processes';

const node = quoteShellArg(process.execPath);
let sentinel: RunningProcess;

beforeAll(async () => {
  sentinel = await startSentinel();
});

afterEach(async () => {
  expect(await isRunning(sentinel)).toBe(true);
});

afterAll(cleanUpEverything);

/** A stand-in for `pm2 restart bot`: a small script in the bot's folder. */
async function restartScript(folder: string, body: string): Promise<string> {
  await writeFile(join(folder, 'restart.mjs'), body);
  return `${node} restart.mjs`;
}

describe('custom restart commands', () => {
  it("runs in the bot's folder and returns its output with tokens redacted", async () => {
    const token = fakeToken('custom');
    const folder = await makeBotFolder(token);
    const command = await restartScript(folder, `console.log('cwd=' + process.cwd());\nconsole.error('using ${token}');\n`);
    const result = await runCustomRestart(command, folder);
    expect(result).toMatchObject({ ok: true, exitCode: 0, timedOut: false });
    expect(result.output).toContain(`cwd=${folder}`);
    expect(result.output).toContain(`using ${token.slice(0, 4)}…${token.slice(-5)}`);
    expect(result.output).not.toContain(token);
  });

  it('reports a failing command with its exit code', async () => {
    const folder = await makeBotFolder(fakeToken('fails'));
    const command = await restartScript(folder, "console.error('[PM2][ERROR] Process bot not found');\nprocess.exit(3);\n");
    const outcome = await restartBot({ mode: 'custom', command, cwd: folder }, { botId: 'custom-fail' });
    expect(outcome.ok).toBe(false);
    expect(outcome.command).toMatchObject({ ok: false, exitCode: 3 });
    expect(outcome.health.problems).toEqual([{ key: 'bot:restart.commandFailed', params: { code: 3 } }]);
    expect(outcome.health.logExcerpt).toContain('Process bot not found');
  });

  it('stops a command that hangs, with everything it started', async () => {
    const folder = await makeBotFolder(fakeToken('hangs'));
    const result = await runCustomRestart(botCommand('family-bot.mjs', '--pids', join(folder, 'pids.txt')), folder, { timeoutMs: 400 });
    expect(result).toMatchObject({ ok: false, timedOut: true });
    const leftovers = (await listProcesses()).filter((info) => info.commandLine.includes(join(folder, 'pids.txt')));
    expect(leftovers).toEqual([]);
  });

  it("scans the bot's own log after the command: a 190 there means the old token is still in use", async () => {
    const folder = await makeBotFolder(fakeToken('pm2'));
    const logFile = join(folder, 'bot-out.log');
    await writeFile(logFile, 'old run: {"error":{"code":190}}\n');
    const command = await restartScript(
      folder,
      "import { appendFileSync } from 'node:fs';\nappendFileSync('bot-out.log', 'Error validating access token: Session has expired\\n');\n",
    );
    const outcome = await restartBot({ mode: 'custom', command, cwd: folder, logFile, aliveAfterMs: 300 }, { botId: 'custom-190' });
    expect(outcome.ok).toBe(false);
    expect(outcome.health).toMatchObject({ alive: 'skipped', log: 'fail', problems: [{ key: 'bot:health.oldToken' }] });

    const healthy = await restartScript(folder, "console.log('[PM2] Applying action restartProcessId on app [bot]');\n");
    await appendFile(logFile, 'nothing new\n');
    const fine = await restartBot({ mode: 'custom', command: healthy, cwd: folder, logFile, aliveAfterMs: 200 }, { botId: 'custom-ok' });
    expect(fine.ok).toBe(true);
    expect(fine.health.logExcerpt).toContain('restartProcessId');
  });

  it('warns that docker compose restart keeps the old .env', () => {
    expect(restartCommandWarnings('docker compose restart app')).toEqual([{ key: 'bot:detect.warning.composeRestartKeepsEnv' }]);
    expect(restartCommandWarnings('docker-compose restart')).toHaveLength(1);
    expect(restartCommandWarnings('docker compose up -d --force-recreate app')).toEqual([]);
    expect(restartCommandWarnings('pm2 restart bot')).toEqual([]);
  });

  it('refuses a folder that is not there', async () => {
    const missing = join(await makeTempFolder(), 'gone');
    const error = await runCustomRestart('echo hi', missing).catch((caught: unknown) => caught);
    expect(isDoctorError(error) && error.code).toBe('bot_folder_missing');
  });
});
