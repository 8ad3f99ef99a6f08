// Tells the watch when the network comes back. Polled in main rather than heard from the renderer's "online"
// event: the app usually runs with its window hidden or never opened, and net.isOnline() is a flag read.
import type { Net } from 'electron';

export const NETWORK_POLL_MS = 30_000;

/** Calls `onRegained` on each offline → online change; returns a function that stops polling. */
export function watchNetworkRegained(
  net: Pick<Net, 'isOnline'>,
  onRegained: () => void,
  intervalMs: number = NETWORK_POLL_MS,
): () => void {
  let online = net.isOnline();
  const timer = setInterval(() => {
    const now = net.isOnline();
    if (now && !online) onRegained();
    online = now;
  }, intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}
