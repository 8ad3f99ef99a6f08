// One restart per bot at a time through the real service: a double click on Restart (or the tray while the dashboard
// restarts it) is told at once that a restart is running, and exactly one copy of the bot is left, tracked.
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readManagedState } from '../../../src-main/core/bot/bot-files';
import { stopManagedBot } from '../../../src-main/core/bot/managed';
import { listProcesses } from '../../../src-main/core/bot/process-table';
import { createDoctorService, type DoctorHost } from '../../../src-main/core/service';
import { MemoryVault } from '../../../src-main/core/vault';
import { startGraphSimulator, SIM_PHONE_NUMBER_ID, type GraphSimulator } from '../../sim/graph-simulator';
import { createFakePlatform } from '../../support/fake-platform';
import { botCommand, cleanUpEverything, makeTempFolder } from '../bot/bot-processes';

let sim: GraphSimulator;
let host: DoctorHost;
let home: string;
let botId: string;
let folder: string;

beforeAll(async () => {
  sim = await startGraphSimulator();
  home = await makeTempFolder('one-restart-home-');
  folder = await makeTempFolder('one-restart-bot-');
  await writeFile(join(folder, '.env'), `ACCESS_TOKEN=${sim.newToken('never_expiring')}\n`);
  host = await createDoctorService({ home, vault: new MemoryVault(), platform: createFakePlatform(), emit: () => {}, graphUrl: sim.url });
  const bot = await host.service.connectBot({
    folder,
    name: 'Shop',
    envFile: join(folder, '.env'),
    tokenVariable: 'ACCESS_TOKEN',
    phoneNumberId: SIM_PHONE_NUMBER_ID,
    wabaId: null,
    apiVersion: null,
    run: { mode: 'managed', command: botCommand('env-bot.mjs', '--report', join(folder, 'report.json')), cwd: folder, healthUrl: null, shell: 'cmd' },
  });
  botId = bot.id;
});
afterAll(async () => {
  await stopManagedBot(botId, { dataHome: home, graceMs: 500 });
  await sim.close();
  await cleanUpEverything();
});

describe('restarting a connected bot twice at once', () => {
  it('runs one restart and says "already restarting" to the other; one bot is left, the tracked one', async () => {
    const outcomes = await Promise.allSettled([host.service.restartBot({ id: botId }), host.service.restartBot({ id: botId })]);
    const done = outcomes.filter((outcome) => outcome.status === 'fulfilled');
    const refused = outcomes.filter((outcome): outcome is PromiseRejectedResult => outcome.status === 'rejected');
    expect(done).toHaveLength(1);
    expect(refused.map((outcome) => (outcome.reason as { code: string }).code)).toEqual(['bot_restart_in_progress']);
    expect((done[0] as PromiseFulfilledResult<{ ok: boolean }>).value.ok).toBe(true);

    const running = (await listProcesses({ withCwd: true })).filter((info) => info.cwd === folder && info.commandLine.includes('env-bot.mjs') && !info.commandLine.startsWith('/bin/sh'));
    expect(running).toHaveLength(1);
    const report = JSON.parse(await readFile(join(folder, 'report.json'), 'utf8')) as { pid: number };
    expect(running[0]!.pid).toBe(report.pid);
    // What is recorded is that bot (or the shell that runs it): the next restart stops exactly it.
    const state = await readManagedState(botId, home);
    expect([report.pid, running[0]!.ppid]).toContain(state!.pid);
  });
});
