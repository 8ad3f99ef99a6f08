// Runs the Graph simulator on its own (`npx tsx test/sim/serve.ts`, `PORT=8765` to fix the port, `NEW_APP=1` for
// Meta's 2026 rules, `REQUIRE_APP_SECRET=1`, `REFUSE_BATCH=1`) with a few demo tokens, for trying the CLI or the app
// by hand: WA_TOKEN_DOCTOR_GRAPH_URL=<url> wa-token-doctor check …
import { startGraphSimulator, SIM_PHONE_NUMBER_ID, SIM_WABA_ID, type ScenarioName } from './graph-simulator';

const sim = await startGraphSimulator({
  port: process.env.PORT ? Number(process.env.PORT) : 0,
  latencyMs: process.env.LATENCY_MS ? Number(process.env.LATENCY_MS) : 0,
  newApp: process.env.NEW_APP === '1',
  requireAppSecretProof: process.env.REQUIRE_APP_SECRET === '1',
  refuseBatch: process.env.REFUSE_BATCH === '1',
});

const demos: ScenarioName[] = ['never_expiring', 'system_user_60_day', 'sixty_day', 'expiring', 'temporary', 'expired', 'password_changed', 'logged_out', 'missing_permission', 'wrong_waba'];
console.log(`Graph simulator listening on ${sim.url}`);
console.log(`  export WA_TOKEN_DOCTOR_GRAPH_URL=${sim.url}`);
console.log(`  phone-number id ${SIM_PHONE_NUMBER_ID}, WABA id ${SIM_WABA_ID}, app ${sim.app.id} (secret ${sim.app.secret})`);
console.log('Demo tokens (fake):');
for (const scenario of demos) console.log(`  ${scenario.padEnd(20)} ${sim.newToken(scenario, `DEMO${scenario}`)}`);
console.log('Ctrl+C stops it.');

const stop = (): void => {
  void sim.close().then(() => process.exit(0));
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
