// Leaving the wizard: forget its state (nothing of a token may linger) and go back to the dashboard.
import { useShell, useWizard } from '../stores/stores';

export function useCloseWizard(): () => void {
  const close = useWizard((state) => state.close);
  const navigate = useShell((state) => state.navigate);
  return () => {
    close();
    navigate({ name: 'dashboard' });
  };
}
