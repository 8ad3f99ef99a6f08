// Found mode with real processes: a bot started elsewhere is listed by its folder or command line, nothing
// outside the folder is listed, and only the processes the owner confirmed are stopped.
import { access, copyFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { findBotProcesses, UNSAFE_stopFoundProcesses } from '../../../src-main/core/bot/found';
import { stopManagedBot } from '../../../src-main/core/bot/managed';
import { restartBot } from '../../../src-main/core/bot/restart';
import {
  BOTS_FOLDER,
  botCommand,
  cleanUpEverything,
  fakeToken,
  freePort,
  isRunning,
  makeBotFolder,
  makeFolderAt,
  makeTempFolder,
  readReport,
  sha256,
  spawnLoose,
  startSentinel,
  waitFor,
  type RunningProcess,
} from './bot-processes';

let home: string;
let folder: string;
let token: string;
let sentinels: RunningProcess[];

beforeAll(async () => {
  home = await makeTempFolder('wtd-home-');
  token = fakeToken('found');
  folder = await makeBotFolder(token);
  // Outside the bot: an unrelated folder, and a sibling whose name merely starts with the bot folder's name.
  const sibling = await makeFolderAt(`${folder}-copy`);
  sentinels = [await startSentinel(), await startSentinel(sibling)];
});

afterEach(async () => {
  for (const sentinel of sentinels) expect(await isRunning(sentinel)).toBe(true);
});

afterAll(async () => {
  await stopManagedBot('found-bot', { dataHome: home, graceMs: 200 });
  await cleanUpEverything();
});

/** A bot "started elsewhere": in its folder (like a terminal would), and one run by path from another folder. */
async function startBotsElsewhere(): Promise<{ byCwd: RunningProcess; byCommand: RunningProcess }> {
  const byCwd = await spawnLoose(process.execPath, [join(BOTS_FOLDER, 'env-bot.mjs')], folder);
  await copyFile(join(BOTS_FOLDER, 'stubborn-bot.mjs'), join(folder, 'worker.mjs'));
  const elsewhere = await makeTempFolder('wtd-elsewhere-');
  const ready = join(elsewhere, 'ready');
  const byCommand = await spawnLoose(process.execPath, [join(folder, 'worker.mjs'), '--ready', ready], elsewhere);
  await waitFor(() => access(ready).then(() => true, () => false));
  return { byCwd, byCommand };
}

describe('found mode', () => {
  it("lists the processes working in the bot's folder or naming it, and nothing else", async () => {
    const { byCwd, byCommand } = await startBotsElsewhere();
    const found = await findBotProcesses(folder);
    expect(found.map((info) => info.pid).sort()).toEqual([byCwd.pid, byCommand.pid].sort());
    expect(found.find((info) => info.pid === byCwd.pid)).toMatchObject({ matchedBy: 'cwd', cwd: folder, startTime: byCwd.startTime });
    expect(found.find((info) => info.pid === byCommand.pid)).toMatchObject({ matchedBy: 'command-line' });
    await UNSAFE_stopFoundProcesses(folder, [byCwd.pid, byCommand.pid], { graceMs: 200 });
  });

  it("finds a bot by the port its settings name when nothing else ties it to the folder (Windows: an administrator's prompt)", async () => {
    const port = await freePort();
    const elsewhere = await makeTempFolder('wtd-elsewhere-');
    const ready = join(elsewhere, 'report.json');
    const server = await spawnLoose(process.execPath, [join(BOTS_FOLDER, 'env-bot.mjs'), '--port', String(port), '--report', ready], elsewhere);
    await waitFor(() => access(ready).then(() => true, () => false));
    expect((await findBotProcesses(folder)).map((info) => info.pid)).not.toContain(server.pid);
    const found = await findBotProcesses(folder, { ports: [port] });
    expect(found.filter((info) => info.pid === server.pid)).toMatchObject([{ matchedBy: 'port', cwd: elsewhere }]);
    const outcome = await UNSAFE_stopFoundProcesses(folder, [server.pid], { graceMs: 1_000, ports: [port] });
    expect(outcome.report.terminated).toEqual([server.pid]);
  });

  it('redacts tokens on listed command lines', async () => {
    const secret = fakeToken('on-the-command-line');
    const loose = await spawnLoose(process.execPath, ['-e', 'setInterval(() => {}, 60000)', secret], folder);
    const [listed] = (await findBotProcesses(folder)).filter((info) => info.pid === loose.pid);
    expect(listed!.command).not.toContain(secret);
    expect(listed!.command).toContain(`${secret.slice(0, 4)}…`);
    await UNSAFE_stopFoundProcesses(folder, [loose.pid], { graceMs: 200 });
  });

  it('never lists this app or the programs that started it, even when they work in the folder', async () => {
    const found = await findBotProcesses(process.cwd());
    expect(found.map((info) => info.pid)).not.toContain(process.pid);
    expect(found.map((info) => info.pid)).not.toContain(process.ppid);
  });

  it('stops only the confirmed processes, with their children, and skips anything not in the folder', async () => {
    const { byCwd, byCommand } = await startBotsElsewhere();
    const outcome = await UNSAFE_stopFoundProcesses(folder, [byCommand.pid, sentinels[0]!.pid, sentinels[1]!.pid], { graceMs: 300 });
    expect(outcome.skipped).toEqual([sentinels[0]!.pid, sentinels[1]!.pid]);
    expect(outcome.report.forceKilled).toEqual([byCommand.pid]);
    expect(await isRunning(byCommand)).toBe(false);
    expect(await isRunning(byCwd)).toBe(true);

    const stale = await UNSAFE_stopFoundProcesses(folder, [{ pid: byCwd.pid, startTime: 'not-what-the-owner-saw' }], { graceMs: 200 });
    expect(stale.skipped).toEqual([byCwd.pid]);
    expect(await isRunning(byCwd)).toBe(true);

    const confirmed = await UNSAFE_stopFoundProcesses(folder, [{ pid: byCwd.pid, startTime: byCwd.startTime }], { graceMs: 1_000 });
    expect(confirmed.report.terminated).toEqual([byCwd.pid]);
    expect(await isRunning(byCwd)).toBe(false);
  });

  it('restarts a found bot: stops what the owner confirmed and starts it managed, on the new .env', async () => {
    const { byCwd, byCommand } = await startBotsElsewhere();
    const report = join(folder, 'report.json');
    const outcome = await restartBot(
      { mode: 'found', command: botCommand('env-bot.mjs', '--report', report), cwd: folder, aliveAfterMs: 300 },
      { botId: 'found-bot', dataHome: home, confirmed: [{ pid: byCwd.pid, startTime: byCwd.startTime }] },
    );
    expect(outcome.ok).toBe(true);
    expect(await isRunning(byCwd)).toBe(false);
    expect(await isRunning(byCommand)).toBe(true);
    expect((await readReport(report)).tokenSha256).toBe(sha256(token));
    expect((await findBotProcesses(folder)).map((info) => info.pid)).toContain(outcome.started!.pid);
    await UNSAFE_stopFoundProcesses(folder, [byCommand.pid], { graceMs: 100 });
  });
});
