// The diagnosis against the simulator with 100 ms per request: one round trip of waiting, with a batch and without
// one (the same reads as parallel requests, as where Meta refuses batches), next to the same checks made one call
// after another (debug_token, phone number, WABA numbers, templates), as the seed guides' test scripts do.
// Target: wall time ≤ 1.3 × one round trip, both ways.
import { diagnoseToken } from '../../../src-main/core/graph';
import { graphCall, openGraphSession } from '../../../src-main/core/graph/client';
import { debugTokenCall, PHONE_FIELDS } from '../../../src-main/core/graph/diagnosis-requests';
import { startGraphSimulator, SIM_PHONE_NUMBER_ID, SIM_WABA_ID } from '../../sim/graph-simulator';
import type { Figure } from '../types';

export const title = 'Diagnosis: one round trip (simulator, 100 ms per request)';

const LATENCY_MS = 100;
const RUNS = 7;
const TARGET_RATIO = 1.3;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

async function timed<T>(work: () => Promise<T>): Promise<{ ms: number; result: T }> {
  const started = performance.now();
  const result = await work();
  return { ms: performance.now() - started, result };
}

export default async function diagnosisBench(): Promise<Figure[]> {
  // Meta's 2026 rules: a new app, the token Business Settings makes today, asked about by the app itself.
  const sim = await startGraphSimulator({ newApp: true });
  try {
    const token = sim.newToken('system_user_60_day');
    const appCredentials = { appId: sim.app.id, appSecret: sim.app.secret };
    const facts = { phoneNumberId: SIM_PHONE_NUMBER_ID, wabaId: SIM_WABA_ID };
    const graphUrl = sim.url;

    const oneRequest = () => graphCall(openGraphSession({ graphUrl }), { method: 'GET', path: SIM_PHONE_NUMBER_ID, query: { fields: PHONE_FIELDS }, bearer: token });
    const diagnosis = () => diagnoseToken(token, facts, { graphUrl, appCredentials });
    const withoutBatch = () => diagnoseToken(token, facts, { graphUrl, appCredentials, batch: false });
    const oneAfterAnother = async () => {
      const session = openGraphSession({ graphUrl });
      const calls = [
        () => debugTokenCall(session, token, appCredentials),
        () => graphCall(session, { method: 'GET', path: SIM_PHONE_NUMBER_ID, query: { fields: PHONE_FIELDS }, bearer: token }),
        () => graphCall(session, { method: 'GET', path: `${SIM_WABA_ID}/phone_numbers`, bearer: token }),
        () => graphCall(session, { method: 'GET', path: `${SIM_WABA_ID}/message_templates`, query: { name: 'hello_world' }, bearer: token }),
      ];
      let requests = 0;
      for (const call of calls) requests += (await call()).attempts;
      return { requests, roundTrips: calls.length };
    };

    // Warm the connections so every variant pays the same (no TCP setup in the figures).
    await oneRequest();
    await diagnosis();
    await withoutBatch();
    await oneAfterAnother();
    sim.setLatency(LATENCY_MS);

    const single: number[] = [];
    const full: number[] = [];
    const parallel: number[] = [];
    const sequential: number[] = [];
    let last = await diagnosis();
    let lastParallel = await withoutBatch();
    let lastSequential = { requests: 0, roundTrips: 0 };
    for (let run = 0; run < RUNS; run += 1) {
      single.push((await timed(oneRequest)).ms);
      const measured = await timed(diagnosis);
      full.push(measured.ms);
      last = measured.result;
      const unbatched = await timed(withoutBatch);
      parallel.push(unbatched.ms);
      lastParallel = unbatched.result;
      const seq = await timed(oneAfterAnother);
      sequential.push(seq.ms);
      lastSequential = seq.result;
    }
    for (const result of [last, lastParallel]) {
      if (result.status !== 'ok') throw new Error(`the diagnosis said ${result.status}, expected ok`);
    }

    const roundTrip = median(single);
    const fullMs = median(full);
    const sequentialMs = median(sequential);
    const ratio = fullMs / roundTrip;
    const parallelMs = median(parallel);
    const parallelRatio = parallelMs / roundTrip;
    return [
      { name: 'One round trip (a single request)', value: roundTrip, unit: 'ms' },
      { name: 'Full diagnosis (batch): requests', value: last.requests, unit: '' },
      { name: 'Full diagnosis (batch): round trips', value: last.roundTrips, unit: '', target: 1, ok: last.roundTrips === 1 },
      { name: 'Full diagnosis (batch): wall time', value: fullMs, unit: 'ms' },
      { name: 'Full diagnosis (batch) ÷ one round trip', value: ratio, unit: '×', target: TARGET_RATIO, ok: ratio <= TARGET_RATIO },
      { name: 'Without batch (parallel reads): requests', value: lastParallel.requests, unit: '' },
      { name: 'Without batch (parallel reads): round trips', value: lastParallel.roundTrips, unit: '', target: 1, ok: lastParallel.roundTrips === 1 },
      { name: 'Without batch (parallel reads): wall time', value: parallelMs, unit: 'ms' },
      { name: 'Without batch ÷ one round trip', value: parallelRatio, unit: '×', target: TARGET_RATIO, ok: parallelRatio <= TARGET_RATIO },
      { name: 'One call after another: requests', value: lastSequential.requests, unit: '' },
      { name: 'One call after another: round trips', value: lastSequential.roundTrips, unit: '' },
      { name: 'One call after another: wall time', value: sequentialMs, unit: 'ms' },
      { name: 'One call after another ÷ one round trip', value: sequentialMs / roundTrip, unit: '×' },
    ];
  } finally {
    await sim.close();
  }
}
