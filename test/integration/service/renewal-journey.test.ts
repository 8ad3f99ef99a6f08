// The owner's journey through the service with every real part: a bot folder on disk, the fixture bot as a
// real process, the Graph simulator over HTTP, the real keychain. Only the host (folder picker, browser) is fake.
import { chmod, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createHash } from 'node:crypto';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { ApplyReport, BotView, Events } from '../../../src-main/contract';
import { UNSAFE_stopProcessTree, readManagedState } from '../../../src-main/core/bot';
import { createDoctorService, type DoctorHost } from '../../../src-main/core/service';
import { KeyringVault, botAccount } from '../../../src-main/core/vault';
import { startGraphSimulator, SIM_PHONE_NUMBER_ID, SIM_WABA_ID, type GraphSimulator } from '../../sim/graph-simulator';
import { createFakePlatform } from '../../support/fake-platform';
import { requireTestKeyring } from '../../support/require-keyring';

const ENV_BOT = resolve('test/bots/env-bot.mjs');
const CRASH_BOT = resolve('test/bots/crash-bot.mjs');
const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

let sim: GraphSimulator;
let host: DoctorHost;
let home: string;
let folder: string;
let events: Array<{ event: keyof Events; payload: unknown }>;
const vault = new KeyringVault();
const connected: string[] = [];

beforeAll(async () => {
  sim = await startGraphSimulator();
});
afterAll(async () => {
  await sim.close();
});

beforeEach(async () => {
  requireTestKeyring();
  home = await mkdtemp(join(tmpdir(), 'journey-home-'));
  folder = await mkdtemp(join(tmpdir(), 'journey-bot-'));
  events = [];
  host = await createDoctorService({
    home,
    vault,
    platform: createFakePlatform({ nextFolder: folder }),
    emit: (event, payload) => events.push({ event, payload }),
    graphUrl: sim.url,
  });
});

afterEach(async () => {
  for (const id of connected.splice(0)) {
    const state = await readManagedState(id, home);
    if (state) await UNSAFE_stopProcessTree(state.pid, { graceMs: 500 }).catch(() => {});
    await vault.deleteSecret(botAccount(id)).catch(() => {});
  }
});

const envText = (token: string) =>
  `# Meta settings\r\nWHATSAPP_TOKEN=${token}\r\nPHONE_NUMBER_ID=${SIM_PHONE_NUMBER_ID}\r\nWHATSAPP_BUSINESS_ACCOUNT_ID=${SIM_WABA_ID}\r\nVERIFY_TOKEN=my-verify-secret\r\n`;

async function connectBot(oldToken: string, command = `node ${ENV_BOT} --report report.json`): Promise<BotView> {
  await writeFile(join(folder, '.env'), envText(oldToken));
  await writeFile(join(folder, 'app.py'), 'import os\nTOKEN = os.getenv("WHATSAPP_TOKEN")\n');
  const detection = await host.service.detectBot({ folder });
  expect(detection.tokenVariable).toBe('WHATSAPP_TOKEN');
  expect(detection.phoneNumberId).toEqual({ variable: 'PHONE_NUMBER_ID', value: SIM_PHONE_NUMBER_ID });
  const bot = await host.service.connectBot({
    folder,
    name: 'Shop bot',
    envFile: detection.envFile!,
    tokenVariable: detection.tokenVariable!,
    phoneNumberId: detection.phoneNumberId!.value,
    wabaId: detection.wabaId?.value ?? null,
    apiVersion: null,
    run: { mode: 'managed', command, cwd: null, healthUrl: null, shell: 'cmd' },
  });
  connected.push(bot.id);
  return bot;
}

async function botReport(): Promise<{ tokenSha256: string }> {
  return JSON.parse(await readFile(join(folder, 'report.json'), 'utf8'));
}

function progressEvents(botId: string) {
  return events.filter((entry) => entry.event === 'applyProgress' && (entry.payload as { botId: string }).botId === botId);
}

describe('the renewal journey', () => {
  it('diagnoses the dead token, applies the new one everywhere, proves the bot is back, and can roll back', async () => {
    const oldToken = sim.newToken('expired');
    const newToken = sim.newToken('never_expiring');
    const bot = await connectBot(oldToken);
    expect(bot.maskedToken).toBe(`${oldToken.slice(0, 4)}…${oldToken.slice(-5)}`);

    const checked = await host.service.diagnoseBot({ id: bot.id });
    expect(checked.lastDiagnosis?.status).toBe('expired');

    const verdict = await host.service.submitToken({ botId: bot.id, token: `  ${newToken}\n` });
    expect(verdict.acceptable).toBe(true);
    expect(verdict.diagnosis.status).toBe('ok');
    expect(JSON.stringify(verdict)).not.toContain(newToken);

    const before = await readFile(join(folder, '.env'), 'utf8');
    const report: ApplyReport = await host.service.applyToken({ botId: bot.id, pendingId: verdict.pendingId });
    expect(report.ok).toBe(true);
    expect(report.steps.map((step) => [step.step, step.state])).toEqual([
      ['validate', 'done'],
      ['keychain', 'done'],
      ['write', 'done'],
      ['restart', 'done'],
      ['verify', 'done'],
    ]);
    // Only the token's bytes changed; CRLF, the comment and the verify token are untouched.
    expect(await readFile(join(folder, '.env'), 'utf8')).toBe(before.replace(oldToken, newToken));
    expect((await botReport()).tokenSha256).toBe(sha256(newToken));
    expect(await vault.getSecret(botAccount(bot.id))).toBe(newToken);
    expect(report.bot.lastDiagnosis?.status).toBe('ok');
    expect(report.bot.canRollBack).toBe(true);
    expect(report.bot.process.state).toBe('running');
    expect(progressEvents(bot.id).length).toBeGreaterThanOrEqual(5);
    // Nothing that reached the window carries the token.
    expect(JSON.stringify(events)).not.toContain(newToken);
    expect(JSON.stringify(report)).not.toContain(newToken);

    const rolledBack = await host.service.rollBackBot({ id: bot.id });
    expect(rolledBack.ok).toBe(true);
    expect(await readFile(join(folder, '.env'), 'utf8')).toBe(before);
    expect((await botReport()).tokenSha256).toBe(sha256(oldToken));
    expect(rolledBack.bot.canRollBack).toBe(false);
  });

  it('recognises the token the bot already has, pasted again, and will not put it in place', async () => {
    const oldToken = sim.newToken('expired');
    const bot = await connectBot(oldToken);
    const verdict = await host.service.submitToken({ botId: bot.id, token: `"${oldToken}"\r\n` });
    expect(verdict.sameAsBot).toBe(true);
    expect(verdict.acceptable).toBe(false);
    expect(verdict.diagnosis.status).toBe('expired');

    const another = await host.service.submitToken({ botId: bot.id, token: sim.newToken('never_expiring') });
    expect(another.sameAsBot).toBe(false);
    expect(another.acceptable).toBe(true);
  });

  it('writes nothing when Meta refuses the new token', async () => {
    const oldToken = sim.newToken('expiring');
    const bot = await connectBot(oldToken);
    const before = await readFile(join(folder, '.env'), 'utf8');
    const verdict = await host.service.submitToken({ botId: bot.id, token: sim.newToken('logged_out') });
    expect(verdict.acceptable).toBe(false);
    expect(verdict.diagnosis.status).toBe('revoked');

    const report = await host.service.applyToken({ botId: bot.id, pendingId: verdict.pendingId });
    expect(report.ok).toBe(false);
    expect(report.steps[0]).toMatchObject({ step: 'validate', state: 'failed' });
    expect(report.steps.slice(1).every((step) => step.state === 'skipped')).toBe(true);
    expect(await readFile(join(folder, '.env'), 'utf8')).toBe(before);
    expect(await vault.getSecret(botAccount(bot.id))).toBeNull();
  });

  it('leaves the .env, the keychain and the bot alone when the file cannot be written', async () => {
    const oldToken = sim.newToken('expired');
    const bot = await connectBot(oldToken);
    await vault.setSecret(botAccount(bot.id), oldToken);
    await chmod(join(folder, '.env'), 0o444);
    await chmod(folder, 0o555);
    try {
      const verdict = await host.service.submitToken({ botId: bot.id, token: sim.newToken('sixty_day') });
      const report = await host.service.applyToken({ botId: bot.id, pendingId: verdict.pendingId });
      expect(report.ok).toBe(false);
      const write = report.steps.find((step) => step.step === 'write');
      expect(write?.state).toBe('failed');
      expect(write?.message?.key).toMatch(/^envfile:errors\.(read_only|write_denied)$/);
      expect(report.steps.find((step) => step.step === 'restart')?.state).toBe('skipped');
      expect(await readFile(join(folder, '.env'), 'utf8')).toBe(envText(oldToken));
      expect(await vault.getSecret(botAccount(bot.id))).toBe(oldToken);
    } finally {
      await chmod(folder, 0o755);
      await chmod(join(folder, '.env'), 0o644);
    }
  });

  it('says so when the bot does not come back, and keeps the way back open', async () => {
    const bot = await connectBot(sim.newToken('expired'), `node ${CRASH_BOT}`);
    const verdict = await host.service.submitToken({ botId: bot.id, token: sim.newToken('never_expiring') });
    const report = await host.service.applyToken({ botId: bot.id, pendingId: verdict.pendingId });
    expect(report.ok).toBe(false);
    expect(report.steps.find((step) => step.step === 'verify')).toMatchObject({ state: 'failed' });
    expect(report.logExcerpt).toContain('Cannot find module');
    expect(report.bot.canRollBack).toBe(true);
  });

  it('refuses an unknown or foreign pending token', async () => {
    const bot = await connectBot(sim.newToken('expired'));
    await expect(host.service.applyToken({ botId: bot.id, pendingId: 'abc123' })).rejects.toMatchObject({
      code: 'pending_token_expired',
    });
  });
});
