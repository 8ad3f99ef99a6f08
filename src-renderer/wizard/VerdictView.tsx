// Meta's verdict on the pasted token, before anything is written: go ahead, or what is wrong and exactly what to
// change in Meta (which box to tick, which WhatsApp account to assign), with a way back to that step.
import { useTranslation } from 'react-i18next';
import type { Diagnosis } from '../../src-main/contract';
import { LIFETIME_LABEL } from '../dashboard/status-look';
import { useBots, useWizard } from '../stores/stores';
import { GUIDE_STEPS } from '../stores/wizard-store';
import { Banner } from '../ui/Banner';
import { FocusHeading } from '../ui/FocusHeading';
import { Icon } from '../ui/Icon';
import { Ltr } from '../ui/Ltr';
import { Message, useMessageText } from '../ui/Message';
import { WizardNav } from './WizardNav';

const ASSIGN_ASSETS_STEP = GUIDE_STEPS.permanent.indexOf('assignAssets');
const GENERATE_TOKEN_STEP = GUIDE_STEPS.permanent.indexOf('generateToken');

function TokenFacts({ diagnosis, masked }: { diagnosis: Diagnosis; masked: string }) {
  const { t } = useTranslation();
  return (
    <ul className="proof-list">
      <li>
        <Icon name="key" />
        <span>
          {t(LIFETIME_LABEL[diagnosis.tokenLifetime])} <Ltr>{masked}</Ltr>
        </span>
      </li>
      {diagnosis.phone?.verifiedName && (
        <li>
          <Icon name="check" />
          <span>
            {t('wizard:verdict.number')} <bdi>{diagnosis.phone.verifiedName}</bdi>
            {diagnosis.phone.displayPhoneNumber && (
              <>
                {' '}
                <Ltr>{diagnosis.phone.displayPhoneNumber}</Ltr>
              </>
            )}
          </span>
        </li>
      )}
    </ul>
  );
}

function WhatToChange({ diagnosis }: { diagnosis: Diagnosis }) {
  const { t } = useTranslation();
  const text = useMessageText();
  const showGuideStep = useWizard((state) => state.showGuideStep);
  const botId = useWizard((state) => state.botId);
  const wabaId = useBots((state) => state.bots.find((bot) => bot.id === botId)?.wabaId ?? null);

  if (diagnosis.missingScopes.length > 0) {
    return (
      <div className="verdict-fix">
        <p>{t('wizard:verdict.missingScopes', { count: diagnosis.missingScopes.length })}</p>
        <ul className="scope-list">
          {diagnosis.missingScopes.map((scope) => (
            <li key={scope}>
              <Icon name="box" />
              <code>
                <Ltr>{scope}</Ltr>
              </code>
            </li>
          ))}
        </ul>
        <button type="button" className="button" onClick={() => showGuideStep('permanent', GENERATE_TOKEN_STEP)}>
          {t('wizard:verdict.showGenerateStep')}
        </button>
      </div>
    );
  }
  if (diagnosis.status === 'wrong_account') {
    return (
      <div className="verdict-fix">
        <p>
          {wabaId
            ? text({ key: 'wizard:verdict.assignAccount', params: { wabaId } })
            : t('wizard:verdict.assignAccountUnknown')}
        </p>
        <button type="button" className="button" onClick={() => showGuideStep('permanent', ASSIGN_ASSETS_STEP)}>
          {t('wizard:verdict.showAssignStep')}
        </button>
      </div>
    );
  }
  return null;
}

export function VerdictView() {
  const { t } = useTranslation();
  const verdict = useWizard((state) => state.verdict);
  const apply = useWizard((state) => state.apply);
  const back = useWizard((state) => state.back);
  const showGuideStep = useWizard((state) => state.showGuideStep);
  if (!verdict) return null;
  const { diagnosis } = verdict;
  const temporary = diagnosis.tokenLifetime === 'temporary';

  return (
    <div className="wizard-stage">
      <FocusHeading level={2}>{t(verdict.acceptable ? 'wizard:verdict.okTitle' : 'wizard:verdict.badTitle')}</FocusHeading>
      <Banner tone={verdict.acceptable ? 'success' : 'danger'} title={<Message message={diagnosis.summary} />}>
        {diagnosis.fix && (
          <p>
            <Message message={diagnosis.fix} />
          </p>
        )}
      </Banner>
      {verdict.acceptable && <TokenFacts diagnosis={diagnosis} masked={verdict.masked} />}
      {!verdict.acceptable && <WhatToChange diagnosis={diagnosis} />}
      {verdict.acceptable && temporary && (
        <Banner
          tone="warning"
          title={t('wizard:verdict.temporaryTitle')}
          actions={
            <button type="button" className="button" onClick={() => showGuideStep('permanent', 0)}>
              {t('wizard:verdict.getPermanent')}
            </button>
          }
        >
          <p>{t('wizard:verdict.temporaryBody')}</p>
        </Banner>
      )}
      {diagnosis.warnings.map((warning, index) => (
        <Banner key={`${warning.key}-${index}`} tone="info">
          <p>
            <Message message={warning} />
          </p>
        </Banner>
      ))}
      <WizardNav
        onBack={verdict.acceptable ? back : undefined}
        next={
          verdict.acceptable ? (
            <button type="button" className="button button--primary" onClick={() => void apply()}>
              {t('wizard:verdict.apply')}
              <Icon name="next" />
            </button>
          ) : (
            <button type="button" className="button button--primary" onClick={back}>
              {t('wizard:verdict.pasteAnother')}
            </button>
          )
        }
      />
    </div>
  );
}
