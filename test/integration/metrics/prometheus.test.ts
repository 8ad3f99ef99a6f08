// The whole server set-up with the real parts: bots connected with the CLI, `status --metrics-file` in
// node_exporter's textfile folder, node_exporter serving it, a local Prometheus scraping it with the shipped rules.
// Prometheus' HTTP API gives back each bot's expiry as Meta (the simulator) set it, every name exactly as the owner
// wrote it, the rules loaded, and the alerts of the dead and the expiring token.
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ProfileStore } from '../../../src-main/core/profiles/profile-store';
import { startGraphSimulator, SIM_PHONE_NUMBER_ID, SIM_WABA_ID, type GraphSimulator, type ScenarioName, type TokenScenario } from '../../sim/graph-simulator';
import { writeBotFolder } from '../../support/bot-folder';
import { assertBuilt, runCli } from '../cli/run-cli';
import {
  prometheusApi,
  queryPrometheus,
  requirePrograms,
  startNodeExporter,
  startPrometheus,
  waitFor,
  type PromSample,
  type RunningServer,
} from './prometheus-processes';

const RULES = fileURLToPath(new URL('../../../assets/prometheus/wa-token-doctor.rules.yml', import.meta.url));

let sim: GraphSimulator;
let work: string;
let nodeExporter: RunningServer | undefined;
let prometheus: RunningServer | undefined;

interface Bot {
  name: string;
  scenario: ScenarioName | TokenScenario;
  token?: string;
  id?: string;
}

// Names an owner may well give: quotes, a backslash, Turkish and Arabic letters; one with a line break (the app's
// form or a hand-edited bots.json can hold one, the CLI refuses it) is set in the profile below.
const BOTS: Bot[] = [
  // A temporary token (the classic "the bot went silent the next day"): it cannot renew itself.
  { name: 'Şube "Kadıköy" \\ İğdır', scenario: { scenario: 'temporary', hours: 20 } },
  { name: 'بوت المتجر', scenario: 'never_expiring' },
  { name: 'Eczane', scenario: 'expired' },
];
const NAME_WITH_LINE_BREAK = 'Eczane\nNöbetçi';

beforeAll(async () => {
  requirePrograms('prometheus', 'prometheus-node-exporter');
  assertBuilt();
  sim = await startGraphSimulator({ newApp: true }); // Meta's 2026 rules
  work = await mkdtemp(join(tmpdir(), 'wa-prometheus-'));
});
afterAll(async () => {
  await prometheus?.stop();
  await nodeExporter?.stop();
  await sim?.close();
  await rm(work, { recursive: true, force: true });
});

function byBotId(samples: readonly PromSample[], id: string): PromSample | undefined {
  return samples.find((sample) => sample.metric.bot_id === id);
}

describe('Prometheus reads what the CLI wrote', () => {
  it('returns the expiry of a connected bot, its labels intact, with the rules loaded and the right alerts', async () => {
    const home = join(work, 'home');
    const env = { WA_TOKEN_DOCTOR_HOME: home, WA_TOKEN_DOCTOR_GRAPH_URL: sim.url };
    for (const [index, bot] of BOTS.entries()) {
      bot.token = sim.newToken(bot.scenario);
      const folder = await writeBotFolder(join(work, `bot-${index}`), {
        '.env': `WHATSAPP_TOKEN=${bot.token}\nPHONE_NUMBER_ID=${SIM_PHONE_NUMBER_ID}\nWHATSAPP_BUSINESS_ACCOUNT_ID=${SIM_WABA_ID}\n`,
      });
      const run = await runCli(['connect', folder, '--name', bot.name, '--json'], { env });
      expect(run.code, run.stderr).toBe(0);
      bot.id = JSON.parse(run.stdout).bot.id;
    }
    const store = await ProfileStore.open(home);
    await store.updateBot(BOTS[2]!.id!, { name: NAME_WITH_LINE_BREAK });

    const textfiles = join(work, 'node-exporter');
    await mkdir(textfiles);
    // As the README's crontab has it, with the app's credentials (a system-user token's expiry needs them).
    const cron = { ...env, WA_TOKEN_DOCTOR_APP_ID: sim.app.id, WA_TOKEN_DOCTOR_APP_SECRET: sim.app.secret };
    const status = await runCli(['status', '--metrics-file', join(textfiles, 'wa_token_doctor.prom')], { env: cron });
    expect(status.code, status.stderr).toBe(3); // the expired one needs renewing

    nodeExporter = await startNodeExporter(textfiles);
    const dataDir = join(work, 'prometheus');
    await mkdir(dataDir);
    prometheus = await startPrometheus({ target: new URL(nodeExporter.url).host, ruleFiles: [RULES], dataDir });
    const server = prometheus;

    const expiries = await waitFor('the expiry series in Prometheus', async () => {
      const result = await queryPrometheus(server, 'wa_token_doctor_token_expiry_timestamp_seconds');
      return byBotId(result, BOTS[0]!.id!) ? result : null;
    });
    const expiring = byBotId(expiries, BOTS[0]!.id!)!;
    expect(Number(expiring.value[1])).toBe(sim.world.tokens.get(BOTS[0]!.token!)!.expiresAt);
    expect(expiring.metric).toMatchObject({ bot: BOTS[0]!.name, phone_number_id: SIM_PHONE_NUMBER_ID, waba_id: SIM_WABA_ID, job: 'node' });
    expect(byBotId(expiries, BOTS[1]!.id!)).toBeUndefined(); // never expires: no expiry series

    const names = await queryPrometheus(server, 'wa_token_doctor_bot_connected_timestamp_seconds');
    expect(names.map((sample) => sample.metric.bot).sort()).toEqual([BOTS[0]!.name, BOTS[1]!.name, NAME_WITH_LINE_BREAK].sort());
    expect(await queryPrometheus(server, 'wa_token_doctor_bots')).toEqual([expect.objectContaining({ value: [expect.any(Number), '3'] })]);
    const neverExpires = await queryPrometheus(server, 'wa_token_doctor_token_never_expires == 1');
    expect(neverExpires.map((sample) => sample.metric.bot)).toEqual([BOTS[1]!.name]);

    const rules = await prometheusApi<{ groups: Array<{ rules: Array<{ name: string; health: string }> }> }>(server, 'rules');
    expect(rules.groups.flatMap((group) => group.rules).map((rule) => [rule.name, rule.health])).toEqual([
      ['WhatsAppTokenExpiresSoon', 'ok'],
      ['WhatsAppTokenDead', 'ok'],
      ['WhatsAppTokenChecksNotReachingMeta', 'ok'],
      ['WhatsAppPhoneQualityRed', 'ok'],
    ]);
    const alerts = await waitFor('the alerts of the dead and the expiring token', async () => {
      const { alerts: current } = await prometheusApi<{ alerts: Array<{ labels: Record<string, string>; state: string }> }>(server, 'alerts');
      return current.length >= 2 ? current : null;
    });
    expect(alerts.map((alert) => [alert.labels.alertname, alert.labels.bot, alert.state]).sort()).toEqual(
      [
        ['WhatsAppTokenDead', NAME_WITH_LINE_BREAK, 'firing'],
        ['WhatsAppTokenExpiresSoon', BOTS[0]!.name, 'pending'], // fires after 30 minutes
      ].sort(),
    );
  });
});
