// The renewal wizard for one bot: a frame with the bot's name and a way out, and the current stage inside.
// Esc closes it (except while the new token is being put in place, which must not be interrupted).
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useBots, useWizard } from '../stores/stores';
import type { WizardStage } from '../stores/wizard-store';
import { Icon } from '../ui/Icon';
import { AppCredentialsStep } from './AppCredentialsStep';
import { ApplyingView } from './ApplyingView';
import { FailureView } from './FailureView';
import { GuideStep } from './GuideStep';
import { PasteStep } from './PasteStep';
import { PathChoice } from './PathChoice';
import { SuccessView } from './SuccessView';
import { useCloseWizard } from './use-close-wizard';
import { VerdictView } from './VerdictView';
import '../styles/wizard.css';

function StageView({ stage }: { stage: WizardStage }) {
  switch (stage) {
    case 'choose':
      return <PathChoice />;
    case 'guide':
      return <GuideStep />;
    case 'paste':
      return <PasteStep />;
    case 'appCredentials':
      return <AppCredentialsStep />;
    case 'verdict':
      return <VerdictView />;
    case 'applying':
      return <ApplyingView />;
    case 'success':
      return <SuccessView />;
    case 'failure':
      return <FailureView />;
  }
}

export function Wizard() {
  const { t } = useTranslation();
  const botId = useWizard((state) => state.botId);
  const stage = useWizard((state) => state.stage);
  const botName = useBots((state) => state.bots.find((bot) => bot.id === botId)?.name ?? '');
  const closeWizard = useCloseWizard();
  const canClose = stage !== 'applying';

  // Re-attached after every render, so the handler always sees the current stage.
  useEffect(() => {
    function onKeyDown(event: KeyboardEvent) {
      if (event.key === 'Escape' && canClose && !event.defaultPrevented) closeWizard();
    }
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  });

  return (
    // data-stage lets end-to-end tests wait for a stage without reading any language's words.
    <section className="wizard" aria-labelledby="wizard-title" data-stage={stage}>
      <header className="wizard__header">
        <h1 id="wizard-title" className="wizard__title">
          {t('wizard:title')}
          {botName && (
            <span className="wizard__bot">
              <bdi>{botName}</bdi>
            </span>
          )}
        </h1>
        <button
          type="button"
          className="button button--icon"
          onClick={closeWizard}
          disabled={!canClose}
          aria-label={t('wizard:close')}
          title={t('wizard:close')}
        >
          <Icon name="cross" />
        </button>
      </header>
      <div className="wizard__body">
        <StageView stage={stage} />
      </div>
    </section>
  );
}
