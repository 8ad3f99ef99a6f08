// One guided step: a drawing of the Meta screen with the places to click, one action in words (Meta's labels
// quoted), and a button that opens the Meta page in the browser. Next moves on; after the last step, the paste.
import { useTranslation } from 'react-i18next';
import { useBots, useWizard } from '../stores/stores';
import { FocusHeading } from '../ui/FocusHeading';
import { Icon } from '../ui/Icon';
import { MetaScreen } from '../meta-screens/MetaScreen';
import { Message } from '../ui/Message';
import { OpenMetaButton } from '../ui/OpenMetaButton';
import { GUIDE_CONTENT } from './guide-content';
import { ExpiryOffer } from './ExpiryOffer';
import { TokenChecklist } from './TokenChecklist';
import { WizardNav } from './WizardNav';

export function GuideStep() {
  const { t } = useTranslation();
  const steps = useWizard((state) => state.steps);
  const index = useWizard((state) => state.guideIndex);
  const botId = useWizard((state) => state.botId);
  const next = useWizard((state) => state.next);
  const back = useWizard((state) => state.back);
  const wabaId = useBots((state) => state.bots.find((bot) => bot.id === botId)?.wabaId ?? null);
  const expiryOffer = useWizard((state) => state.expiryOffer);
  if (!botId) return null;

  const stepId = steps[index];
  if (!stepId) return null;
  const content = GUIDE_CONTENT[stepId];
  const screen = content.screenFor?.(expiryOffer) ?? content.screen;
  const last = index === steps.length - 1;

  return (
    <div className="wizard-stage guide-step" key={stepId}>
      <p className="wizard-stage__count">{t('wizard:stepCount', { current: index + 1, total: steps.length })}</p>
      <div className="guide-step__layout">
        <div className="guide-step__text">
          <FocusHeading level={2}>{t(content.title)}</FocusHeading>
          <p className="lead">
            <Message message={content.body({ wabaId })} />
          </p>
          {content.checklist && <ExpiryOffer />}
          {content.checklist && <TokenChecklist />}
          {content.hint && <p className="hint">{t(content.hint)}</p>}
          <OpenMetaButton page={content.page} botId={botId} label={t(content.openLabel)} primary={index === 0} />
        </div>
        <MetaScreen spec={screen} alt={t(content.alt)} facts={{ wabaId }} className="guide-step__picture" />
      </div>
      <WizardNav
        onBack={back}
        next={
          <button type="button" className="button button--primary" onClick={next}>
            {t(last ? 'wizard:guide.copied' : 'wizard:guide.done')}
            <Icon name="next" />
          </button>
        }
      />
    </div>
  );
}
