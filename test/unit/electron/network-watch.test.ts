import { afterEach, describe, expect, it, vi } from 'vitest';
import { NETWORK_POLL_MS, watchNetworkRegained } from '../../../src-main/electron/network-watch';

afterEach(() => vi.useRealTimers());

describe('network regain', () => {
  it('is reported once per offline → online change, never while online or offline', () => {
    vi.useFakeTimers();
    const net = { online: true, isOnline: () => net.online };
    const regained = vi.fn();
    const stop = watchNetworkRegained(net, regained);
    vi.advanceTimersByTime(NETWORK_POLL_MS * 3);
    expect(regained).not.toHaveBeenCalled();
    net.online = false;
    vi.advanceTimersByTime(NETWORK_POLL_MS * 3);
    expect(regained).not.toHaveBeenCalled();
    net.online = true;
    vi.advanceTimersByTime(NETWORK_POLL_MS * 3);
    expect(regained).toHaveBeenCalledOnce();
    stop();
    net.online = false;
    vi.advanceTimersByTime(NETWORK_POLL_MS);
    net.online = true;
    vi.advanceTimersByTime(NETWORK_POLL_MS);
    expect(regained).toHaveBeenCalledOnce();
  });
});
