// The token that is written is exactly the one Meta checked: the built CLI gets pastes with quotes, spaces and a
// CRLF on standard input, and every destination (.env, JSON, YAML, a command) receives the bare token.
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { envValues, parseEnv } from '../../../src-main/core/envfile';
import { startGraphSimulator, SIM_PHONE_NUMBER_ID, type GraphSimulator } from '../../sim/graph-simulator';
import { assertBuilt, runCli } from './run-cli';

let sim: GraphSimulator;
let work: string;

beforeAll(async () => {
  assertBuilt();
  sim = await startGraphSimulator();
  work = await mkdtemp(join(tmpdir(), 'wa-bare-'));
});
afterAll(async () => {
  await sim.close();
  await rm(work, { recursive: true, force: true });
});

const env = () => ({ WA_TOKEN_DOCTOR_GRAPH_URL: sim.url, WA_TOKEN_DOCTOR_HOME: join(work, 'home') });

describe('apply writes the bare token everywhere', () => {
  it.each([
    ['double quotes', (token: string) => `"${token}"`],
    ['single quotes', (token: string) => `'${token}'`],
    ['back quotes', (token: string) => `\`${token}\``],
    ['surrounding spaces', (token: string) => `   ${token}\t  `],
    ['a CRLF paste', (token: string) => `${token}\r\n`],
    ['quotes, inner spaces and a CRLF', (token: string) => ` " ${token} "\r\n`],
  ])('from a paste with %s', async (_what, paste) => {
    const folder = await mkdtemp(join(work, 'bot-'));
    await writeFile(join(folder, '.env'), `WHATSAPP_TOKEN=old\nPHONE_NUMBER_ID=${SIM_PHONE_NUMBER_ID}\n`);
    await writeFile(join(folder, 'config.json'), '{\n  "whatsapp": { "token": "old" }\n}\n');
    await writeFile(join(folder, 'settings.yml'), 'token: old\n');
    const token = sim.newToken('never_expiring');
    const run = await runCli(
      [
        'apply', '--env', join(folder, '.env'), '--token-stdin', '--no-keychain', '--json',
        '--dest', 'json:config.json#whatsapp.token', '--dest', 'yaml:settings.yml#token', '--dest', 'cmd:cat > from-command.txt',
      ],
      { stdin: paste(token), env: env(), cwd: folder },
    );
    expect(run.code, run.stdout + run.stderr).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ ok: true, token: `${token.slice(0, 4)}…${token.slice(-5)}` });
    expect(await readFile(join(folder, '.env'), 'utf8')).toBe(`WHATSAPP_TOKEN=${token}\nPHONE_NUMBER_ID=${SIM_PHONE_NUMBER_ID}\n`);
    expect(JSON.parse(await readFile(join(folder, 'config.json'), 'utf8'))).toEqual({ whatsapp: { token } });
    expect(await readFile(join(folder, 'settings.yml'), 'utf8')).toBe(`token: ${token}\n`);
    expect(await readFile(join(folder, 'from-command.txt'), 'utf8')).toBe(`${token}\n`);
  });
});

describe('renew writes the bare token', () => {
  it('repairs a .env that an older apply left with the quotes inside the value', async () => {
    const folder = await mkdtemp(join(work, 'bot-'));
    const old = sim.addToken(sim.newToken({ scenario: 'expiring', days: 3 }), { scenario: 'expiring', days: 3 });
    await writeFile(join(folder, '.env'), `WHATSAPP_TOKEN='"${old}"'\nPHONE_NUMBER_ID=${SIM_PHONE_NUMBER_ID}\n`);
    const run = await runCli(['renew', '--env', join(folder, '.env'), '--no-keychain', '--json'], {
      env: { ...env(), WA_TOKEN_DOCTOR_APP_ID: sim.app.id, WA_TOKEN_DOCTOR_APP_SECRET: sim.app.secret },
    });
    expect(run.code, run.stdout + run.stderr).toBe(0);
    const fresh = envValues(parseEnv(await readFile(join(folder, '.env'), 'utf8'))).get('WHATSAPP_TOKEN')!;
    expect(fresh).toMatch(/^EAA[A-Za-z0-9]+$/);
    expect(fresh).not.toBe(old);
  });
});
