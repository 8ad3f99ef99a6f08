// A bot connected on a server, without a window: `connect` once, `status` sees it, a cron `renew` that names only
// the .env uses what was stored (the restart command, every place the token lives), `disconnect` forgets it.
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { envValues, parseEnv } from '../../../src-main/core/envfile';
import { startGraphSimulator, SIM_PHONE_NUMBER_ID, SIM_WABA_ID, type GraphSimulator } from '../../sim/graph-simulator';
import { writeBotFolder } from '../../support/bot-folder';
import { assertBuilt, runCli } from './run-cli';

let sim: GraphSimulator;
let work: string;

beforeAll(async () => {
  assertBuilt();
  sim = await startGraphSimulator();
  work = await mkdtemp(join(tmpdir(), 'wa-connected-'));
});
afterAll(async () => {
  await sim.close();
  await rm(work, { recursive: true, force: true });
});

// Stands for `systemctl restart shop-bot`: a command that restarts the bot and exits, leaving a trace we can read.
const RESTART = `node -e "require('fs').appendFileSync('restarts.log', 'restarted\\n')"`;

describe('a bot connected from the command line', () => {
  it('is checked by status, renewed by a cron line naming only its .env (stored restart, every copy), and disconnected', async () => {
    const old = sim.newToken({ scenario: 'expiring', days: 3 });
    const folder = join(work, 'shop-bot');
    await writeBotFolder(folder, {
      '.env': `# shop\nWHATSAPP_TOKEN="${old}"\nPHONE_NUMBER_ID=${SIM_PHONE_NUMBER_ID}\nWABA_ID=${SIM_WABA_ID}\n`,
      'config/settings.json': `{\n  "whatsapp": { "token": "${old}", "greeting": "Merhaba" }\n}\n`,
      'app.py': 'import os\nfrom dotenv import load_dotenv\nload_dotenv()\nTOKEN = os.getenv("WHATSAPP_TOKEN")\n',
    });
    const env = { WA_TOKEN_DOCTOR_HOME: join(work, 'home'), WA_TOKEN_DOCTOR_GRAPH_URL: sim.url };

    const connect = await runCli(['connect', folder, '--restart', RESTART, '--name', 'Shop bot'], { env });
    expect(connect.code, connect.stderr).toBe(0);
    expect(connect.stdout).toMatch(/Also written to\s+config\/settings\.json#whatsapp\.token/);

    const status = await runCli(['status', '--json'], { env });
    expect(status.code).toBe(1); // expiring soon
    expect(JSON.parse(status.stdout)).toEqual([expect.objectContaining({ name: 'Shop bot', status: 'expiring_soon' })]);

    // The cron line: no --restart, no --dest.
    const renew = await runCli(['renew', '--env', join(folder, '.env'), '--no-keychain'], {
      env: { ...env, WA_TOKEN_DOCTOR_APP_ID: sim.app.id, WA_TOKEN_DOCTOR_APP_SECRET: sim.app.secret },
    });
    expect(renew.code, renew.stdout + renew.stderr).toBe(0);
    const fresh = envValues(parseEnv(await readFile(join(folder, '.env'), 'utf8'))).get('WHATSAPP_TOKEN')!;
    expect(fresh).not.toBe(old);
    expect(JSON.parse(await readFile(join(folder, 'config/settings.json'), 'utf8'))).toEqual({ whatsapp: { token: fresh, greeting: 'Merhaba' } });
    expect(await readFile(join(folder, 'restarts.log'), 'utf8')).toBe('restarted\n');
    for (const secret of [old, fresh, sim.app.secret]) expect(renew.stdout + renew.stderr).not.toContain(secret);

    const after = await runCli(['status', '--json'], { env });
    expect(after.code).toBe(0);
    expect(JSON.parse(after.stdout)).toEqual([expect.objectContaining({ name: 'Shop bot', status: 'ok' })]);

    const envBefore = await readFile(join(folder, '.env'), 'utf8');
    const disconnect = await runCli(['disconnect', 'Shop bot', '--no-keychain'], { env });
    expect(disconnect.code, disconnect.stderr).toBe(0);
    expect(await readFile(join(folder, '.env'), 'utf8')).toBe(envBefore);
    const none = await runCli(['status'], { env });
    expect(none.stdout).toContain('No bots are connected yet');
  });
});
