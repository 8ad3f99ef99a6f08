// What happens when the window opens: load settings, app facts and bots, then show the first run's welcome
// when no bot is connected yet, the dashboard otherwise.
import { listenToMain } from '../stores/events';
import type { Stores } from '../stores/stores';

export async function startApp(stores: Stores): Promise<void> {
  const { bots, settings, shell } = stores;
  void settings.getState().load();
  void shell.getState().loadAppInfo();
  await bots.getState().load();
  // A notification may have opened the wizard meanwhile; that choice wins.
  if (shell.getState().screen.name !== 'starting') return;
  const { loadState, bots: connected } = bots.getState();
  const firstRun = loadState === 'ready' && connected.length === 0;
  shell.getState().navigate(firstRun ? { name: 'onboarding' } : { name: 'dashboard' });
}

/**
 * Connects the stores to main and starts loading. Called before anything renders: main may send `openWizard`
 * (a notification click) as soon as the page has loaded. Returns the function that stops listening.
 */
export function connectToMain(stores: Stores): () => void {
  const stopListening = listenToMain(stores);
  void startApp(stores);
  return stopListening;
}
