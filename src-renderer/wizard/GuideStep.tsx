// One guided step: a picture of where to click, one action in words (Meta's labels quoted), and a button that
// opens the Meta page in the browser. Next moves on; after the last step comes the paste.
import { useTranslation } from 'react-i18next';
import { useBots, useWizard } from '../stores/stores';
import { GUIDE_STEPS } from '../stores/wizard-store';
import { FocusHeading } from '../ui/FocusHeading';
import { Icon } from '../ui/Icon';
import { Illustration } from '../ui/Illustration';
import { Message } from '../ui/Message';
import { OpenMetaButton } from '../ui/OpenMetaButton';
import { GUIDE_CONTENT } from './guide-content';
import { TokenChecklist } from './TokenChecklist';
import { WizardNav } from './WizardNav';

export function GuideStep() {
  const { t } = useTranslation();
  const path = useWizard((state) => state.path);
  const index = useWizard((state) => state.guideIndex);
  const botId = useWizard((state) => state.botId);
  const next = useWizard((state) => state.next);
  const back = useWizard((state) => state.back);
  const wabaId = useBots((state) => state.bots.find((bot) => bot.id === botId)?.wabaId ?? null);
  if (!path || !botId) return null;

  const steps = GUIDE_STEPS[path];
  const stepId = steps[index];
  if (!stepId) return null;
  const content = GUIDE_CONTENT[stepId];
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
          {content.checklist && <TokenChecklist />}
          {content.hint && <p className="hint">{t(content.hint)}</p>}
          <OpenMetaButton page={content.page} botId={botId} label={t(content.openLabel)} primary={index === 0} />
        </div>
        <Illustration src={content.illustration} alt={t(content.alt)} className="guide-step__picture" />
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
