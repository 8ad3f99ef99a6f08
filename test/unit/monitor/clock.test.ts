// The real clock the watch runs on outside tests: it tells the time and its timers fire, or not once cleared.
import { describe, expect, it } from 'vitest';
import { systemClock } from '../../../src-main/core/monitor/clock';

describe('systemClock', () => {
  it('tells the time', () => {
    const before = Date.now();
    const now = systemClock.now();
    expect(now).toBeGreaterThanOrEqual(before);
    expect(now).toBeLessThanOrEqual(Date.now());
  });

  it('fires a timer, and never one that was cleared', async () => {
    const fired: string[] = [];
    systemClock.setTimeout(() => fired.push('kept'), 5);
    const cleared = systemClock.setTimeout(() => fired.push('cleared'), 5);
    systemClock.clearTimeout(cleared);
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(fired).toEqual(['kept']);
  });
});
