// The connected bots and the settings, kept in the app's data folder (`bots.json`, `settings.json`).
// One instance per process; every change is written at once so a crash loses nothing.
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { DoctorError } from '../errors';
import type * as v from 'valibot';
import { DEFAULT_COMMAND_SHELL } from '../bot';
import { readJsonFile, writeJsonFile } from './json-file';
import { BotListSchema, DEFAULT_SETTINGS, SettingsSchema, type BotProfile, type RunSettingsSchema, type Settings } from './schema';

/** Run settings as callers give them: without a shell they run in cmd.exe, as before the choice existed. */
type RunSettingsInput = v.InferInput<typeof RunSettingsSchema>;

export type NewBotProfile = Omit<
  BotProfile,
  'id' | 'createdAt' | 'lastDiagnosis' | 'lastCheckedAt' | 'tokenFingerprint' | 'lastMetaAnswer' | 'destinations' | 'lastRenewal' | 'run'
> & { run: RunSettingsInput; destinations?: BotProfile['destinations'] };

type BotPatch = Partial<Omit<BotProfile, 'id' | 'createdAt' | 'run'>> & { run?: RunSettingsInput };

function runSettings(run: RunSettingsInput): BotProfile['run'] {
  return { ...run, shell: run.shell ?? DEFAULT_COMMAND_SHELL };
}

export class ProfileStore {
  private bots: BotProfile[] = [];
  private settings: Settings = DEFAULT_SETTINGS;
  /** Files found damaged at load and moved aside. */
  readonly setAside: string[] = [];
  /** Writes run one after another, each writing the state as it is then, so an older state never lands last. */
  private writes: Promise<void> = Promise.resolve();

  private constructor(private readonly home: string) {}

  static async open(home: string): Promise<ProfileStore> {
    const store = new ProfileStore(home);
    const bots = await readJsonFile(store.botsPath, BotListSchema, { version: 1 as const, bots: [] });
    const settings = await readJsonFile(store.settingsPath, SettingsSchema, DEFAULT_SETTINGS);
    store.bots = bots.value.bots;
    store.settings = { ...DEFAULT_SETTINGS, ...settings.value };
    for (const path of [bots.setAside, settings.setAside]) if (path) store.setAside.push(path);
    return store;
  }

  private get botsPath(): string {
    return join(this.home, 'bots.json');
  }

  private get settingsPath(): string {
    return join(this.home, 'settings.json');
  }

  listBots(): readonly BotProfile[] {
    return this.bots;
  }

  getBot(id: string): BotProfile {
    const bot = this.bots.find((candidate) => candidate.id === id);
    if (!bot) throw new DoctorError('bot_not_found', { key: 'service:errors.botNotFound' }, `no connected bot ${id}`);
    return bot;
  }

  async addBot(fields: NewBotProfile): Promise<BotProfile> {
    const bot: BotProfile = {
      ...fields,
      run: runSettings(fields.run),
      destinations: fields.destinations ?? [],
      id: randomBytes(6).toString('hex'),
      createdAt: new Date().toISOString(),
      lastDiagnosis: null,
      lastCheckedAt: null,
      tokenFingerprint: null,
      lastMetaAnswer: null,
      lastRenewal: null,
    };
    this.bots = [...this.bots, bot];
    await this.saveBots();
    return bot;
  }

  async updateBot(id: string, { run, ...patch }: BotPatch): Promise<BotProfile> {
    const current = this.getBot(id);
    const updated = { ...current, ...patch, run: run ? runSettings(run) : current.run };
    this.bots = this.bots.map((bot) => (bot.id === id ? updated : bot));
    await this.saveBots();
    return updated;
  }

  async removeBot(id: string): Promise<void> {
    this.getBot(id);
    this.bots = this.bots.filter((bot) => bot.id !== id);
    await this.saveBots();
  }

  getSettings(): Settings {
    return this.settings;
  }

  async updateSettings(patch: Partial<Omit<Settings, 'version'>>): Promise<Settings> {
    this.settings = { ...this.settings, ...patch };
    await this.enqueueWrite(() => writeJsonFile(this.settingsPath, this.settings));
    return this.settings;
  }

  private saveBots(): Promise<void> {
    return this.enqueueWrite(() => writeJsonFile(this.botsPath, { version: 1, bots: this.bots }));
  }

  private enqueueWrite(write: () => Promise<void>): Promise<void> {
    const next = this.writes.then(write, write);
    this.writes = next.catch(() => {});
    return next;
  }
}
