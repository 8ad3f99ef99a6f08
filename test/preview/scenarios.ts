// The situations the preview can show, chosen by the page's query string (?scenario=…&lang=…&slow=1).
import type { Language } from '../../assets/locales';
import { makeBot, makeDiagnosis, sampleBots, sampleDetection, TOKENS } from '../components/fake-data';
import type { FakeDoctorOptions } from '../components/fake-doctor';

export const SCENARIOS = {
  'first-run': (): FakeDoctorOptions => ({ bots: [] }),
  dashboard: (): FakeDoctorOptions => ({ bots: sampleBots(), clipboard: TOKENS.permanent }),
  loading: (): FakeDoctorOptions => ({ hang: ['listBots'] }),
  empty: (): FakeDoctorOptions => ({ bots: [] }),
  error: (): FakeDoctorOptions => ({ failures: { listBots: { code: 'internal', key: 'common:errors.internal' } } }),
  keychain: (): FakeDoctorOptions => ({
    bots: [makeBot({ id: 'lokanta', name: 'Lokanta Anadolu', lastDiagnosis: makeDiagnosis('expiring_soon') })],
    appInfo: { keychain: { available: false, message: { key: 'vault:unavailable.windows' } } },
  }),
  // A dead token tells Meta nothing about its app, and no app credentials are saved: the quick path starts at the app list.
  'unknown-app': (): FakeDoctorOptions => ({
    bots: sampleBots().map((bot) => (bot.lastDiagnosis ? { ...bot, lastDiagnosis: { ...bot.lastDiagnosis, appId: null } } : bot)),
  }),
  // A bot on a temporary token among the others, and BillByteKOT's current token known (to paste it again).
  temporary: (): FakeDoctorOptions => {
    const expiresAt = new Date(Date.now() + 5 * 3_600_000).toISOString();
    const kafe = makeBot({
      id: 'kafe',
      name: 'Kafe Moda',
      lastDiagnosis: makeDiagnosis('expiring_soon', {
        tokenLifetime: 'temporary',
        expiresAt,
        summary: { key: 'diagnosis:summary.expiring_soon.hours', params: { date: expiresAt, count: 5 } },
        fix: { key: 'diagnosis:fix.create_permanent_token' },
        warnings: [{ key: 'diagnosis:warning.temporary_token' }],
      }),
    });
    return { bots: [...sampleBots(), kafe], botTokens: { billbyte: TOKENS.permanent } };
  },
  // An owner on Windows who has started the bot from PowerShell in its folder: PowerShell is proposed for its command.
  'windows-first-run': (): FakeDoctorOptions => ({
    bots: [],
    appInfo: { platform: 'win32' },
    detection: (folder) => ({ ...sampleDetection(folder), shell: { shell: 'powershell', reason: { key: 'bot:shell.reason.history' } } }),
  }),
  credentials: (): FakeDoctorOptions => ({
    bots: sampleBots(),
    settings: { appCredentials: { appId: '1234567890123456' }, autoRenew: true, launchAtLoginAsked: true },
  }),
} satisfies Record<string, () => FakeDoctorOptions>;

export type ScenarioName = keyof typeof SCENARIOS;

export function scenarioFrom(query: URLSearchParams): { options: FakeDoctorOptions; language: Language } {
  const name = (query.get('scenario') ?? 'dashboard') as ScenarioName;
  const language = (['en', 'tr', 'ar'].includes(query.get('lang') ?? '') ? query.get('lang') : 'en') as Language;
  const options = (SCENARIOS[name] ?? SCENARIOS.dashboard)();
  return {
    language,
    options: { ...options, delayMs: query.get('slow') ? 1200 : 150, settings: { effectiveLanguage: language, ...options.settings } },
  };
}
