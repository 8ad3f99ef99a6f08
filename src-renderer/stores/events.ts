// What main pushes, delivered to the store it concerns. Returns one function that stops listening to all of it.
import type { Stores } from './stores';
import type { WizardPath } from './guide-steps';

export function listenToMain(stores: Stores): () => void {
  const { doctor } = stores;
  const stops = [
    doctor.on('botsChanged', (bots) => stores.bots.getState().receive(bots)),
    doctor.on('settingsChanged', (settings) => stores.settings.getState().receive(settings)),
    doctor.on('applyProgress', (progress) => stores.wizard.getState().receiveProgress(progress)),
    doctor.on('openWizard', ({ botId }) => openWizard(stores, botId)),
    doctor.on('openSettings', ({ section }) => stores.shell.getState().navigate({ name: 'settings', section })),
  ];
  return () => stops.forEach((stop) => stop());
}

/** From a notification, the tray or a Renew button: the wizard, fresh, for that bot (on `path`, if given). */
export function openWizard(stores: Stores, botId: string, path?: WizardPath): void {
  stores.wizard.getState().start(botId);
  if (path) stores.wizard.getState().choosePath(path);
  stores.shell.getState().navigate({ name: 'wizard' });
}
