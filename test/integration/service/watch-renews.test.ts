// The watch driving the real service against the Graph simulator, on a fake clock shared by all three (the watch,
// the service's "now" and the simulator's Meta): a 60-day token is renewed by itself a week before it expires, and
// when Meta keeps refusing the exchange the watch tries once a day and tells the owner, never looping.
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { envValues, parseEnv } from '../../../src-main/core/envfile';
import { Watch, type WatchNotification } from '../../../src-main/core/monitor';
import { DAY, HOUR } from '../../../src-main/core/monitor/settings';
import { createDoctorService, type DoctorHost } from '../../../src-main/core/service';
import { MemoryVault } from '../../../src-main/core/vault';
import { startGraphSimulator, SIM_PHONE_NUMBER_ID, type GraphSimulator, type GraphSimulatorOptions } from '../../sim/graph-simulator';
import { createFakePlatform } from '../../support/fake-platform';
import { advanceWatch } from '../../support/advance-watch';
import { FakeClock } from '../../support/fake-clock';
import { connectSelfRestartedBot } from '../../support/connect-bot';

let clock: FakeClock;
let sim: GraphSimulator;
let host: DoctorHost;
let envFile: string;
let watch: Watch;
let notifications: WatchNotification[];
let renewals: number;

/** A connected bot holding a 60-day token of `scenario`, the service and the watch on one fake clock. */
async function setUp(rules: GraphSimulatorOptions, scenario: 'sixty_day' | 'system_user_60_day'): Promise<void> {
  clock = new FakeClock(Date.now());
  sim = await startGraphSimulator({ ...rules, now: () => Math.floor(clock.now() / 1000) });
  const folder = await mkdtemp(join(tmpdir(), 'watch-renews-'));
  envFile = join(folder, '.env');
  await writeFile(envFile, `ACCESS_TOKEN=${sim.newToken(scenario)}\nPHONE_NUMBER_ID=${SIM_PHONE_NUMBER_ID}\n`);
  host = await createDoctorService({
    home: await mkdtemp(join(tmpdir(), 'watch-renews-home-')),
    vault: new MemoryVault(),
    platform: createFakePlatform(),
    emit: () => {},
    graphUrl: sim.url,
    now: () => new Date(clock.now()),
  });
  await connectSelfRestartedBot(host.service, { folder, envFile });
  await host.service.setAppCredentials({ appId: sim.app.id, appSecret: sim.app.secret });
  notifications = [];
  renewals = 0;
  let memory: unknown;
  watch = new Watch(
    {
      clock,
      check: (botId) => host.checkBot(botId),
      notify: (notification) => void notifications.push(notification),
      autoRenew: (botId) => ((renewals += 1), host.autoRenewBot(botId)),
      load: () => memory,
      save: (saved) => void (memory = saved),
    },
    { hasAppCredentials: true },
  );
  await watch.start();
  watch.setBots((await host.watchedBots()).map((bot) => ({ ...bot, tokenFingerprint: bot.tokenFingerprint ?? '' })));
}

afterEach(async () => {
  await watch.stop();
  await sim.close();
});

/** The fake clock fires the watch's timers; the checks and renewals then do real HTTP and real file work. */
const advance = (ms: number): Promise<void> => advanceWatch(clock, watch, ms);

const token = async () => envValues(parseEnv(await readFile(envFile, 'utf8'))).get('ACCESS_TOKEN');

describe('the watch on the real service', () => {
  beforeEach(() => setUp({}, 'sixty_day'));

  it('renews a 60-day token by itself a week before it expires, and says so once', async () => {
    const original = await token();
    await advance(52 * DAY);
    expect(await token()).toBe(original);
    expect(renewals).toBe(0);

    await advance(2 * DAY);
    expect(renewals).toBe(1);
    const renewed = await token();
    expect(renewed).not.toBe(original);
    expect(notifications.map((notification) => notification.kind)).toEqual(['renewed']);
    const [view] = await host.service.listBots();
    expect(Date.parse(view!.lastDiagnosis!.expiresAt!) - clock.now()).toBeGreaterThan(55 * DAY);
    // The new token is far from expiry: nothing more happens for weeks.
    await advance(30 * DAY);
    expect(renewals).toBe(1);
    expect(await token()).toBe(renewed);
  });

  it('tries once a day, backing off, when Meta refuses the exchange; tells the owner; never writes a bad token', async () => {
    const original = await token();
    sim.injectFault(
      { kind: 'graph_error', status: 400, error: { message: 'Error validating client secret.', type: 'OAuthException', code: 1 } },
      { match: 'oauth' },
    );
    await advance(53 * DAY + 2 * HOUR);
    expect(renewals).toBe(1);
    expect(notifications.map((notification) => notification.kind)).toContain('auto_renew_failed');
    await advance(12 * HOUR);
    expect(renewals).toBe(1);
    await advance(13 * HOUR);
    expect(renewals).toBe(2);
    // Backoff: the next try waits two days, not one.
    await advance(DAY);
    expect(renewals).toBe(2);
    await advance(DAY + 2 * HOUR);
    expect(renewals).toBe(3);
    expect(await token()).toBe(original);
  });
});

describe('the watch under Meta\'s 2026 rules (a new app that requires appsecret_proof)', () => {
  beforeEach(() => setUp({ newApp: true, requireAppSecretProof: true }, 'system_user_60_day'));

  it('refreshes a 60-day system-user token a week before it expires, with its parameter and the proof, and writes it', async () => {
    const original = await token();
    await advance(HOUR);
    const [before] = await host.service.listBots();
    expect(before!.renewal).toMatchObject({ kind: 'renews_itself' });
    await advance(53 * DAY);
    expect(renewals).toBe(1);
    const renewed = await token();
    expect(renewed).not.toBe(original);
    const exchange = sim.requests.find((request) => request.kind === 'oauth');
    expect(exchange).toMatchObject({ method: 'GET', appSecretProof: true, queryNames: expect.arrayContaining(['set_token_expires_in_60_days']) });
    expect(sim.requests.every((request) => request.appSecretProof && !request.queryNames.includes('method'))).toBe(true);
    const [view] = await host.service.listBots();
    expect(view!.lastDiagnosis).toMatchObject({ tokenType: 'system_user', status: 'ok' });
    expect(view!.renewal).toMatchObject({ kind: 'renews_itself' });
    expect(Date.parse(view!.lastDiagnosis!.expiresAt!) - clock.now()).toBeGreaterThan(59 * DAY);
  });
});
