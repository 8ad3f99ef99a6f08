// "Connect a bot" from anywhere: the whole welcome when none is connected yet, straight to the folder otherwise.
import { useBots, useOnboarding, useShell } from '../stores/stores';

export function useStartConnecting(): () => void {
  const hasBots = useBots((state) => state.bots.length > 0);
  const begin = useOnboarding((state) => state.begin);
  const navigate = useShell((state) => state.navigate);
  return () => {
    begin(hasBots ? 'connect' : 'welcome');
    navigate({ name: 'onboarding' });
  };
}
