// Issue 7's promise: a token goes to every place the bot reads it, or to none. When one destination fails, the
// ones already written are put back byte for byte, the keychain is restored, and nothing restarts.
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Destination } from '../../../src-main/core/destinations';
import { EnvBackups } from '../../../src-main/core/envfile';
import { renewToken } from '../../../src-main/core/renew/pipeline';
import { planRenewal } from '../../../src-main/core/renew/plan';
import { MemoryVault, botAccount } from '../../../src-main/core/vault';
import { startGraphSimulator, SIM_PHONE_NUMBER_ID, type GraphSimulator } from '../../sim/graph-simulator';

let sim: GraphSimulator;
beforeAll(async () => {
  sim = await startGraphSimulator();
});
afterAll(async () => {
  await sim.close();
});

async function botWithThreePlaces(oldToken: string) {
  const folder = await mkdtemp(join(tmpdir(), 'all-or-nothing-'));
  const files = {
    env: join(folder, '.env'),
    yaml: join(folder, 'config.yml'),
    json: join(folder, 'settings.json'),
  };
  await writeFile(files.env, `# bot\r\nWHATSAPP_TOKEN="${oldToken}"\r\nPHONE_NUMBER_ID=${SIM_PHONE_NUMBER_ID}\r\n`);
  await writeFile(files.yaml, `whatsapp:\n  # the token\n  token: '${oldToken}'  # keep\n  phone: "${SIM_PHONE_NUMBER_ID}"\n`);
  await writeFile(files.json, `{\n    "whatsapp": { "accessToken": "${oldToken}" }\n}\n`);
  return { folder, files };
}

describe('renewal with several destinations', () => {
  it('writes all of them, changing only the token in each', async () => {
    const oldToken = sim.newToken('expired');
    const newToken = sim.newToken('never_expiring');
    const { folder, files } = await botWithThreePlaces(oldToken);
    const before = { env: await readFile(files.env, 'utf8'), yaml: await readFile(files.yaml, 'utf8'), json: await readFile(files.json, 'utf8') };
    const destinations: Destination[] = [
      { kind: 'env', file: files.env, variable: 'WHATSAPP_TOKEN' },
      { kind: 'yaml', file: files.yaml, keyPath: 'whatsapp.token' },
      { kind: 'json', file: files.json, keyPath: 'whatsapp.accessToken' },
    ];
    const home = await mkdtemp(join(tmpdir(), 'all-or-nothing-home-'));
    const report = await renewToken(
      planRenewal(newToken, {
        botId: 'three',
        folder,
        destinations,
        run: null,
        facts: { phoneNumberId: SIM_PHONE_NUMBER_ID },
        vault: new MemoryVault(),
        backups: new EnvBackups({ dataHome: home }),
        dataHome: home,
        graph: { graphUrl: sim.url },
      }),
    );
    expect(report.ok).toBe(true);
    expect(report.steps.filter((step) => step.step === 'write').map((step) => [step.target, step.state])).toEqual([
      ['.env#WHATSAPP_TOKEN', 'done'],
      ['config.yml#whatsapp.token', 'done'],
      ['settings.json#whatsapp.accessToken', 'done'],
    ]);
    for (const kind of ['env', 'yaml', 'json'] as const) {
      expect(await readFile(files[kind], 'utf8')).toBe(before[kind].replace(oldToken, newToken));
    }
  });

  it('puts every written place back, restores the keychain and restarts nothing when one fails', async () => {
    const oldToken = sim.newToken('expired');
    const newToken = sim.newToken('never_expiring');
    const { folder, files } = await botWithThreePlaces(oldToken);
    const before = { env: await readFile(files.env, 'utf8'), yaml: await readFile(files.yaml, 'utf8'), json: await readFile(files.json, 'utf8') };
    const vault = new MemoryVault();
    await vault.setSecret(botAccount('three'), oldToken);
    let restarted = false;
    const home = await mkdtemp(join(tmpdir(), 'all-or-nothing-home-'));
    const plan = planRenewal(newToken, {
      botId: 'three',
      folder,
      destinations: [
        { kind: 'env', file: files.env, variable: 'WHATSAPP_TOKEN' },
        { kind: 'yaml', file: files.yaml, keyPath: 'whatsapp.token' },
        // No such key: the JSON destination fails after the other two were written.
        { kind: 'json', file: files.json, keyPath: 'telegram.token' },
      ],
      run: { mode: 'custom', command: 'true', cwd: folder },
      facts: { phoneNumberId: SIM_PHONE_NUMBER_ID },
      vault,
      backups: new EnvBackups({ dataHome: home }),
      dataHome: home,
      graph: { graphUrl: sim.url },
    });
    const restart = plan.restart!;
    const report = await renewToken({ ...plan, restart: () => ((restarted = true), restart()) });

    expect(report.outcome).toBe('write_failed');
    expect(report.steps.map((step) => [step.step, step.target, step.state])).toEqual([
      ['validate', null, 'done'],
      ['keychain', null, 'skipped'],
      ['write', '.env#WHATSAPP_TOKEN', 'skipped'],
      ['write', 'config.yml#whatsapp.token', 'skipped'],
      ['write', 'settings.json#telegram.token', 'failed'],
      ['restart', null, 'skipped'],
      ['verify', null, 'skipped'],
    ]);
    for (const kind of ['env', 'yaml', 'json'] as const) expect(await readFile(files[kind], 'utf8')).toBe(before[kind]);
    expect(await vault.getSecret(botAccount('three'))).toBe(oldToken);
    expect(restarted).toBe(false);
    expect(JSON.stringify(report.steps)).not.toContain(newToken);
  });
});
