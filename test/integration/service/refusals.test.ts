// The service's own refusals: each one a clear, translatable error, and nothing changed on disk.
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasTranslation } from '../../../src-main/core/i18n/translate';
import { createDoctorService, type DoctorHost } from '../../../src-main/core/service';
import { MemoryVault } from '../../../src-main/core/vault';
import { startGraphSimulator, type GraphSimulator } from '../../sim/graph-simulator';
import { connectSelfRestartedBot } from '../../support/connect-bot';
import { createFakePlatform } from '../../support/fake-platform';

let sim: GraphSimulator;
beforeAll(async () => {
  sim = await startGraphSimulator();
});
afterAll(async () => {
  await sim.close();
});

async function botWith(envText: string): Promise<{ host: DoctorHost; botId: string; envFile: string }> {
  const folder = await mkdtemp(join(tmpdir(), 'refusals-'));
  const envFile = join(folder, '.env');
  await writeFile(envFile, envText);
  const host = await createDoctorService({
    home: await mkdtemp(join(tmpdir(), 'refusals-home-')),
    vault: new MemoryVault(),
    platform: createFakePlatform(),
    emit: () => {},
    graphUrl: sim.url,
  });
  const bot = await connectSelfRestartedBot(host.service, { folder, envFile });
  return { host, botId: bot.id, envFile };
}

async function expectRefusal(call: Promise<unknown>, code: string): Promise<void> {
  const error = (await call.then(
    () => null,
    (failure: unknown) => failure,
  )) as { code: string; userMessage: { key: string } } | null;
  expect(error?.code).toBe(code);
  for (const language of ['en', 'tr', 'ar'] as const) expect(hasTranslation(language, error!.userMessage.key)).toBe(true);
}

describe('the service refuses plainly', () => {
  it('to restart a bot it has no way to restart, and to roll back when nothing was renewed', async () => {
    const { host, botId, envFile } = await botWith(`ACCESS_TOKEN=${sim.newToken('expired')}\n`);
    const before = await readFile(envFile, 'utf8');
    await expectRefusal(host.service.restartBot({ id: botId }), 'no_restart_method');
    await expectRefusal(host.service.rollBackBot({ id: botId }), 'nothing_to_roll_back');
    expect(await readFile(envFile, 'utf8')).toBe(before);
  });

  it('to send a test message without a token, or without the phone number id', async () => {
    const empty = await botWith('ACCESS_TOKEN=\n');
    await expectRefusal(empty.host.service.sendTestMessage({ botId: empty.botId, to: '+15550100009', kind: 'template' }), 'token_missing');
    const noPhone = await botWith(`ACCESS_TOKEN=${sim.newToken('never_expiring')}\n`);
    await noPhone.host.service.updateBot({
      id: noPhone.botId,
      name: 'Shop',
      envFile: noPhone.envFile,
      tokenVariable: 'ACCESS_TOKEN',
      phoneNumberId: null,
      wabaId: null,
      apiVersion: null,
      run: { mode: 'none', command: null, cwd: null, healthUrl: null, shell: 'cmd' },
    });
    await expectRefusal(
      noPhone.host.service.sendTestMessage({ botId: noPhone.botId, to: '+15550100009', kind: 'template' }),
      'phone_number_id_missing',
    );
  });

  it('to act on a bot that is not connected', async () => {
    const { host } = await botWith('ACCESS_TOKEN=\n');
    await expectRefusal(host.service.diagnoseBot({ id: 'gone' }), 'bot_not_found');
  });
});
