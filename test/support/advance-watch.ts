// Moves a fake clock under a watch whose checks and renewals do real work (HTTP to the simulator, real files, bot
// restarts): an hour at a time, letting each round finish (no check under way) before going on.
import type { Watch } from '../../src-main/core/monitor';
import { HOUR } from '../../src-main/core/monitor/settings';
import type { FakeClock } from './fake-clock';

export async function advanceWatch(clock: FakeClock, watch: Watch, ms: number): Promise<void> {
  for (let done = 0; done < ms; done += HOUR) {
    await clock.advance(Math.min(HOUR, ms - done));
    const deadline = Date.now() + 30_000;
    while (watch.status().bots.some((bot) => bot.nextCheckAt === null) && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
  }
}
