// Every way the built CLI can refuse: option mistakes said in the reader's language (no parser English inside a
// Turkish or Arabic line), --json answered with one JSON object on stdout whatever went wrong, and standard input
// capped so that an endless pipe ends in exit 2 without being read.
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Language } from '../../../assets/locales';
import { translate } from '../../../src-main/core/i18n/translate';
import { startGraphSimulator, SIM_PHONE_NUMBER_ID, type GraphSimulator } from '../../sim/graph-simulator';
import { assertBuilt, CLI_PATH, runCli, runShell, type CliRun } from './run-cli';

let sim: GraphSimulator;
let work: string;
let envPath: string;

beforeAll(async () => {
  assertBuilt();
  sim = await startGraphSimulator();
  work = await mkdtemp(join(tmpdir(), 'wa-failures-'));
  envPath = join(work, '.env');
  await writeFile(envPath, `WHATSAPP_TOKEN=${sim.newToken({ scenario: 'expiring', days: 3 })}\nPHONE_NUMBER_ID=${SIM_PHONE_NUMBER_ID}\n`);
});
afterAll(async () => {
  await sim.close();
  await rm(work, { recursive: true, force: true });
});

const baseEnv = () => ({ WA_TOKEN_DOCTOR_GRAPH_URL: sim.url, WA_TOKEN_DOCTOR_HOME: join(work, 'home') });
const say = (language: Language, key: string, params: Record<string, string | number> = {}) => translate(language, { key, params });
/** What node:util's parseArgs says, in English, about bad flags. */
const PARSER_ENGLISH = /Unknown option|argument is ambiguous|Unexpected argument|Option '|does not take an argument|allowPositionals/;

describe('option mistakes, in the reader language', () => {
  const cases: Array<[string, string[], string, Record<string, string>]> = [
    ['a misspelt option', ['check', '--envv', '.env'], 'cli:errors.unknown_option_suggestion', { option: '--envv', suggestion: '--env' }],
    ['an unknown option', ['status', '--everything'], 'cli:errors.unknown_option', { option: '--everything' }],
    ['an unknown short option', ['check', '-q'], 'cli:errors.unknown_option', { option: '-q' }],
    ['an option without its value', ['apply', '--env'], 'cli:errors.option_needs_value', { option: '--env' }],
    ['an option whose value is another option', ['check', '--env', '--token-stdin'], 'cli:errors.option_needs_value', { option: '--env' }],
    ['a value given to a yes/no option', ['check', '--json=yes'], 'cli:errors.option_takes_no_value', { option: '--json' }],
    ['a stray word', ['check', 'EAAsomething'], 'cli:errors.unexpected_argument', {}],
  ];
  for (const language of ['en', 'tr', 'ar'] as const) {
    it.each(cases)(`${language}: %s`, async (_what, args, key, params) => {
      const run = await runCli(args, { env: { ...baseEnv(), WA_TOKEN_DOCTOR_LANG: language } });
      expect(run.code).toBe(2);
      expect(run.stdout).toBe('');
      expect(run.stderr).toContain(say(language, key, params));
      expect(run.stderr).toContain(say(language, 'cli:errors.see_help', { command: args[0]! }));
      expect(run.stderr).not.toMatch(PARSER_ENGLISH);
    });
  }
});

/** Runs a failing command with --json and checks the one object it printed; returns it. */
async function failsAsJson(run: CliRun, code: string, exitCode: number, messageKey: string, params: Record<string, string | number> = {}) {
  expect(run.code, run.stdout + run.stderr).toBe(exitCode);
  expect(run.stderr).toBe('');
  const out = JSON.parse(run.stdout) as { ok: boolean; exitCode: number; error: { code: string; message: string }; language: string };
  expect(out).toMatchObject({ ok: false, exitCode, error: { code, message: translate('tr', { key: messageKey, params }) }, language: 'tr' });
  return out;
}

describe('--json on every path', () => {
  const tr = () => ({ ...baseEnv(), WA_TOKEN_DOCTOR_LANG: 'tr' });

  it('answers usage mistakes with one JSON object on stdout', async () => {
    await failsAsJson(await runCli(['check', '--envv', '.env', '--json'], { env: tr() }), 'unknown_option', 2, 'cli:errors.unknown_option_suggestion', {
      option: '--envv',
      suggestion: '--env',
    });
    await failsAsJson(await runCli(['chek', '--json'], { env: tr() }), 'unknown_command', 2, 'cli:errors.unknown_command', { command: 'chek' });
    await failsAsJson(await runCli(['apply', '--env', envPath, '--json'], { env: tr() }), 'apply_needs_stdin', 2, 'cli:errors.apply_needs_stdin');
    await failsAsJson(await runCli(['renew', '--json', '--', 'x'], { env: tr() }), 'unexpected_argument', 2, 'cli:errors.unexpected_argument');
  });

  it('answers bad input with one JSON object on stdout', async () => {
    const missing = join(work, 'no-such.env');
    await failsAsJson(await runCli(['check', '--env', missing, '--json'], { env: tr() }), 'env_not_found', 2, 'envfile:errors.not_found', { path: missing });
    await failsAsJson(await runCli(['check', '--token-stdin', '--json'], { env: tr(), stdin: '' }), 'stdin_empty', 2, 'cli:errors.stdin_empty');
    const noCredentials = await runCli(['renew', '--env', envPath, '--no-keychain', '--json'], { env: tr() });
    await failsAsJson(noCredentials, 'renew_needs_app_credentials', 2, 'cli:errors.renew_needs_app_credentials');
  });

  it('answers a failed exchange with one JSON object on stdout', async () => {
    const run = await runCli(['renew', '--env', envPath, '--no-keychain', '--json'], {
      env: { ...tr(), WA_TOKEN_DOCTOR_GRAPH_URL: 'http://127.0.0.1:9', WA_TOKEN_DOCTOR_APP_ID: sim.app.id, WA_TOKEN_DOCTOR_APP_SECRET: sim.app.secret },
    });
    expect(run.code).toBe(4);
    expect(run.stderr).toBe('');
    const out = JSON.parse(run.stdout) as { ok: boolean; exitCode: number; error: { code: string; message: string } };
    expect(out).toMatchObject({ ok: false, exitCode: 4, command: 'renew' });
    expect(out.error.code).toMatch(/^exchange_/);
    expect(out.error.message).not.toBe('');
    expect(run.stdout).not.toContain(sim.app.secret);
  });
});

describe('standard input is capped', () => {
  it('ends an endless pipe with exit 2 without reading it, and changes nothing', async () => {
    const before = await readFile(envPath, 'utf8');
    // `yes` never ends: had the CLI read everything, this would never return.
    const shell = `yes EAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA | "${process.execPath}" "${CLI_PATH}" apply --env "${envPath}" --token-stdin --no-keychain --json`;
    const run = await runShell(shell, { ...baseEnv(), WA_TOKEN_DOCTOR_LANG: 'ar' });
    expect(run.code).toBe(2);
    const out = JSON.parse(run.stdout) as { error: { code: string; message: string } };
    expect(out.error).toEqual({ code: 'stdin_too_large', message: translate('ar', { key: 'cli:errors.stdin_too_large', params: { kilobytes: 16 } }) });
    expect(await readFile(envPath, 'utf8')).toBe(before);
  });

  it('still takes a token with room to spare', async () => {
    const token = sim.newToken('never_expiring');
    const run = await runCli(['check', '--token-stdin', '--json'], { env: baseEnv(), stdin: `${token}\n` });
    expect(run.code, run.stderr).toBe(0);
  });
});
