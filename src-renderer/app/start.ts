// What happens when the window opens: load settings, app facts and bots, then show the first run's welcome
// when no bot is connected yet, the dashboard otherwise.
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
