// The first run: welcome, language, then connect a bot (find its folder, confirm what was found).
// "Connect another bot" from the dashboard starts at the connect step and can be cancelled.
import { useTranslation } from 'react-i18next';
import { useBots, useOnboarding } from '../stores/stores';
import type { OnboardingStep } from '../stores/onboarding-store';
import { ConnectStep } from './ConnectStep';
import { LanguageStep } from './LanguageStep';
import { ReviewStep } from './ReviewStep';
import { WelcomeStep } from './WelcomeStep';
import '../styles/onboarding.css';

const PROGRESS: Record<OnboardingStep, number> = { welcome: 1, language: 2, connect: 3, review: 3 };

function StepView({ step }: { step: OnboardingStep }) {
  switch (step) {
    case 'welcome':
      return <WelcomeStep />;
    case 'language':
      return <LanguageStep />;
    case 'connect':
      return <ConnectStep />;
    case 'review':
      return <ReviewStep />;
  }
}

export function Onboarding() {
  const { t } = useTranslation();
  const step = useOnboarding((state) => state.step);
  const firstRun = useBots((state) => state.bots.length === 0);

  return (
    <div className="onboarding">
      {firstRun && (
        <p className="onboarding__progress">{t('onboarding:progress', { current: PROGRESS[step], total: 3 })}</p>
      )}
      <div className="onboarding__card" key={step}>
        <StepView step={step} />
      </div>
    </div>
  );
}
