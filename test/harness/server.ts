// `npm run harness`: the app's interface in a browser, backed by the real core and a Graph simulator.
// PORT (default 5178), WA_TOKEN_DOCTOR_HOME and WA_TOKEN_DOCTOR_GRAPH_URL are honoured; the renderer must be
// built first (`npm run build`). Prints its URL and, with its own simulator, a few tokens to paste.
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { startHarness } from './harness';

if (!existsSync(resolve(import.meta.dirname, '../../out/renderer/index.html'))) {
  console.error('The renderer is not built yet: run `npm run build` first.');
  process.exit(1);
}
const harness = await startHarness({ port: Number(process.env.PORT ?? 5178), log: (line) => console.error(line) });
console.log(`WA Token Doctor harness: ${harness.url}`);
console.log(`Data folder: ${harness.home}`);
if (harness.sim) {
  console.log(`Graph simulator: ${harness.sim.url}`);
  for (const scenario of ['never_expiring', 'sixty_day', 'temporary', 'expired', 'missing_permission'] as const) {
    console.log(`  ${scenario.padEnd(18)} ${harness.sim.newToken(scenario)}`);
  }
}
const stop = () => void harness.close().then(() => process.exit(0));
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
