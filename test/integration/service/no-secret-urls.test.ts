// debug_token and the token exchange carry a secret in their URL (Meta takes it nowhere else). No such URL may reach
// a log line, an error, a fault or anything the window or the disk gets — even when the network library puts the
// URL into its errors, and whatever Meta answers. The whole service is driven as the window drives it.
import { mkdtemp, readFile, readdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { CallName } from '../../../src-main/contract';
import { createDoctorService, dispatchCall, type DoctorHost } from '../../../src-main/core/service';
import { MemoryVault } from '../../../src-main/core/vault';
import { startGraphSimulator, type FaultSpec, type GraphSimulator } from '../../sim/graph-simulator';
import { connectSelfRestartedBot } from '../../support/connect-bot';
import { createFakePlatform } from '../../support/fake-platform';

let sim: GraphSimulator;
const realFetch = globalThis.fetch;
const seenUrls: string[] = [];

beforeAll(async () => {
  sim = await startGraphSimulator({ newApp: true });
  // A network library that names the URL in its errors (some do): the URL must still go nowhere.
  globalThis.fetch = async (input, init) => {
    const url = String(input);
    seenUrls.push(url);
    try {
      return await realFetch(input, init);
    } catch (error) {
      throw Object.assign(new TypeError(`fetch failed for ${url}`), { cause: Object.assign(new Error(`request to ${url} failed`), { code: (error as { cause?: { code?: string } }).cause?.code ?? 'ECONNRESET' }) });
    }
  };
});
afterAll(async () => {
  globalThis.fetch = realFetch;
  await sim.close();
});
afterEach(() => sim.clearFaults());

async function setUp(): Promise<{ host: DoctorHost; home: string; botId: string; token: string; logs: string[] }> {
  const home = await mkdtemp(join(tmpdir(), 'no-secret-urls-home-'));
  const folder = await mkdtemp(join(tmpdir(), 'no-secret-urls-bot-'));
  const envFile = join(folder, '.env');
  const token = sim.newToken({ scenario: 'system_user_60_day', days: 5 });
  await writeFile(envFile, `ACCESS_TOKEN=${token}\n`);
  const logs: string[] = [];
  const host = await createDoctorService({ home, vault: new MemoryVault(), platform: createFakePlatform(), emit: () => {}, graphUrl: sim.url, log: (line) => logs.push(line) });
  const bot = await connectSelfRestartedBot(host.service, { folder, envFile });
  return { host, home, botId: bot.id, token, logs };
}

async function everythingOnDisk(folder: string): Promise<string> {
  const names = await readdir(folder, { recursive: true, withFileTypes: true });
  const texts = await Promise.all(names.filter((entry) => entry.isFile()).map((entry) => readFile(join(entry.parentPath, entry.name), 'utf8')));
  return texts.join('\n');
}

const FAULTS: FaultSpec[] = [
  { kind: 'reset' },
  { kind: 'html' },
  { kind: 'graph_error', error: { message: 'An unexpected error has occurred. Please retry your request later.', code: 2, is_transient: true } },
];

describe('URLs that hold a secret stay inside the Graph client', () => {
  it.each(FAULTS.map((fault) => [fault.kind, fault] as const))('with %s on debug_token and the exchange', async (_kind, fault) => {
    const { host, home, botId, token, logs } = await setUp();
    const secret = sim.app.secret;
    const out: unknown[] = [];
    const call = async (name: CallName, input?: unknown) => out.push(await dispatchCall(host.service, name, input, (line) => logs.push(line)));
    await call('setAppCredentials', { appId: sim.app.id, appSecret: secret });
    sim.injectFault(fault, { match: 'debug_token' });
    await call('diagnoseBot', { id: botId });
    out.push(await host.checkBot(botId));
    sim.clearFaults();
    // debug_token answers now, so the exchange itself is asked, and fails.
    sim.injectFault(fault, { match: 'oauth' });
    await call('extendToken', { botId });
    out.push(await host.autoRenewBot(botId));
    expect(sim.requests.some((request) => request.kind === 'oauth' && request.fault === fault.kind)).toBe(true);

    // The secrets did travel (the test would prove nothing otherwise)…
    expect(seenUrls.some((url) => url.includes(token))).toBe(true);
    // …and went nowhere else.
    const everything = [JSON.stringify(out), logs.join('\n'), await everythingOnDisk(home)].join('\n');
    for (const leak of [token, token.slice(0, 40), secret, 'input_token', 'fb_exchange_token', 'client_secret', sim.url]) {
      expect(everything).not.toContain(leak);
    }
  });
});
