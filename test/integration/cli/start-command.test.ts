// `apply --restart` given the bot's own start command, with the built CLI and a real bot: the CLI returns while the
// bot keeps running detached (its output in the data folder's log, its PID and start time recorded), the next
// apply stops it before starting it again, and two applies at once end with exactly one bot, on the token in .env.
import { readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readManagedState } from '../../../src-main/core/bot/bot-files';
import { stopManagedBot } from '../../../src-main/core/bot/managed';
import { listProcesses, readProcess } from '../../../src-main/core/bot/process-table';
import { envValues, parseEnv } from '../../../src-main/core/envfile';
import { startGraphSimulator, SIM_PHONE_NUMBER_ID, type GraphSimulator } from '../../sim/graph-simulator';
import { botCommand, cleanUpEverything, makeTempFolder, readReport, sha256 } from '../bot/bot-processes';
import { assertBuilt, runCli, type CliRun } from './run-cli';

let sim: GraphSimulator;
let home: string;

beforeAll(async () => {
  assertBuilt();
  sim = await startGraphSimulator();
  home = await makeTempFolder('wa-start-home-');
});
afterAll(async () => {
  const records = await readdir(join(home, 'run')).catch((): string[] => []);
  for (const name of records.filter((file) => file.endsWith('.json'))) {
    await stopManagedBot(name.slice(0, -'.json'.length), { dataHome: home, graceMs: 500 });
  }
  await sim.close();
  await cleanUpEverything();
});

async function botFolder(): Promise<string> {
  const folder = await makeTempFolder('wa-start-bot-');
  await writeFile(join(folder, '.env'), `WHATSAPP_TOKEN=${sim.newToken('expired')}\nPHONE_NUMBER_ID=${SIM_PHONE_NUMBER_ID}\n`);
  return folder;
}

function apply(folder: string, token: string, extraEnv: Record<string, string> = {}): Promise<CliRun> {
  const command = botCommand('env-bot.mjs', '--report', join(folder, 'report.json'));
  return runCli(['apply', '--env', join(folder, '.env'), '--token-stdin', '--no-keychain', '--json', '--restart', command], {
    stdin: token,
    env: { WA_TOKEN_DOCTOR_GRAPH_URL: sim.url, WA_TOKEN_DOCTOR_HOME: home, ...extraEnv },
  });
}

/** The env-bot processes working in `folder` right now. */
async function botsIn(folder: string): Promise<number[]> {
  const processes = await listProcesses({ withCwd: true });
  return processes.filter((info) => info.cwd === folder && info.commandLine.includes('env-bot.mjs') && !info.commandLine.startsWith('/bin/sh')).map((info) => info.pid);
}

async function tokenInEnv(folder: string): Promise<string> {
  return envValues(parseEnv(await readFile(join(folder, '.env'), 'utf8'))).get('WHATSAPP_TOKEN')!;
}

describe('apply with the bot’s own start command', () => {
  it('returns while the bot runs on, detached and recorded, and stops it before the next start', async () => {
    const folder = await botFolder();
    const first = sim.newToken('never_expiring');
    // The shell still exports the old token: the bot must read its new .env anyway.
    const run = await apply(folder, first, { WHATSAPP_TOKEN: 'the-old-value-from-the-shell' });
    expect(run.code, run.stdout + run.stderr).toBe(0);
    const out = JSON.parse(run.stdout) as { steps: Array<{ step: string; state: string; message: { key: string; params: { pid: number; log: string } } }> };
    const restart = out.steps.find((step) => step.step === 'restart')!;
    expect(restart).toMatchObject({ state: 'done', message: { key: 'renew:restart.runningInBackground' } });
    const { pid, log } = restart.message.params;

    const report = await readReport<{ pid: number; tokenSha256: string }>(join(folder, 'report.json'));
    expect(report.tokenSha256).toBe(sha256(first));
    expect(await botsIn(folder)).toEqual([report.pid]);
    expect(log.startsWith(home)).toBe(true);
    expect(await readFile(log, 'utf8')).toContain('env-bot: ready');
    const botId = (await readdir(join(home, 'run'))).find((name) => name.endsWith('.json'))!.slice(0, -'.json'.length);
    const record = await readManagedState(botId, home);
    expect(record).toMatchObject({ pid, startTime: (await readProcess(pid))!.startTime });

    await rm(join(folder, 'report.json'));
    const second = sim.newToken('never_expiring');
    const again = await apply(folder, second);
    expect(again.code, again.stdout + again.stderr).toBe(0);
    const fresh = await readReport<{ pid: number; tokenSha256: string }>(join(folder, 'report.json'));
    expect(fresh.tokenSha256).toBe(sha256(second));
    expect(await readProcess(report.pid)).toBeNull();
    expect(await readProcess(pid)).toBeNull();
    expect(await botsIn(folder)).toEqual([fresh.pid]);
  });

  it('ends two applies at once with exactly one bot running, on the token the .env holds', async () => {
    const folder = await botFolder();
    const tokens = [sim.newToken('never_expiring'), sim.newToken('never_expiring')];
    const runs = await Promise.all(tokens.map((token) => apply(folder, token)));
    for (const run of runs) expect(run.code, run.stdout + run.stderr).toBe(0);

    const running = await botsIn(folder);
    expect(running).toHaveLength(1);
    const report = await readReport<{ pid: number; tokenSha256: string }>(join(folder, 'report.json'));
    expect(report.pid).toBe(running[0]);
    const inFile = await tokenInEnv(folder);
    expect(tokens).toContain(inFile);
    expect(report.tokenSha256).toBe(sha256(inFile));
  });
});
