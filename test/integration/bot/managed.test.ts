// Managed mode with real processes: start detached with a log and a state file, restart onto a changed .env,
// health (alive, URL, token errors in the new log lines), and a reused PID that must never be touched.
import { readFile, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { botLogFile, botStateFile, readManagedState, writeManagedState } from '../../../src-main/core/bot/bot-files';
import { readBotLog } from '../../../src-main/core/bot/bot-log';
import { isManagedBotRunning, startManagedBot, stopManagedBot } from '../../../src-main/core/bot/managed';
import { readProcess } from '../../../src-main/core/bot/process-table';
import { restartBot } from '../../../src-main/core/bot/restart';
import type { BotRunConfig } from '../../../src-main/core/bot/types';
import { isDoctorError } from '../../../src-main/core/errors';
import {
  botCommand,
  cleanUpEverything,
  fakeToken,
  freePort,
  isRunning,
  makeBotFolder,
  makeTempFolder,
  readReport,
  sha256,
  startSentinel,
  waitFor,
  type RunningProcess,
} from './bot-processes';

let home: string;
let sentinel: RunningProcess;
const botIds: string[] = [];
const nextBotId = () => {
  const id = `managed-${botIds.length + 1}`;
  botIds.push(id);
  return id;
};
const fast = { aliveAfterMs: 400, stopGraceMs: 1_000, healthTimeoutMs: 3_000 } as const;

beforeAll(async () => {
  home = await makeTempFolder('wtd-home-');
  sentinel = await startSentinel();
});

afterEach(async () => {
  expect(await isRunning(sentinel)).toBe(true);
});

afterAll(async () => {
  for (const botId of botIds) await stopManagedBot(botId, { dataHome: home, graceMs: 200 });
  await cleanUpEverything();
});

describe('managed mode', () => {
  it('starts the bot detached in its folder, logs to the data folder and remembers PID + start time', async () => {
    const token = fakeToken('first');
    const folder = await makeBotFolder(token);
    const botId = nextBotId();
    const report = join(folder, 'report.json');
    const { state } = await startManagedBot({ botId, command: botCommand('env-bot.mjs', '--report', report), cwd: folder, dataHome: home });

    const loaded = await readReport(report);
    expect(loaded.cwd).toBe(folder);
    expect(loaded.tokenSha256).toBe(sha256(token));
    expect(state.cwd).toBe(folder);
    expect(state.startTime).toBe((await readProcess(state.pid))!.startTime);
    expect(await readManagedState(botId, home)).toEqual(state);
    expect((await stat(botStateFile(botId, home))).mode & 0o777).toBe(0o600);
    expect(state.logFile).toBe(botLogFile(botId, home));
    await waitFor(async () => (await readFile(state.logFile, 'utf8')).includes('env-bot: ready'));
    expect((await stat(state.logFile)).mode & 0o777).toBe(0o600);
    expect(await isManagedBotRunning(botId, { dataHome: home })).toBe(true);

    const again = await startManagedBot({ botId, command: 'true', cwd: folder, dataHome: home }).catch((error: unknown) => error);
    expect(isDoctorError(again) && again.code).toBe('bot_already_running');

    const stopped = await stopManagedBot(botId, { dataHome: home, graceMs: 1_000 });
    expect(stopped.kind).toBe('stopped');
    expect(await readProcess(state.pid)).toBeNull();
    expect(await readManagedState(botId, home)).toBeNull();
    expect(await isManagedBotRunning(botId, { dataHome: home })).toBe(false);
  });

  it('restarts onto a changed .env, even when our own environment still carries the old token', async () => {
    const oldToken = fakeToken('old');
    const newToken = fakeToken('new');
    const folder = await makeBotFolder(oldToken);
    const botId = nextBotId();
    const report = join(folder, 'report.json');
    const config: BotRunConfig = { mode: 'managed', command: botCommand('env-bot.mjs', '--report', report), cwd: folder, ...fast };
    const env = { ...process.env, WHATSAPP_TOKEN: oldToken };

    const first = await restartBot(config, { botId, dataHome: home, env, tokenVariables: ['WHATSAPP_TOKEN'] });
    expect(first.ok).toBe(true);
    expect((await readReport(report)).tokenSha256).toBe(sha256(oldToken));

    await rm(report);
    await writeFile(join(folder, '.env'), `# the bot's settings\nWHATSAPP_TOKEN=${newToken}\nPORT=3000\n`);
    const second = await restartBot(config, { botId, dataHome: home, env, tokenVariables: ['WHATSAPP_TOKEN'] });
    expect(second.ok).toBe(true);
    expect(second.stopped!.terminated).toContain(first.started!.pid);
    expect(await readProcess(first.started!.pid)).toBeNull();
    expect((await readReport(report)).tokenSha256).toBe(sha256(newToken));
    expect(second.health).toMatchObject({ healthy: true, alive: 'pass', healthUrl: 'skipped', log: 'pass', problems: [] });
  });

  it('shows why the old token would win without tokenVariables (dotenv never overrides)', async () => {
    const folder = await makeBotFolder(fakeToken('in-file'));
    const botId = nextBotId();
    const report = join(folder, 'report.json');
    const inherited = fakeToken('inherited');
    await startManagedBot({
      botId,
      command: botCommand('env-bot.mjs', '--report', report),
      cwd: folder,
      dataHome: home,
      env: { ...process.env, WHATSAPP_TOKEN: inherited },
    });
    expect((await readReport(report)).tokenSha256).toBe(sha256(inherited));
  });

  it('starts a Python bot through the shell the same way', async () => {
    const token = fakeToken('python');
    const folder = await makeBotFolder(token);
    const report = join(folder, 'report.json');
    const outcome = await restartBot(
      { mode: 'managed', command: botCommand('env_bot.py', '--report', report), cwd: folder, ...fast },
      { botId: nextBotId(), dataHome: home },
    );
    expect(outcome.ok).toBe(true);
    expect(await readReport<{ tokenSha256: string; runtime: string }>(report)).toMatchObject({ tokenSha256: sha256(token), runtime: 'python' });
  });

  it('reports a crash at start as unhealthy, with the reason and the log', async () => {
    const folder = await makeBotFolder(fakeToken('crash'));
    const started = Date.now();
    const outcome = await restartBot(
      { mode: 'managed', command: botCommand('crash-bot.mjs'), cwd: folder, aliveAfterMs: 5_000 },
      { botId: nextBotId(), dataHome: home },
    );
    expect(Date.now() - started).toBeLessThan(4_000);
    expect(outcome.ok).toBe(false);
    expect(outcome.health.alive).toBe('fail');
    expect(outcome.health.problems).toEqual([
      { key: 'bot:health.exitedEarly', params: { count: 1 } },
      { key: 'bot:health.hint.missingModule', params: { module: 'whatsapp-cloud-sdk' } },
    ]);
    expect(outcome.health.logExcerpt).toContain("Cannot find module 'whatsapp-cloud-sdk'");
  });

  it('says the bot still uses an old token when its new log lines show error 190, with the excerpt redacted', async () => {
    const folder = await makeBotFolder(fakeToken('expired'));
    const leaked = fakeToken('leaked-in-log');
    const botId = nextBotId();
    const unanswered = `http://127.0.0.1:${String(await freePort())}/health`;
    const started = Date.now();
    const outcome = await restartBot(
      {
        mode: 'managed',
        command: botCommand('expired-token-bot.mjs', '--token', leaked),
        cwd: folder,
        aliveAfterMs: 5_000,
        healthUrl: unanswered,
        healthTimeoutMs: 5_000,
      },
      { botId, dataHome: home },
    );
    // The token error settles it at once: no waiting out the alive period or the URL's timeout.
    expect(Date.now() - started).toBeLessThan(3_000);
    expect(outcome.ok).toBe(false);
    expect(outcome.health).toMatchObject({ alive: 'pass', healthUrl: 'skipped', log: 'fail', problems: [{ key: 'bot:health.oldToken' }] });
    expect(outcome.health.logExcerpt).toContain('"code":190');
    expect(outcome.health.logExcerpt).not.toContain(leaked);
    expect(outcome.health.logExcerpt).toContain(`${leaked.slice(0, 4)}…${leaked.slice(-5)}`);
    const logButton = await readBotLog(botId, 50, { dataHome: home });
    expect(logButton).toContain('Session has expired');
    expect(logButton).not.toContain(leaked);
  });

  it('only reads the lines of the new run: an old 190 from before the restart does not count', async () => {
    const folder = await makeBotFolder(fakeToken('fresh'));
    const botId = nextBotId();
    const first = await restartBot(
      { mode: 'managed', command: botCommand('expired-token-bot.mjs'), cwd: folder, aliveAfterMs: 5_000 },
      { botId, dataHome: home },
    );
    expect(first.health.log).toBe('fail');
    const second = await restartBot({ mode: 'managed', command: botCommand('env-bot.mjs'), cwd: folder, ...fast }, { botId, dataHome: home });
    expect(second.ok).toBe(true);
    expect(await readBotLog(botId, 100, { dataHome: home })).toContain('"code":190');
  });

  it('checks the health URL: up, not answering, and answering with an error', async () => {
    const folder = await makeBotFolder(fakeToken('http'));
    const port = await freePort();
    const botId = nextBotId();
    const base = { mode: 'managed', command: botCommand('env-bot.mjs', '--port', String(port)), cwd: folder, ...fast } as const;

    const up = await restartBot({ ...base, healthUrl: `http://127.0.0.1:${String(port)}/health` }, { botId, dataHome: home });
    expect(up.health).toMatchObject({ healthy: true, healthUrl: 'pass' });

    // A 404 might be a bot still warming up, so it is retried until the timeout.
    const missing = await restartBot(
      { ...base, healthUrl: `http://127.0.0.1:${String(port)}/nope`, healthTimeoutMs: 800 },
      { botId, dataHome: home },
    );
    expect(missing.health.problems).toEqual([
      { key: 'bot:health.urlBadStatus', params: { url: `http://127.0.0.1:${String(port)}/nope`, status: 404 } },
    ]);

    const closedPort = await freePort();
    const down = await restartBot(
      { ...base, healthUrl: `http://127.0.0.1:${String(closedPort)}/health`, healthTimeoutMs: 600 },
      { botId, dataHome: home },
    );
    expect(down.health).toMatchObject({ healthy: false, alive: 'pass', healthUrl: 'fail' });
    expect(down.health.problems).toEqual([{ key: 'bot:health.urlNoAnswer', params: { url: `http://127.0.0.1:${String(closedPort)}/health` } }]);
  });

  it('never touches a process that got our recorded PID: a different start time means not ours', async () => {
    const folder = await makeBotFolder(fakeToken('reuse'));
    const botId = nextBotId();
    const stranger = await startSentinel(folder);
    await writeManagedState(
      botId,
      {
        pid: stranger.pid,
        startTime: `${stranger.startTime!}-earlier`,
        command: 'node bot.js',
        cwd: folder,
        startedAt: new Date().toISOString(),
        logFile: botLogFile(botId, home),
        logOffset: 0,
      },
      home,
    );
    expect(await isManagedBotRunning(botId, { dataHome: home })).toBe(false);
    expect(await stopManagedBot(botId, { dataHome: home, graceMs: 100 })).toEqual({ kind: 'pid-reused', pid: stranger.pid });
    expect(await isRunning(stranger)).toBe(true);
    expect(await readManagedState(botId, home)).toBeNull();
  });

  it('rotates a log that grew past its cap at the next start', async () => {
    const folder = await makeBotFolder(fakeToken('rotate'));
    const botId = nextBotId();
    const logFile = botLogFile(botId, home);
    await startManagedBot({ botId, command: botCommand('env-bot.mjs'), cwd: folder, dataHome: home, logCapBytes: 50 });
    await waitFor(async () => (await readFile(logFile, 'utf8')).includes('env-bot: ready'));
    await stopManagedBot(botId, { dataHome: home, graceMs: 1_000 });
    await startManagedBot({ botId, command: botCommand('env-bot.mjs'), cwd: folder, dataHome: home, logCapBytes: 50 });
    expect(await readFile(`${logFile}.1`, 'utf8')).toContain('env-bot: ready');
    expect((await readFile(logFile, 'utf8')).split('--- ').length).toBe(2);
  });

  it('refuses a folder that is not there, writing nothing', async () => {
    const botId = nextBotId();
    const missing = join(await makeTempFolder(), 'gone');
    const error = await startManagedBot({ botId, command: 'true', cwd: missing, dataHome: home }).catch((caught: unknown) => caught);
    expect(isDoctorError(error) && error.code).toBe('bot_folder_missing');
    expect(await readManagedState(botId, home)).toBeNull();
    await expect(stat(botLogFile(botId, home))).rejects.toThrow();
  });
});
