// Realistic bots, diagnoses, detections and tokens for the fake doctor: shaped like main's answers, with the
// same translation keys main sends (diagnosis:, renew:, bot:), so screens show what owners would see.
import type { BotDetection, BotView, Diagnosis, UserMessage } from '../../src-main/contract';

const DAY = 86_400_000;
const HOUR = 3_600_000;

/** A token of realistic length and alphabet; `tag` makes each one distinct and recognisable in its mask. */
export function makeToken(tag: string): string {
  const body = 'ZBZCo0Wm7qLr8xUuVt2Ny4Kp6Jd9Hs3Fg5Ae1Bc7Qw'.repeat(5);
  return `EAAQ${tag}${body}sBQJm`;
}

export const TOKENS = {
  permanent: makeToken('Perm'),
  /** What Business Settings makes since 2026: a 60-day system-user token, whose expiry Meta shows only to its app. */
  sixtyDay: makeToken('Sixty'),
  temporary: makeToken('Temp'),
  missingScopes: makeToken('Scope'),
  wrongAccount: makeToken('Waba'),
  restartFails: makeToken('Boom'),
} as const;

export type Scenario = keyof typeof TOKENS;

export function scenarioOf(token: string): Scenario {
  const found = (Object.keys(TOKENS) as Scenario[]).find((name) => TOKENS[name] === token);
  return found ?? 'permanent';
}

type Status = Diagnosis['status'];

const SUMMARY: Record<Status, (expiresAt: string | null) => UserMessage> = {
  ok: () => ({ key: 'diagnosis:summary.ok.never_expires' }),
  expiring_soon: (date) => ({ key: 'diagnosis:summary.expiring_soon.days', params: { date: date ?? '', count: 3 } }),
  expired: (date) => ({ key: 'diagnosis:summary.expired.on_date', params: { date: date ?? '' } }),
  revoked: () => ({ key: 'diagnosis:summary.revoked.password_changed' }),
  malformed: () => ({ key: 'diagnosis:summary.malformed.truncated' }),
  missing_permissions: () => ({
    key: 'diagnosis:summary.missing_permissions.scopes',
    params: { scopes: 'whatsapp_business_messaging' },
  }),
  wrong_account: () => ({ key: 'diagnosis:summary.wrong_account.waba', params: { wabaId: '61584672189701', wabaIds: '10987654321' } }),
  rate_limited: () => ({ key: 'diagnosis:summary.rate_limited.app', params: { code: 4 } }),
  network_error: () => ({ key: 'diagnosis:summary.network_error.dns' }),
  meta_error: () => ({ key: 'diagnosis:summary.meta_error.server_error' }),
};

const FIX: Partial<Record<Status, UserMessage>> = {
  expiring_soon: { key: 'diagnosis:fix.create_permanent_token' },
  expired: { key: 'diagnosis:fix.create_permanent_token' },
  revoked: { key: 'diagnosis:fix.create_permanent_token' },
  malformed: { key: 'diagnosis:fix.copy_again' },
  missing_permissions: { key: 'diagnosis:fix.add_permissions', params: { scopes: 'whatsapp_business_messaging' } },
  wrong_account: { key: 'diagnosis:fix.assign_waba', params: { wabaId: '61584672189701' } },
  rate_limited: { key: 'diagnosis:fix.wait' },
  network_error: { key: 'diagnosis:fix.check_connection' },
  meta_error: { key: 'diagnosis:fix.retry_later' },
};

export function makeDiagnosis(status: Status, overrides: Partial<Diagnosis> = {}, now = Date.now()): Diagnosis {
  const lifetime: Diagnosis['tokenLifetime'] =
    status === 'ok' ? 'never_expiring' : status === 'expiring_soon' ? 'long_lived' : status === 'expired' ? 'temporary' : 'unknown';
  const expiresAt =
    status === 'expiring_soon' ? new Date(now + 3 * DAY + 5 * HOUR).toISOString() : status === 'expired' ? new Date(now - 2 * DAY - HOUR).toISOString() : null;
  const base: Diagnosis = {
    status,
    checkedAt: new Date(now - 5 * 60_000).toISOString(),
    token: 'EAAQ…sBQJm',
    tokenType: lifetime === 'never_expiring' ? 'system_user' : 'user',
    tokenLifetime: lifetime,
    expiresAt,
    neverExpires: lifetime === 'never_expiring',
    expiryUnknownReason: null,
    dataAccessExpiresAt: null,
    issuedAt: null,
    appId: '1234567890123456',
    application: 'Lokanta Bot',
    scopes: ['whatsapp_business_management', 'whatsapp_business_messaging', 'business_management'],
    missingScopes: status === 'missing_permissions' ? ['whatsapp_business_messaging'] : [],
    wabaIds: ['61584672189701'],
    phone: { id: '15550051489', displayPhoneNumber: '+90 555 005 14 89', verifiedName: 'Lokanta Anadolu', qualityRating: 'GREEN' },
    helloWorld: 'approved',
    apiVersion: { configured: 'v25.0', used: 'v25.0', retired: false, retiredOn: null, retiringSoon: false, retiresOn: null, recommended: 'v25.0' },
    graphError: null,
    summary: SUMMARY[status](expiresAt),
    fix: FIX[status] ?? null,
    warnings: [],
    requests: 1,
    roundTrips: 1,
  };
  const diagnosis = { ...base, ...overrides };
  if (overrides.tokenLifetime === 'temporary' && !overrides.warnings) diagnosis.warnings = [{ key: 'diagnosis:warning.temporary_token' }];
  return diagnosis;
}

export function makeBot(overrides: Partial<BotView> & { id: string; name: string }): BotView {
  const folder = overrides.folder ?? `/home/ayse/bots/${overrides.id}`;
  const envFile = overrides.envFile ?? `${folder}/.env`;
  const tokenVariable = overrides.tokenVariable ?? 'WHATSAPP_ACCESS_TOKEN';
  return {
    folder,
    envFile,
    tokenVariable,
    phoneNumberId: '15550051489',
    wabaId: '61584672189701',
    apiVersion: 'v25.0',
    run: { mode: 'managed', command: 'python run_flask.py', cwd: null, healthUrl: null, shell: 'cmd' },
    destinations: [
      { destination: { kind: 'env', file: envFile, variable: tokenVariable }, label: `${envFile.slice(folder.length + 1)}#${tokenVariable}` },
    ],
    maskedToken: 'EAAQ…sBQJm',
    lastDiagnosis: makeDiagnosis('ok'),
    renewal: null,
    lastCheckedAt: new Date(Date.now() - 5 * 60_000).toISOString(),
    checking: false,
    process: { state: 'running', pids: [4242] },
    canRollBack: false,
    gitignore: { repository: true, ignored: true },
    ...overrides,
  };
}

/** One bot per kind of situation a dashboard has to show. */
export function sampleBots(): BotView[] {
  return [
    makeBot({ id: 'lokanta', name: 'Lokanta Anadolu' }),
    makeBot({
      id: 'hukuk',
      name: 'Hukuk Bürosu',
      lastDiagnosis: makeDiagnosis('expiring_soon', {
        phone: { id: '1', displayPhoneNumber: '+90 212 555 01 23', verifiedName: 'Yılmaz Hukuk', qualityRating: 'YELLOW' },
      }),
      run: { mode: 'custom', command: 'pm2 restart hukuk-bot', cwd: null, healthUrl: null, shell: 'cmd' },
    }),
    makeBot({
      id: 'billbyte',
      name: 'BillByteKOT',
      envFile: '/home/ayse/bots/billbyte/backend/.env',
      destinations: [
        {
          destination: { kind: 'env', file: '/home/ayse/bots/billbyte/backend/.env', variable: 'WHATSAPP_ACCESS_TOKEN' },
          label: 'backend/.env#WHATSAPP_ACCESS_TOKEN',
        },
        { destination: { kind: 'env', file: '/home/ayse/bots/billbyte/.env', variable: 'WHATSAPP_ACCESS_TOKEN' }, label: '.env#WHATSAPP_ACCESS_TOKEN' },
      ],
      lastDiagnosis: makeDiagnosis('expired', {
        phone: { id: '2', displayPhoneNumber: '+1 555 005 1489', verifiedName: 'BillByteKOT', qualityRating: 'GREEN' },
        warnings: [{ key: 'diagnosis:warning.retired_version', params: { configured: 'v18.0', recommended: 'v25.0', date: '2026-01-26' } }],
      }),
      process: { state: 'stopped', pids: [] },
      gitignore: { repository: true, ignored: false },
    }),
    makeBot({
      id: 'crm',
      name: 'متجر النور',
      lastDiagnosis: makeDiagnosis('network_error', { phone: null }),
      run: { mode: 'found', command: null, cwd: null, healthUrl: null, shell: 'cmd' },
      process: { state: 'unknown', pids: [] },
    }),
  ];
}

export function sampleDetection(folder: string): BotDetection {
  return {
    folder,
    suggestedName: 'Tevkil Proje',
    envFiles: [`${folder}/.env`, `${folder}/backend/.env`],
    envFile: `${folder}/.env`,
    tokenVariable: 'META_ACCESS_TOKEN',
    tokenCandidates: ['META_ACCESS_TOKEN', 'ACCESS_TOKEN'],
    maskedToken: 'EAAQ…sBQJm',
    phoneNumberId: { variable: 'META_PHONE_NUMBER_ID', value: '15550051489' },
    wabaId: { variable: 'META_WABA_ID', value: '61584672189701' },
    apiVersion: { variable: 'META_API_VERSION', value: 'v18.0' },
    destinations: [
      { destination: { kind: 'env', file: `${folder}/.env`, variable: 'META_ACCESS_TOKEN' }, label: '.env#META_ACCESS_TOKEN' },
      { destination: { kind: 'env', file: `${folder}/backend/.env`, variable: 'META_ACCESS_TOKEN' }, label: 'backend/.env#META_ACCESS_TOKEN' },
      {
        destination: { kind: 'json', file: `${folder}/config/whatsapp.json`, keyPath: 'whatsapp.accessToken' },
        label: 'config/whatsapp.json#whatsapp.accessToken',
      },
    ],
    start: [
      {
        command: 'python run_flask.py',
        cwd: folder,
        kind: 'python-script',
        reason: { key: 'bot:detect.reason.pythonScript', params: { file: 'run_flask.py' } },
        warnings: [],
      },
      {
        command: 'uvicorn main:app --port 8000',
        cwd: folder,
        kind: 'uvicorn',
        reason: { key: 'bot:detect.reason.uvicorn', params: { file: 'main.py', app: 'app' } },
        warnings: [{ key: 'bot:detect.warning.needsPort' }],
      },
    ],
    shell: { shell: 'cmd', reason: null },
    gitignore: { repository: true, ignored: false },
    warnings: [{ key: 'envfile:detection.ambiguous', params: { names: 'META_ACCESS_TOKEN, ACCESS_TOKEN', name: 'META_ACCESS_TOKEN' } }],
  };
}

export const BOT_LOG = [
  '2026-11-21 09:14:02 INFO  Starting Flask on 0.0.0.0:5000',
  '2026-11-21 09:14:03 INFO  Webhook verified',
  "2026-11-21 11:02:41 ERROR Error validating access token: Session has expired on Friday, 20-Nov-26 17:00:00 PST. (code 190, subcode 463)",
  '2026-11-21 11:02:41 ERROR Could not send reply to +90 5** *** ** 12',
].join('\n');
