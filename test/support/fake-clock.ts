// A deterministic stand-in for time: timers fire only when a test advances the clock, and delays beyond
// Node's limit behave as in Node (they fire after 1 ms), so a watch that forgets to clamp is caught.
import type { Clock } from '../../src-main/core/monitor/clock';

const NODE_MAX_DELAY = 2 ** 31 - 1;

interface PendingTimer {
  at: number;
  callback: () => void;
}

/** Lets every promise chain that is ready run to its end (setImmediate runs after all microtasks). */
export const settle = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

export class FakeClock implements Clock {
  private readonly timers = new Map<number, PendingTimer>();
  private nextHandle = 1;
  /** Every delay ever asked for, to prove none exceeded Node's limit. */
  readonly requestedDelays: number[] = [];

  constructor(private time: number) {}

  now(): number {
    return this.time;
  }

  setTimeout(callback: () => void, ms: number): unknown {
    this.requestedDelays.push(ms);
    const delay = !(ms >= 1 && ms <= NODE_MAX_DELAY) ? 1 : ms;
    const handle = this.nextHandle++;
    this.timers.set(handle, { at: this.time + delay, callback });
    return handle;
  }

  clearTimeout(handle: unknown): void {
    this.timers.delete(handle as number);
  }

  pendingTimers(): number {
    return this.timers.size;
  }

  /** Moves time forward, firing each timer at its own moment and letting the work it starts finish. */
  async advance(ms: number): Promise<void> {
    const end = this.time + ms;
    await settle();
    for (;;) {
      const next = [...this.timers.entries()].sort(([, a], [, b]) => a.at - b.at)[0];
      if (!next || next[1].at > end) break;
      const [handle, timer] = next;
      this.timers.delete(handle);
      this.time = timer.at;
      timer.callback();
      await settle();
    }
    this.time = end;
    await settle();
  }

  /**
   * A computer asleep: the wall clock moves on, but timers count on a monotonic clock that stood still, so
   * each pending timer now fires that much later than planned.
   */
  sleep(ms: number): void {
    this.time += ms;
    for (const timer of this.timers.values()) timer.at += ms;
  }
}
