// `wa-token-doctor status --metrics [--metrics-file FILE]`, the built command, against the Graph simulator: what
// promtool thinks of the text, the file written whole, Meta's last word kept while Meta cannot be reached, renewal
// as the app sees it, the refusals, and never a token or a secret in the output.
import { mkdir, mkdtemp, readdir, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startGraphSimulator, SIM_PHONE_NUMBER_ID, SIM_WABA_ID, type GraphSimulator, type TokenScenario, type ScenarioName } from '../../sim/graph-simulator';
import { writeBotFolder } from '../../support/bot-folder';
import { sampleValue } from '../../support/exposition';
import { assertBuilt, runCli, type CliRun } from '../cli/run-cli';
import { promtool, requirePrograms } from './prometheus-processes';

let sim: GraphSimulator;
let work: string;

beforeAll(async () => {
  requirePrograms('promtool');
  assertBuilt();
  sim = await startGraphSimulator({ newApp: true }); // Meta's 2026 rules
  work = await mkdtemp(join(tmpdir(), 'wa-metrics-'));
});
afterAll(async () => {
  await sim.close();
  await rm(work, { recursive: true, force: true });
});
afterEach(() => sim.clearFaults());

interface Fleet {
  home: string;
  tokens: string[];
}

/** Connects one bot per entry (through the CLI), each in its own folder holding a simulator token. */
async function fleet(bots: Array<{ name: string; scenario: ScenarioName | TokenScenario; moreEnv?: string }>): Promise<Fleet> {
  const root = await mkdtemp(join(work, 'fleet-'));
  const home = join(root, 'home');
  const tokens: string[] = [];
  for (const [index, bot] of bots.entries()) {
    const token = sim.newToken(bot.scenario);
    tokens.push(token);
    const folder = await writeBotFolder(join(root, `bot-${index}`), {
      '.env': `WHATSAPP_TOKEN=${token}\nPHONE_NUMBER_ID=${SIM_PHONE_NUMBER_ID}\nWHATSAPP_BUSINESS_ACCOUNT_ID=${SIM_WABA_ID}\n${bot.moreEnv ?? ''}`,
    });
    const run = await runCli(['connect', folder, '--name', bot.name], { env: { WA_TOKEN_DOCTOR_HOME: home } });
    expect(run.code, run.stderr).toBe(0);
  }
  return { home, tokens };
}

function status(home: string, args: string[], env: Record<string, string> = {}): Promise<CliRun> {
  return runCli(['status', ...args], { env: { WA_TOKEN_DOCTOR_HOME: home, WA_TOKEN_DOCTOR_GRAPH_URL: sim.url, ...env } });
}

function expectNoSecret(text: string, fleetTokens: readonly string[]): void {
  for (const token of fleetTokens) {
    expect(text).not.toContain(token);
    expect(text).not.toContain(token.slice(0, 4) + '…'); // not even masked
  }
  expect(text).not.toMatch(/EAA[A-Za-z0-9]{20,}/);
  expect(text).not.toContain(sim.app.secret);
}

const NAMES = ['Şube "Kadıköy" \\ İğdır', 'بوت المتجر', 'Eczane'];

describe('status --metrics', () => {
  it('prints every bot in a text promtool has nothing to say about, with exit code as status has it', async () => {
    const { home, tokens } = await fleet([
      { name: NAMES[0]!, scenario: { scenario: 'expiring', days: 3 } },
      { name: NAMES[1]!, scenario: 'never_expiring' },
      { name: NAMES[2]!, scenario: 'logged_out' },
    ]);
    // As the README's crontab has them: a system-user token's expiry is read with the app's credentials.
    const run = await status(home, ['--metrics'], { WA_TOKEN_DOCTOR_APP_ID: sim.app.id, WA_TOKEN_DOCTOR_APP_SECRET: sim.app.secret });
    expect(run.code).toBe(3); // one token needs renewing
    const lint = promtool(['check', 'metrics'], run.stdout);
    expect({ code: lint.code, said: lint.stdout + lint.stderr }).toEqual({ code: 0, said: '' });
    expect(sampleValue(run.stdout, 'wa_token_doctor_token_status', { bot: NAMES[0]!, status: 'expiring_soon' })).toBe(1);
    expect(sampleValue(run.stdout, 'wa_token_doctor_token_never_expires', { bot: NAMES[1]! })).toBe(1);
    expect(sampleValue(run.stdout, 'wa_token_doctor_token_status', { bot: NAMES[2]!, status: 'revoked' })).toBe(1);
    const expiry = sampleValue(run.stdout, 'wa_token_doctor_token_expiry_timestamp_seconds', { bot: NAMES[0]! })!;
    expect(expiry).toBe(sim.world.tokens.get(tokens[0]!)!.expiresAt);
    expect(sampleValue(run.stdout, 'wa_token_doctor_phone_quality_rating', { bot: NAMES[1]!, phone_number_id: SIM_PHONE_NUMBER_ID, rating: 'green' })).toBe(1);
    expectNoSecret(run.stdout + run.stderr, tokens);
  });

  it('--metrics-file replaces the file whole, readable by node_exporter, and prints nothing', async () => {
    const { home, tokens } = await fleet([{ name: 'Shop', scenario: 'never_expiring' }]);
    const folder = join(work, 'textfiles');
    await mkdir(folder, { recursive: true });
    const file = join(folder, 'wa_token_doctor.prom');
    for (let round = 0; round < 2; round += 1) {
      const run = await status(home, ['--metrics-file', file]);
      expect(run.code, run.stderr).toBe(0);
      expect(run.stdout + run.stderr).toBe('');
    }
    const text = await readFile(file, 'utf8');
    expect(promtool(['check', 'metrics'], text).code).toBe(0);
    expect(text).toContain('wa_token_doctor_bots 1\n');
    expect((await stat(file)).mode & 0o044).toBe(0o044); // the node_exporter user can read it
    expect(await readdir(folder)).toEqual(['wa_token_doctor.prom']); // no temporary file left behind
    expectNoSecret(text, tokens);
  });

  it('keeps the expiry and status Meta last gave while Meta cannot be reached, and says the check did not reach it', async () => {
    const { home } = await fleet([{ name: 'Shop', scenario: { scenario: 'expiring', days: 3 } }]);
    const first = await status(home, ['--metrics']);
    const answeredAt = sampleValue(first.stdout, 'wa_token_doctor_last_meta_answer_timestamp_seconds', { bot: 'Shop' })!;
    const expiry = sampleValue(first.stdout, 'wa_token_doctor_token_expiry_timestamp_seconds', { bot: 'Shop' });
    expect(expiry).toBeGreaterThan(Date.now() / 1000);

    sim.injectFault({ kind: 'reset' });
    const second = await status(home, ['--metrics']);
    expect(second.code).toBe(4); // could not check
    expect(sampleValue(second.stdout, 'wa_token_doctor_last_check_reached_meta', { bot: 'Shop' })).toBe(0);
    expect(sampleValue(second.stdout, 'wa_token_doctor_last_check_timestamp_seconds', { bot: 'Shop' })).toBeGreaterThan(answeredAt);
    expect(sampleValue(second.stdout, 'wa_token_doctor_last_meta_answer_timestamp_seconds', { bot: 'Shop' })).toBe(answeredAt);
    expect(sampleValue(second.stdout, 'wa_token_doctor_token_expiry_timestamp_seconds', { bot: 'Shop' })).toBe(expiry);
    expect(sampleValue(second.stdout, 'wa_token_doctor_token_status', { bot: 'Shop', status: 'expiring_soon' })).toBe(1);
  });

  it("a 60-day system-user token: its expiry and 'renews itself' need the app credentials, found as renew finds them", async () => {
    // Under Meta's 2026 rules such a token cannot read its own expiry; the app token can.
    const { home } = await fleet([
      { name: 'Shop', scenario: 'system_user_60_day' },
      { name: 'Kafe', scenario: 'system_user_60_day', moreEnv: `APP_ID=${sim.app.id}\nAPP_SECRET=${sim.app.secret}\n` },
    ]);
    const plain = await status(home, ['--metrics']);
    expect(sampleValue(plain.stdout, 'wa_token_doctor_token_renews_itself', { bot: 'Shop' })).toBe(0);
    expect(sampleValue(plain.stdout, 'wa_token_doctor_token_expiry_timestamp_seconds', { bot: 'Shop' })).toBeUndefined();
    // From the bot's own .env:
    expect(sampleValue(plain.stdout, 'wa_token_doctor_token_renews_itself', { bot: 'Kafe' })).toBe(1);
    expect(sampleValue(plain.stdout, 'wa_token_doctor_token_expiry_timestamp_seconds', { bot: 'Kafe' })).toBeGreaterThan(Date.now() / 1000 + 50 * 86_400);
    // From the cron line's environment:
    const credentials = { WA_TOKEN_DOCTOR_APP_ID: sim.app.id, WA_TOKEN_DOCTOR_APP_SECRET: sim.app.secret };
    const withCredentials = await status(home, ['--metrics'], credentials);
    expect(sampleValue(withCredentials.stdout, 'wa_token_doctor_token_renews_itself', { bot: 'Shop' })).toBe(1);
    for (const run of [plain, withCredentials]) expectNoSecret(run.stdout + run.stderr, []);
  });

  it.each([
    ['a file name node_exporter would never read', ['--metrics-file', 'metrics.txt'], /reads only files whose name ends in \.prom/],
    ['--json and --metrics together', ['--json', '--metrics'], /Choose one output: --json or --metrics/],
    ['a folder that does not exist', ['--metrics-file', '/nonexistent/folder/wa.prom'], /The folder \/nonexistent\/folder does not exist/],
  ])('refuses %s, exit 2', async (_case, args, message) => {
    const run = await status(join(work, 'empty-home'), args);
    expect(run.code).toBe(2);
    // --json holds on every path: the refusal is then the JSON error object on stdout.
    const said = args.includes('--json') ? (JSON.parse(run.stdout) as { error: { message: string } }).error.message : run.stderr;
    expect(said).toMatch(message);
  });
});
