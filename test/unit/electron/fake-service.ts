// Doubles of the service and its host for the shell's tests: every call is a vi.fn; the ones a test does not
// set fail loudly.
import { vi, type Mock } from 'vitest';
import { healthyDiagnosis } from '../../support/diagnosis';
import { calls, type BotView, type CallName, type SettingsView } from '../../../src-main/contract';
import type { Diagnosis } from '../../../src-main/core/graph/types';
import type { DoctorHost } from '../../../src-main/core/service';
import type { DoctorService } from '../../../src-main/core/service/types';

export type FakeService = { [N in CallName]: Mock<DoctorService[N]> };

export function fakeService(overrides: Partial<DoctorService> = {}): FakeService {
  const service: Record<string, Mock> = {};
  for (const name of Object.keys(calls) as CallName[]) {
    service[name] = vi.fn(overrides[name] ?? (async () => Promise.reject(new Error(`${name} is not faked`))));
  }
  return service as unknown as FakeService;
}

type HostFunctions = Omit<DoctorHost, 'service'>;
export type FakeHost = { [K in keyof HostFunctions]: Mock<HostFunctions[K]> } & { service: FakeService };

export function fakeHost(parts: Partial<HostFunctions> & { service?: FakeService } = {}): FakeHost {
  return {
    service: parts.service ?? fakeService(),
    settings: vi.fn(parts.settings ?? (() => settingsView())),
    watchedBots: vi.fn(parts.watchedBots ?? (async () => [])),
    checkBot: vi.fn(parts.checkBot ?? (async () => Promise.reject(new Error('checkBot is not faked')))),
    autoRenewBot: vi.fn(parts.autoRenewBot ?? (async () => ({ ok: false as const }))),
  };
}

export function settingsView(overrides: Partial<SettingsView> = {}): SettingsView {
  return {
    language: null,
    effectiveLanguage: 'en',
    launchAtLogin: false,
    launchAtLoginAsked: false,
    checkIntervalHours: 6,
    autoRenewLeadDays: 7,
    autoRenew: true,
    appCredentials: null,
    ...overrides,
  };
}

export function diagnosis(overrides: Partial<Diagnosis> = {}): Diagnosis {
  return healthyDiagnosis({ checkedAt: '2026-03-01T10:00:00.000Z', application: 'Shop', scopes: [], ...overrides });
}

export function botView(overrides: Partial<BotView> = {}): BotView {
  return {
    id: 'shop-bot',
    name: 'Shop bot',
    folder: '/bots/shop',
    envFile: '/bots/shop/.env',
    tokenVariable: 'WHATSAPP_TOKEN',
    phoneNumberId: null,
    wabaId: null,
    apiVersion: null,
    run: { mode: 'none', command: null, cwd: null, healthUrl: null, shell: 'cmd' },
    destinations: [{ destination: { kind: 'env', file: '/bots/shop/.env', variable: 'WHATSAPP_TOKEN' }, label: '.env#WHATSAPP_TOKEN' }],
    maskedToken: 'EAAQ…sBQJm',
    lastDiagnosis: null,
    renewal: null,
    lastCheckedAt: null,
    checking: false,
    process: { state: 'unknown', pids: [] },
    canRollBack: false,
    gitignore: null,
    ...overrides,
  };
}
