import { mkdtemp, readFile, readdir, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { ProfileStore, type NewBotProfile } from '../../../src-main/core/profiles/profile-store';

const shopBot: NewBotProfile = {
  name: 'Shop bot',
  folder: '/srv/shop-bot',
  envFile: '/srv/shop-bot/.env',
  tokenVariable: 'WHATSAPP_TOKEN',
  phoneNumberId: '300000000000003',
  wabaId: null,
  apiVersion: 'v18.0',
  run: { mode: 'managed', command: 'python run_flask.py', cwd: null, healthUrl: null },
};

let home: string;
beforeEach(async () => {
  home = await mkdtemp(join(tmpdir(), 'profiles-'));
});

describe('ProfileStore', () => {
  it('starts empty with default settings when the data folder is new', async () => {
    const store = await ProfileStore.open(home);
    expect(store.listBots()).toEqual([]);
    expect(store.getSettings()).toMatchObject({ language: null, launchAtLogin: false, checkIntervalHours: 6 });
  });

  it('keeps bots and settings across a restart, in private files', async () => {
    const store = await ProfileStore.open(home);
    const bot = await store.addBot(shopBot);
    await store.updateBot(bot.id, { name: 'Shop' });
    await store.updateSettings({ language: 'tr', checkIntervalHours: 3 });

    const reopened = await ProfileStore.open(home);
    expect(reopened.listBots()).toEqual([expect.objectContaining({ id: bot.id, name: 'Shop', tokenVariable: 'WHATSAPP_TOKEN' })]);
    expect(reopened.getSettings()).toMatchObject({ language: 'tr', checkIntervalHours: 3 });
    expect((await stat(join(home, 'bots.json'))).mode & 0o777).toBe(0o600);
    expect((await stat(join(home, 'settings.json'))).mode & 0o777).toBe(0o600);
  });

  it('never lets an older state land last when changes race', async () => {
    const store = await ProfileStore.open(home);
    const bot = await store.addBot(shopBot);
    await Promise.all(Array.from({ length: 20 }, (_, index) => store.updateBot(bot.id, { name: `name ${index}` })));
    const saved = JSON.parse(await readFile(join(home, 'bots.json'), 'utf8'));
    expect(saved.bots[0].name).toBe('name 19');
  });

  it('sets a damaged file aside instead of crashing or overwriting it', async () => {
    await writeFile(join(home, 'bots.json'), '{"version":1,"bots":[{"id":"x"', 'utf8');
    const store = await ProfileStore.open(home);
    expect(store.listBots()).toEqual([]);
    expect(store.setAside).toHaveLength(1);
    const files = await readdir(home);
    const damaged = files.find((file) => file.startsWith('bots.json.damaged-'));
    expect(damaged).toBeDefined();
    expect(await readFile(join(home, damaged!), 'utf8')).toBe('{"version":1,"bots":[{"id":"x"');
  });

  it('refuses a file whose shape is wrong rather than trusting it', async () => {
    await writeFile(join(home, 'settings.json'), JSON.stringify({ version: 1, language: 'klingon' }), 'utf8');
    const store = await ProfileStore.open(home);
    expect(store.getSettings().language).toBeNull();
    expect(store.setAside[0]).toMatch(/settings\.json\.damaged-/);
  });

  it("reads a settings file written before an option existed with that option's default", async () => {
    const older = { version: 1, language: 'ar', launchAtLogin: true, launchAtLoginAsked: true, checkIntervalHours: 4, autoRenew: true, appId: null };
    await writeFile(join(home, 'settings.json'), JSON.stringify(older), 'utf8');
    const store = await ProfileStore.open(home);
    expect(store.getSettings()).toMatchObject({ language: 'ar', checkIntervalHours: 4, autoRenewLeadDays: 7 });
    expect(store.setAside).toEqual([]);
  });

  it('reads bots saved before the shell choice existed as running in cmd.exe, as they did, and keeps a choice made since', async () => {
    const older = { ...shopBot, id: 'a1b2c3', createdAt: '2026-01-02T03:04:05.000Z', lastDiagnosis: null, lastCheckedAt: null, tokenFingerprint: null };
    await writeFile(join(home, 'bots.json'), JSON.stringify({ version: 1, bots: [older] }), 'utf8');
    const store = await ProfileStore.open(home);
    expect(store.setAside).toEqual([]);
    expect(store.getBot('a1b2c3').run).toEqual({ mode: 'managed', command: 'python run_flask.py', cwd: null, healthUrl: null, shell: 'cmd' });

    await store.updateBot('a1b2c3', { run: { ...shopBot.run, shell: 'powershell' } });
    const added = await store.addBot({ ...shopBot, name: 'Second' });
    const reopened = await ProfileStore.open(home);
    expect(reopened.getBot('a1b2c3').run.shell).toBe('powershell');
    expect(reopened.getBot(added.id).run.shell).toBe('cmd');
  });

  it('sets aside a bots file naming a shell the app does not know, rather than running the command in it', async () => {
    const odd = { ...shopBot, run: { ...shopBot.run, shell: 'bash' }, id: 'a1b2c3', createdAt: '2026-01-02T03:04:05.000Z', lastDiagnosis: null, lastCheckedAt: null, tokenFingerprint: null };
    await writeFile(join(home, 'bots.json'), JSON.stringify({ version: 1, bots: [odd] }), 'utf8');
    const store = await ProfileStore.open(home);
    expect(store.listBots()).toEqual([]);
    expect(store.setAside[0]).toMatch(/bots\.json\.damaged-/);
  });

  it('says which bot is missing with a translatable error', async () => {
    const store = await ProfileStore.open(home);
    expect(() => store.getBot('nope')).toThrowError(expect.objectContaining({ code: 'bot_not_found' }));
    await expect(store.removeBot('nope')).rejects.toMatchObject({ userMessage: { key: 'service:errors.botNotFound' } });
  });
});
