// The harness can run commands and write files, so only its own page may drive it: a cross-site POST (a form, or a
// `text/plain` fetch that needs no preflight) gets 403 and changes nothing.
import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from '../../harness/harness';
import { CALL_HEADER, CALL_HEADER_VALUE } from '../../harness/request-guard';

let harness: Harness;
let botFolder: string;

beforeAll(async () => {
  harness = await startHarness({ port: 0 });
  botFolder = await mkdtemp(join(tmpdir(), 'wtd-guard-bot-'));
  await writeFile(join(botFolder, '.env'), 'WHATSAPP_TOKEN=EAAold\n');
});
afterAll(async () => {
  await harness.close();
  await rm(botFolder, { recursive: true, force: true });
});

function call(name: string, input: unknown, headers: Record<string, string>): Promise<Response> {
  return fetch(`${harness.url}/api/call/${name}`, { method: 'POST', headers, body: JSON.stringify({ input }) });
}
const ownPage = () => ({ origin: harness.url, 'content-type': 'application/json', [CALL_HEADER]: CALL_HEADER_VALUE });

async function connectedBots(): Promise<unknown[]> {
  const response = await call('listBots', undefined, ownPage());
  expect(response.status).toBe(200);
  const envelope = (await response.json()) as { ok: boolean; value: unknown[] };
  expect(envelope.ok).toBe(true);
  return envelope.value;
}

describe('the harness refuses what its own page did not send', () => {
  it('refuses a cross-site text/plain POST (no preflight needed) and runs nothing', async () => {
    const marker = join(botFolder, 'ran');
    const bot = {
      folder: botFolder,
      name: 'bot',
      envFile: join(botFolder, '.env'),
      tokenVariable: 'WHATSAPP_TOKEN',
      phoneNumberId: null,
      wabaId: null,
      apiVersion: null,
      run: { mode: 'custom', command: `touch ${marker}`, cwd: botFolder, healthUrl: null },
    };
    const crossSite = { origin: 'https://evil.example', 'content-type': 'text/plain' };
    expect((await call('connectBot', bot, crossSite)).status).toBe(403);
    expect(await connectedBots()).toEqual([]);
    // The same input from the harness's own page is accepted: the refusal above was the guard, not the input.
    const connected = (await (await call('connectBot', bot, ownPage())).json()) as { ok: boolean; value: { id: string } };
    expect(connected.ok).toBe(true);
    expect((await call('restartBot', { id: connected.value.id }, crossSite)).status).toBe(403);
    expect(existsSync(marker)).toBe(false);
    await call('removeBot', { id: connected.value.id }, ownPage());
  });

  it('refuses a foreign Origin even with the right header and type', async () => {
    expect((await call('listBots', undefined, { ...ownPage(), origin: 'https://evil.example' })).status).toBe(403);
  });

  it('refuses a call without the harness header, or without any Origin', async () => {
    const { [CALL_HEADER]: _header, ...withoutHeader } = ownPage();
    expect((await call('listBots', undefined, withoutHeader)).status).toBe(403);
    const { origin: _origin, ...withoutOrigin } = ownPage();
    expect((await call('listBots', undefined, withoutOrigin)).status).toBe(403);
  });

  it('refuses a JSON call from its own origin sent as a form', async () => {
    expect((await call('listBots', undefined, { ...ownPage(), 'content-type': 'application/x-www-form-urlencoded' })).status).toBe(403);
  });

  it('refuses the event stream to another site', async () => {
    const response = await fetch(`${harness.url}/api/events`, { headers: { origin: 'https://evil.example' } });
    expect(response.status).toBe(403);
  });

  it('answers its own page', async () => {
    expect(await connectedBots()).toEqual([]);
    expect((await fetch(`${harness.url}/`)).status).toBe(200);
  });
});
