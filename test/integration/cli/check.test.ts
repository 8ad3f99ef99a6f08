// `wa-token-doctor check`, the built command, against the Graph simulator: JSON contract, exit codes,
// human output in three languages, and never a full token on stdout or stderr.
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { envValues, parseEnv } from '../../../src-main/core/envfile';
import { TOKEN_STATUSES } from '../../../src-main/core/graph/types';
import { translate } from '../../../src-main/core/i18n/translate';
import { startGraphSimulator, SIM_PHONE_NUMBER_ID, SIM_WABA_ID, type GraphSimulator, type ScenarioName } from '../../sim/graph-simulator';
import { REAL_WORLD_ENV_FOLDER } from '../../unit/envfile/real-world-files';
import { assertBuilt, runCli, type CliRun } from './run-cli';

let sim: GraphSimulator;
let folder: string;

beforeAll(async () => {
  assertBuilt();
  sim = await startGraphSimulator();
  folder = await mkdtemp(join(tmpdir(), 'wa-check-'));
});
afterAll(async () => {
  await sim.close();
  await rm(folder, { recursive: true, force: true });
});

async function botEnv(token: string, extra = ''): Promise<string> {
  const path = join(folder, `${Math.random().toString(36).slice(2)}.env`);
  await writeFile(path, `# bot settings\nVERIFY_TOKEN=my-verify-token\nWHATSAPP_TOKEN=${token}\nPHONE_NUMBER_ID=${SIM_PHONE_NUMBER_ID}\nWHATSAPP_BUSINESS_ACCOUNT_ID=${SIM_WABA_ID}\nVERSION=v18.0\n${extra}`);
  return path;
}

function check(args: string[], extra: { stdin?: string; env?: Record<string, string> } = {}): Promise<CliRun> {
  return runCli(['check', ...args], { stdin: extra.stdin, env: { WA_TOKEN_DOCTOR_GRAPH_URL: sim.url, ...extra.env } });
}

function expectNoToken(run: CliRun, token: string): void {
  expect(run.stdout).not.toContain(token);
  expect(run.stderr).not.toContain(token);
  expect(run.stdout + run.stderr).not.toMatch(/EAA[A-Za-z0-9]{20,}/);
}

describe('check --json', () => {
  it('prints the DESIGN.md fields for a healthy token from a .env, exit 0', async () => {
    const token = sim.newToken('never_expiring');
    const run = await check(['--env', await botEnv(token), '--json']);
    expect(run.code).toBe(0);
    const out = JSON.parse(run.stdout);
    expect(out).toMatchObject({
      status: 'ok',
      expiresAt: null,
      neverExpires: true,
      tokenType: 'system_user',
      scopes: expect.arrayContaining(['whatsapp_business_management', 'whatsapp_business_messaging']),
      missingScopes: [],
      wabaIds: [SIM_WABA_ID],
      phone: { id: SIM_PHONE_NUMBER_ID, displayPhoneNumber: '+1 555-010-0003', verifiedName: 'Example Test Shop', qualityRating: 'GREEN' },
      graphError: null,
      token: expect.stringMatching(/^EAAF…[A-Za-z0-9]{5}$/),
      source: { kind: 'env', variable: 'WHATSAPP_TOKEN' },
      apiVersion: { configured: 'v18.0', retired: true },
      exitCode: 0,
      text: { summary: 'The token works and never expires.' },
    });
    expect(TOKEN_STATUSES).toContain(out.status);
    expectNoToken(run, token);
  });

  it.each<[ScenarioName, string, number]>([
    ['expiring', 'expiring_soon', 1],
    ['temporary', 'expiring_soon', 1],
    ['expired', 'expired', 3],
    ['password_changed', 'revoked', 3],
    ['logged_out', 'revoked', 3],
    ['cannot_parse', 'malformed', 3],
    ['missing_permission', 'missing_permissions', 3],
    ['wrong_waba', 'wrong_account', 3],
  ])('%s → %s, exit %i', async (scenario, status, code) => {
    const token = sim.newToken(scenario);
    const run = await check(['--env', await botEnv(token), '--json']);
    expect(run.code).toBe(code);
    const out = JSON.parse(run.stdout);
    expect(out.status).toBe(status);
    expect(out.exitCode).toBe(code);
    if (status === 'expired') expect(out.graphError).toMatchObject({ code: 190, subcode: 463 });
    expectNoToken(run, token);
  });

  it.each([
    ['timeout', { kind: 'timeout' } as const, 'network_error'],
    ['5xx', { kind: 'server_error' } as const, 'meta_error'],
    ['rate limit', { kind: 'rate_limit', code: 80007 } as const, 'rate_limited'],
  ])('%s → %s, exit 4', async (_name, fault, status) => {
    sim.injectFault(fault);
    try {
      const token = sim.newToken('expired');
      const run = await check(['--env', await botEnv(token), '--json', '--timeout', '2']);
      expect(run.code).toBe(4);
      expect(JSON.parse(run.stdout).status).toBe(status);
    } finally {
      sim.clearFaults();
    }
  }, 30_000);

  it('an unreachable Meta → network_error, exit 4', async () => {
    const token = sim.newToken('never_expiring');
    const run = await runCli(['check', '--env', await botEnv(token), '--json'], { env: { WA_TOKEN_DOCTOR_GRAPH_URL: 'http://graph.wa-token-doctor.invalid' } });
    expect(run.code).toBe(4);
    expect(JSON.parse(run.stdout)).toMatchObject({ status: 'network_error', summary: { key: 'diagnosis:summary.network_error.dns' } });
  });

  it('reads the token from stdin and the ids from flags', async () => {
    const token = sim.newToken({ scenario: 'expiring', days: 5 });
    const run = await check(['--token-stdin', '--phone-number-id', SIM_PHONE_NUMBER_ID, '--waba-id', SIM_WABA_ID, '--json'], { stdin: `  ${token}\n` });
    expect(run.code).toBe(1);
    expect(JSON.parse(run.stdout)).toMatchObject({ status: 'expiring_soon', source: { kind: 'stdin' }, phone: { id: SIM_PHONE_NUMBER_ID } });
    expectNoToken(run, token);
  });

  it('--var picks the variable; the verify token is never taken for the token', async () => {
    const token = sim.newToken('never_expiring');
    const path = await botEnv(sim.newToken('expired'), `OTHER_TOKEN=${token}\n`);
    const chosen = await check(['--env', path, '--var', 'OTHER_TOKEN', '--json']);
    expect(JSON.parse(chosen.stdout)).toMatchObject({ status: 'ok', source: { variable: 'OTHER_TOKEN' } });
    const detected = await check(['--env', path, '--json']);
    expect(JSON.parse(detected.stdout).source.variable).toBe('WHATSAPP_TOKEN');
  });

  it('uses APP_ID / APP_SECRET from the .env as the debug_token caller', async () => {
    const token = sim.newToken({ scenario: 'expired', selfInspection: 'error' });
    sim.resetRequests();
    const run = await check(['--env', await botEnv(token, `APP_ID=${sim.app.id}\nAPP_SECRET=${sim.app.secret}\n`), '--json']);
    expect(JSON.parse(run.stdout)).toMatchObject({ status: 'expired', tokenType: 'user' });
    expect(run.stdout + run.stderr).not.toContain(sim.app.secret);
    // The inspected token is in debug_token's URL (Meta takes it nowhere else); the app secret never is.
    expect(sim.requests.map((request) => request.urlSecrets)).toEqual(sim.requests.map((request) => (request.kind === 'debug_token' ? ['input_token'] : [])));
  });
});

describe('human output', () => {
  it('explains in English, without colour when not a terminal', async () => {
    const token = sim.newToken('expired');
    const run = await check(['--env', await botEnv(token)]);
    expect(run.code).toBe(3);
    expect(run.stdout).toContain('Expired');
    expect(run.stdout).toContain('What to do:');
    expect(run.stdout).toContain('System users');
    expect(run.stdout).not.toContain('\u001b[');
    expectNoToken(run, token);
  });

  it('speaks Turkish and Arabic', async () => {
    const token = sim.newToken('password_changed');
    const path = await botEnv(token);
    const tr = await check(['--env', path], { env: { WA_TOKEN_DOCTOR_LANG: 'tr' } });
    expect(tr.stdout).toContain('İptal edildi');
    expect(tr.stdout).toContain('şifresi değiştirildiği');
    const ar = await check(['--env', path], { env: { WA_TOKEN_DOCTOR_LANG: 'ar' } });
    expect(ar.stdout).toContain('ملغى');
    expectNoToken(tr, token);
    expectNoToken(ar, token);
  });

  it('never tells a terminal to paste the token "here": it says how to pipe it to apply, in every language', async () => {
    for (const token of [sim.newToken('expired'), `${sim.newToken('never_expiring').slice(0, 60)}...`]) {
      const path = await botEnv(token);
      for (const language of ['en', 'tr', 'ar'] as const) {
        const run = await check(['--env', path], { env: { WA_TOKEN_DOCTOR_LANG: language } });
        expect(run.code).toBe(3);
        expect(run.stdout).not.toMatch(/paste|yapıştır|الصق/i);
        expect(run.stdout).toContain(translate(language, { key: 'cli:check.next_step', params: { env: path } }));
      }
    }
  });

  it("gives the phone's quality rating in the reader's words, never Meta's bare GREEN", async () => {
    const path = await botEnv(sim.newToken('never_expiring'));
    const json = JSON.parse((await check(['--env', path, '--json'])).stdout) as { phone: { qualityRating: string } };
    expect(json.phone.qualityRating).toBe('GREEN');
    for (const language of ['en', 'tr', 'ar'] as const) {
      const run = await check(['--env', path], { env: { WA_TOKEN_DOCTOR_LANG: language } });
      expect(run.stdout).toContain(translate(language, { key: 'cli:check.value.quality', params: { rating: translate(language, { key: 'dashboard:quality.high' }) } }));
      expect(run.stdout).not.toContain('GREEN');
    }
  });

  it('warns about the retired API version the bot pins', async () => {
    const run = await check(['--env', await botEnv(sim.newToken('never_expiring'))]);
    expect(run.stdout).toMatch(/v18\.0, which Meta stopped serving on January 26, 2026/);
  });
});

describe('bad usage → exit 2', () => {
  it.each([
    [[], 'Say where the token is'],
    [['--bogus'], 'There is no option --bogus.'],
    [['--env', '/nonexistent/.env'], 'There is no file at /nonexistent/.env'],
    [['--var', 'X'], '--var names a variable'],
    [['--token-stdin', '--waba-id', 'abc'], '--waba-id takes'],
    [['--token-stdin'], 'Nothing came in on standard input'],
    [['--token-stdin', '--timeout', 'soon'], '--timeout takes a number of seconds'],
  ])('check %j', async (args, message) => {
    const run = await check(args as string[]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(message);
    expect(run.stdout).toBe('');
  });

  it('an unknown command and no command', async () => {
    expect((await runCli(['frobnicate'])).code).toBe(2);
    const none = await runCli([]);
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('check');
    const help = await runCli(['check', '--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('--token-stdin');
  });

  it('a token pasted as an argument by mistake is masked in the error', async () => {
    const token = sim.newToken('never_expiring');
    const run = await check([token]);
    expect(run.code).toBe(2);
    expectNoToken(run, token);
  });
});

describe('every real-world .env (test/fixtures/real-world/env)', () => {
  it('finds the token variable each bot uses, and never prints its value', async () => {
    const names = (await readdir(REAL_WORLD_ENV_FOLDER)).filter((name) => name.endsWith('.env')).sort();
    expect(names.length).toBeGreaterThan(20);
    const results = await Promise.all(
      names.map(async (name) => {
        const path = join(REAL_WORLD_ENV_FOLDER, name);
        const meta = JSON.parse(await readFile(path.replace(/\.env$/, '.meta.json'), 'utf8')) as { token_var: string | null };
        const run = await check(['--env', path, '--json']);
        return { name, meta, run, values: envValues(parseEnv(await readFile(path, 'utf8'))) };
      }),
    );
    for (const { name, meta, run, values } of results) {
      if (meta.token_var === null) {
        expect(run.code, `${name}: ${run.stderr}`).toBe(2);
        continue;
      }
      expect(run.code, `${name}: ${run.stderr}`).toBe(3); // fake tokens: Meta (the simulator) cannot parse them
      const out = JSON.parse(run.stdout);
      expect(out.source.variable, name).toBe(meta.token_var);
      const secret = values.get(meta.token_var) ?? '';
      if (secret.length >= 16) expect(run.stdout + run.stderr, name).not.toContain(secret);
    }
  }, 60_000);
});
