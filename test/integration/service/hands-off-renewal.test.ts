// Issue 6 through the service: app credentials checked with Meta before they are kept, a 60-day token traded for
// a fresh one with no clicks (what the watch calls), and the cases where nothing may happen.
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { envValues, parseEnv } from '../../../src-main/core/envfile';
import { tokenFingerprint } from '../../../src-main/core/monitor';
import { createDoctorService, type DoctorHost } from '../../../src-main/core/service';
import { MemoryVault } from '../../../src-main/core/vault';
import { startGraphSimulator, SIM_PHONE_NUMBER_ID, type GraphSimulator } from '../../sim/graph-simulator';
import { createFakePlatform } from '../../support/fake-platform';
import { connectSelfRestartedBot } from '../../support/connect-bot';

let sim: GraphSimulator;
beforeAll(async () => {
  sim = await startGraphSimulator();
});
afterAll(async () => {
  await sim.close();
});

async function hostWithBot(token: string): Promise<{ host: DoctorHost; botId: string; envFile: string }> {
  const home = await mkdtemp(join(tmpdir(), 'hands-off-home-'));
  const folder = await mkdtemp(join(tmpdir(), 'hands-off-bot-'));
  const envFile = join(folder, '.env');
  await writeFile(envFile, `ACCESS_TOKEN=${token}\nPHONE_NUMBER_ID=${SIM_PHONE_NUMBER_ID}\n`);
  const host = await createDoctorService({ home, vault: new MemoryVault(), platform: createFakePlatform(), emit: () => {}, graphUrl: sim.url });
  const bot = await connectSelfRestartedBot(host.service, { folder, envFile });
  return { host, botId: bot.id, envFile };
}

const tokenIn = async (envFile: string) => envValues(parseEnv(await readFile(envFile, 'utf8'))).get('ACCESS_TOKEN');

describe('hands-off renewal', () => {
  it('refuses app credentials Meta does not accept, and keeps the good ones (showing only the App ID)', async () => {
    const { host } = await hostWithBot(sim.newToken('sixty_day'));
    await expect(host.service.setAppCredentials({ appId: sim.app.id, appSecret: 'ffffffffffffffffffffffffffffffff' })).rejects.toMatchObject({
      code: 'app_credentials_rejected',
    });
    expect((await host.service.getSettings()).appCredentials).toBeNull();
    const settings = await host.service.setAppCredentials({ appId: sim.app.id, appSecret: sim.app.secret });
    expect(settings.appCredentials).toEqual({ appId: sim.app.id });
    expect(JSON.stringify(settings)).not.toContain(sim.app.secret);
  });

  it('trades a token that expires in 3 days for a 60-day one and delivers it, with no clicks', async () => {
    const old = sim.newToken({ scenario: 'expiring', days: 3 });
    const { host, botId, envFile } = await hostWithBot(old);
    await host.service.setAppCredentials({ appId: sim.app.id, appSecret: sim.app.secret });
    await host.checkBot(botId);
    const outcome = await host.autoRenewBot(botId);
    const fresh = await tokenIn(envFile);
    expect(fresh).not.toBe(old);
    expect(outcome).toEqual({ ok: true, tokenFingerprint: tokenFingerprint(fresh!) });
    const [view] = await host.service.listBots();
    expect(view!.lastDiagnosis?.status).toBe('ok');
    expect(Date.parse(view!.lastDiagnosis!.expiresAt!) - Date.now()).toBeGreaterThan(50 * 86_400_000);
  });

  it('does nothing without app credentials, for a never-expiring token, or when Meta cannot be reached', async () => {
    const withoutCredentials = await hostWithBot(sim.newToken({ scenario: 'expiring', days: 3 }));
    expect(await withoutCredentials.host.autoRenewBot(withoutCredentials.botId)).toEqual({ ok: false });

    const permanent = sim.newToken('never_expiring');
    const neverExpires = await hostWithBot(permanent);
    await neverExpires.host.service.setAppCredentials({ appId: sim.app.id, appSecret: sim.app.secret });
    expect(await neverExpires.host.autoRenewBot(neverExpires.botId)).toEqual({ ok: false });
    expect(await tokenIn(neverExpires.envFile)).toBe(permanent);

    const old = sim.newToken({ scenario: 'expiring', days: 2 });
    const offline = await hostWithBot(old);
    await offline.host.service.setAppCredentials({ appId: sim.app.id, appSecret: sim.app.secret });
    sim.injectFault({ kind: 'reset' });
    try {
      expect(await offline.host.autoRenewBot(offline.botId)).toEqual({ ok: false });
    } finally {
      sim.clearFaults();
    }
    expect(await tokenIn(offline.envFile)).toBe(old);
  });
});
