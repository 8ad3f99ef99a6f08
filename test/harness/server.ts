// `npm run harness`: the app's interface in a browser, backed by the real core and a Graph simulator.
// PORT (default 5178), WA_TOKEN_DOCTOR_HOME and WA_TOKEN_DOCTOR_GRAPH_URL are honoured; the renderer must be
// built first (`npm run build`). Prints its URL and, with its own simulator, a few tokens to paste.
// Ctrl+C, a kill, or the end of the process that started it (npm) stops it and removes its throwaway data folder.
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { startHarness } from './harness';

if (!existsSync(resolve(import.meta.dirname, '../../out/renderer/index.html'))) {
  console.error('The renderer is not built yet: run `npm run build` first.');
  process.exit(1);
}
// Signals are handled from the first moment, so a Ctrl+C during start-up still cleans up.
let stopRequested = false;
let stopNow: (() => void) | null = null;
const stop = () => {
  stopRequested = true;
  stopNow?.();
};
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.on(signal, stop);
// Killing `npm run harness` by its PID kills npm (and the shell it ran) but not always us: notice the orphaning.
const parent = process.ppid;
setInterval(() => {
  if (process.ppid !== parent) stop();
}, 500).unref();

const harness = await startHarness({ port: Number(process.env.PORT ?? 5178), log: (line) => console.error(line) });
stopNow = () => {
  stopNow = null;
  void harness.close().finally(() => process.exit(0));
};
if (stopRequested) stopNow();

console.log(`WA Token Doctor harness: ${harness.url}`);
console.log(`Data folder: ${harness.home}`);
if (harness.sim) {
  console.log(`Graph simulator: ${harness.sim.url}`);
  for (const scenario of ['never_expiring', 'sixty_day', 'temporary', 'expired', 'missing_permission'] as const) {
    console.log(`  ${scenario.padEnd(18)} ${harness.sim.newToken(scenario)}`);
  }
}
