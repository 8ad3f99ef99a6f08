// Custom mode for real: the owner's command runs in the bot's folder, its output comes back redacted, failures are
// reported, the bot's own log is scanned for token errors afterwards, and a command still running after the health
// wait is the bot: left running, recorded, and stopped with its whole tree before the next start.
import { appendFile, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { restartCommandWarnings } from '../../../src-main/core/bot/custom';
import { readManagedState } from '../../../src-main/core/bot/bot-files';
import { stopManagedBot } from '../../../src-main/core/bot/managed';
import { readProcess } from '../../../src-main/core/bot/process-table';
import { restartBot } from '../../../src-main/core/bot/restart';
import { isDoctorError } from '../../../src-main/core/errors';
import { quoteShellArg } from '../../../src-main/core/bot/os-commands';
import {
  botCommand,
  cleanUpEverything,
  fakeToken,
  isRunning,
  makeBotFolder,
  makeTempFolder,
  startSentinel,
  waitFor,
  type RunningProcess,
} from './bot-processes';

const node = quoteShellArg(process.execPath);
let sentinel: RunningProcess;
let home: string;

beforeAll(async () => {
  sentinel = await startSentinel();
  home = await makeTempFolder('wtd-home-');
});

afterEach(async () => {
  expect(await isRunning(sentinel)).toBe(true);
});

afterAll(async () => {
  await stopManagedBot('custom-start', { dataHome: home, graceMs: 500 });
  await cleanUpEverything();
});

/** The PIDs a family-bot run wrote, once all three (parent, child, grandchild) are up. */
async function familyPids(file: string, from = 0): Promise<number[]> {
  let pids: number[] = [];
  await waitFor(async () => {
    const lines = (await readFile(file, 'utf8').catch(() => '')).trim().split('\n').filter(Boolean).slice(from);
    pids = lines.map((line) => Number(line.split(' ')[1]));
    return pids.length === 3;
  });
  return pids;
}

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
    const outcome = await restartBot({ mode: 'custom', command, cwd: folder, aliveAfterMs: 2_000 }, { botId: 'custom-output', dataHome: home });
    expect(outcome).toMatchObject({ ok: true, started: null, command: { ok: true, exitCode: 0 } });
    const output = outcome.command!.output;
    expect(output).toContain(`cwd=${folder}`);
    expect(output).toContain(`using ${token.slice(0, 4)}…${token.slice(-5)}`);
    expect(output).not.toContain(token);
  });

  it('reports a failing command with its exit code', async () => {
    const folder = await makeBotFolder(fakeToken('fails'));
    const command = await restartScript(folder, "console.error('[PM2][ERROR] Process bot not found');\nprocess.exit(3);\n");
    const outcome = await restartBot({ mode: 'custom', command, cwd: folder }, { botId: 'custom-fail', dataHome: home });
    expect(outcome.ok).toBe(false);
    expect(outcome.command).toMatchObject({ ok: false, exitCode: 3 });
    expect(outcome.health.problems).toEqual([{ key: 'bot:restart.commandFailed', params: { code: 3 } }]);
    expect(outcome.health.logExcerpt).toContain('Process bot not found');
  });

  it('takes a command still running after the health wait for the bot: left running, recorded, its tree stopped before the next start', async () => {
    const folder = await makeBotFolder(fakeToken('start-command'));
    const pidsFile = join(folder, 'pids.txt');
    const config = { mode: 'custom' as const, command: botCommand('family-bot.mjs', '--pids', pidsFile), cwd: folder, aliveAfterMs: 500, stopGraceMs: 1_000 };
    const first = await restartBot(config, { botId: 'custom-start', dataHome: home });
    expect(first).toMatchObject({ ok: true, command: null, stopped: null, health: { alive: 'pass' } });
    expect(await readManagedState('custom-start', home)).toEqual(first.started);
    const earlier = await familyPids(pidsFile);
    for (const pid of earlier) expect(await readProcess(pid)).not.toBeNull();

    const second = await restartBot(config, { botId: 'custom-start', dataHome: home });
    expect(second.ok).toBe(true);
    expect(second.stopped!.terminated).toEqual(expect.arrayContaining(earlier));
    for (const pid of earlier) expect(await readProcess(pid)).toBeNull();
    const now = await familyPids(pidsFile, 3);
    for (const pid of now) expect(await readProcess(pid)).not.toBeNull();
  });

  it("scans the bot's own log after the command: a 190 there means the old token is still in use", async () => {
    const folder = await makeBotFolder(fakeToken('pm2'));
    const logFile = join(folder, 'bot-out.log');
    await writeFile(logFile, 'old run: {"error":{"code":190}}\n');
    const command = await restartScript(
      folder,
      "import { appendFileSync } from 'node:fs';\nappendFileSync('bot-out.log', 'Error validating access token: Session has expired\\n');\n",
    );
    const outcome = await restartBot({ mode: 'custom', command, cwd: folder, logFile, aliveAfterMs: 2_000 }, { botId: 'custom-190', dataHome: home });
    expect(outcome.ok).toBe(false);
    expect(outcome.health).toMatchObject({ alive: 'skipped', log: 'fail', problems: [{ key: 'bot:health.oldToken' }] });

    const healthy = await restartScript(folder, "console.log('[PM2] Applying action restartProcessId on app [bot]');\n");
    await appendFile(logFile, 'nothing new\n');
    const fine = await restartBot({ mode: 'custom', command: healthy, cwd: folder, logFile, aliveAfterMs: 2_000 }, { botId: 'custom-ok', dataHome: home });
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
    const error = await restartBot({ mode: 'custom', command: 'echo hi', cwd: missing }, { botId: 'custom-missing', dataHome: home }).catch((caught: unknown) => caught);
    expect(isDoctorError(error) && error.code).toBe('bot_folder_missing');
  });
});
