// The wizard's app-credentials step through the real service, against Meta's 2026 rules: a pasted 60-day
// system-user token whose expiry Meta hides from it, then the app's ID and secret — refused when Meta refuses them
// or when they are another app's, otherwise kept (secret in the keychain) with the token's real expiry, and a
// dashboard that says the token renews itself on a date.
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EventName } from '../../../src-main/contract';
import { createDoctorService, type DoctorHost } from '../../../src-main/core/service';
import { MemoryVault, getAppCredentials } from '../../../src-main/core/vault';
import { startGraphSimulator, SIM_OTHER_APP, type GraphSimulator } from '../../sim/graph-simulator';
import { connectSelfRestartedBot } from '../../support/connect-bot';
import { createFakePlatform } from '../../support/fake-platform';

let sim: GraphSimulator;
const DAY_MS = 86_400_000;

beforeAll(async () => {
  sim = await startGraphSimulator({ newApp: true });
});
afterAll(async () => {
  await sim.close();
});

async function setUp() {
  const folder = await mkdtemp(join(tmpdir(), 'credentials-step-'));
  const envFile = join(folder, '.env');
  await writeFile(envFile, `ACCESS_TOKEN=${sim.newToken('expired')}\n`);
  const vault = new MemoryVault();
  const events: EventName[] = [];
  const host: DoctorHost = await createDoctorService({
    home: await mkdtemp(join(tmpdir(), 'credentials-step-home-')),
    vault,
    platform: createFakePlatform(),
    emit: (event) => void events.push(event),
    graphUrl: sim.url,
  });
  const bot = await connectSelfRestartedBot(host.service, { folder, envFile });
  const verdict = await host.service.submitToken({ botId: bot.id, token: sim.newToken('system_user_60_day') });
  return { host, vault, botId: bot.id, verdict, events };
}

describe('the app-credentials step', () => {
  it('starts from a working token whose end Meta will not tell it, which needs its owner', async () => {
    const { verdict } = await setUp();
    expect(verdict).toMatchObject({
      acceptable: true,
      diagnosis: { expiresAt: null, expiryUnknownReason: 'needs_app_credentials', tokenType: 'system_user' },
      renewal: { kind: 'needs_you', reason: 'no_app_credentials', expiresAt: null },
    });
  });

  it('keeps the credentials once the app has inspected the token: real expiry, and it renews itself a week before', async () => {
    const { host, vault, botId, verdict, events } = await setUp();
    const checked = await host.service.submitAppCredentials({ botId, pendingId: verdict.pendingId, appId: sim.app.id, appSecret: sim.app.secret });
    expect(checked).toMatchObject({ pendingId: verdict.pendingId, acceptable: true, diagnosis: { tokenType: 'system_user', tokenLifetime: 'long_lived', appId: sim.app.id } });
    const expiresAt = Date.parse(checked.diagnosis.expiresAt!);
    expect(expiresAt - Date.now()).toBeGreaterThan(59 * DAY_MS);
    expect(checked.renewal).toEqual({ kind: 'renews_itself', renewsAt: new Date(expiresAt - 7 * DAY_MS).toISOString(), expiresAt: checked.diagnosis.expiresAt });
    expect(await getAppCredentials(vault)).toEqual({ appId: sim.app.id, appSecret: sim.app.secret });
    expect((await host.service.getSettings()).appCredentials).toEqual({ appId: sim.app.id });
    expect(events).toContain('settingsChanged');
    expect(JSON.stringify(checked)).not.toContain(sim.app.secret);

    // Applying it uses the newer verdict, and the dashboard says the same thing.
    const report = await host.service.applyToken({ botId, pendingId: verdict.pendingId });
    expect(report.ok).toBe(true);
    expect(report.bot.renewal).toMatchObject({ kind: 'renews_itself', expiresAt: checked.diagnosis.expiresAt });
  });

  it('refuses a secret Meta does not accept, and keeps nothing', async () => {
    const { host, vault, botId, verdict } = await setUp();
    await expect(host.service.submitAppCredentials({ botId, pendingId: verdict.pendingId, appId: sim.app.id, appSecret: 'f'.repeat(32) })).rejects.toMatchObject({
      code: 'app_credentials_rejected',
    });
    expect(await getAppCredentials(vault)).toBeNull();
  });

  it('refuses the ID and secret of another of the owner\'s apps: the token is not that app\'s', async () => {
    const { host, vault, botId, verdict } = await setUp();
    await expect(host.service.submitAppCredentials({ botId, pendingId: verdict.pendingId, appId: SIM_OTHER_APP.id, appSecret: SIM_OTHER_APP.secret })).rejects.toMatchObject({
      code: 'app_credentials_other_app',
      userMessage: { key: 'service:errors.appCredentialsOtherApp' },
    });
    expect(await getAppCredentials(vault)).toBeNull();
    expect((await host.service.getSettings()).appCredentials).toBeNull();
  });

  it('says Meta could not be reached, and keeps nothing, when it cannot check', async () => {
    const { host, vault, botId, verdict } = await setUp();
    sim.injectFault({ kind: 'reset' });
    try {
      await expect(host.service.submitAppCredentials({ botId, pendingId: verdict.pendingId, appId: sim.app.id, appSecret: sim.app.secret })).rejects.toMatchObject({
        code: 'app_credentials_unreachable',
      });
    } finally {
      sim.clearFaults();
    }
    expect(await getAppCredentials(vault)).toBeNull();
  });
});
