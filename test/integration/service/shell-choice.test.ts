// The shell choice for a bot's command, from the renderer's raw call to bots.json and back: checked by the
// contract, stored in the profile, shown in the bot's view, and proposed by "connect a bot".
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createDoctorService, dispatchCall, type DoctorHost } from '../../../src-main/core/service';
import { MemoryVault } from '../../../src-main/core/vault';
import { createFakePlatform } from '../../support/fake-platform';

async function serviceWithBotFolder(): Promise<{ host: DoctorHost; home: string; folder: string }> {
  const folder = await mkdtemp(join(tmpdir(), 'shell-choice-'));
  await writeFile(join(folder, '.env'), 'WHATSAPP_TOKEN=\n');
  const home = await mkdtemp(join(tmpdir(), 'shell-choice-home-'));
  const host = await createDoctorService({ home, vault: new MemoryVault(), platform: createFakePlatform(), emit: () => {}, graphUrl: 'http://127.0.0.1:9' });
  return { host, home, folder };
}

const runInput = (shell?: unknown) => ({
  mode: 'custom',
  command: 'Get-Process python | Stop-Process -Force; python run_flask.py',
  cwd: null,
  healthUrl: null,
  ...(shell === undefined ? {} : { shell }),
});

const connectInput = (folder: string, run: unknown) => ({
  folder,
  name: 'Tevkil',
  envFile: join(folder, '.env'),
  tokenVariable: 'WHATSAPP_TOKEN',
  phoneNumberId: null,
  wabaId: null,
  apiVersion: null,
  run,
});

describe('the shell a bot command runs in, through the contract', () => {
  it('stores PowerShell when the owner picks it, and shows it in the bot and in bots.json', async () => {
    const { host, home, folder } = await serviceWithBotFolder();
    const answer = await dispatchCall(host.service, 'connectBot', connectInput(folder, runInput('powershell')));
    expect(answer).toMatchObject({ ok: true, value: { run: { mode: 'custom', shell: 'powershell' } } });
    const saved = JSON.parse(await readFile(join(home, 'bots.json'), 'utf8')) as { bots: Array<{ run: unknown }> };
    expect(saved.bots[0]?.run).toMatchObject({ shell: 'powershell' });
  });

  it('takes a call that predates the choice as cmd.exe', async () => {
    const { host, folder } = await serviceWithBotFolder();
    expect(await dispatchCall(host.service, 'connectBot', connectInput(folder, runInput()))).toMatchObject({ ok: true, value: { run: { shell: 'cmd' } } });
  });

  it('refuses a shell it does not offer, with a translatable error, and stores nothing', async () => {
    const { host, home, folder } = await serviceWithBotFolder();
    for (const shell of ['bash', 'pwsh', 'PowerShell', '', null]) {
      expect(await dispatchCall(host.service, 'connectBot', connectInput(folder, runInput(shell)))).toEqual({
        ok: false,
        error: { code: 'invalid_input', message: { key: 'service:errors.invalidInput' } },
      });
    }
    await expect(readFile(join(home, 'bots.json'), 'utf8')).rejects.toMatchObject({ code: 'ENOENT' });
  });

  it('changes the shell of a connected bot', async () => {
    const { host, folder } = await serviceWithBotFolder();
    const bot = await host.service.connectBot(connectInput(folder, runInput('powershell')) as Parameters<typeof host.service.connectBot>[0]);
    const { folder: _folder, ...fields } = connectInput(folder, runInput('cmd'));
    expect(await dispatchCall(host.service, 'updateBot', { id: bot.id, ...fields })).toMatchObject({ ok: true, value: { run: { shell: 'cmd' } } });
  });

  it('proposes cmd.exe off Windows even beside a PowerShell script, since the choice does not apply there', async () => {
    const { host, folder } = await serviceWithBotFolder();
    await writeFile(join(folder, 'start.ps1'), 'python run_flask.py\n');
    expect(await dispatchCall(host.service, 'detectBot', { folder })).toMatchObject({ ok: true, value: { shell: { shell: 'cmd', reason: null } } });
  });
});
