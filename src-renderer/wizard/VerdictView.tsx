// Meta's verdict on the pasted token, before anything is written, as one message: go ahead; a temporary token
// (amber, how long it works, the way to a long-lasting one); the bot's own token again; or what is wrong and
// exactly what to change in Meta (which box to tick, which WhatsApp account to assign), with a way back there.
import { useTranslation } from 'react-i18next';
import type { Diagnosis } from '../../src-main/contract';
import { LIFETIME_LABEL } from '../dashboard/status-look';
import { botState } from '../dashboard/triage';
import { useBots, useWizard } from '../stores/stores';
import { GUIDE_STEPS } from '../stores/guide-steps';
import { Banner } from '../ui/Banner';
import { FocusHeading } from '../ui/FocusHeading';
import { Icon } from '../ui/Icon';
import { Ltr } from '../ui/Ltr';
import { Message, useMessageText } from '../ui/Message';
import { Notes } from '../ui/Notes';
import { TemporaryNotice } from './TemporaryNotice';
import { RenewalLine } from '../dashboard/RenewalLine';
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

/** The diagnosis's own warning that a token is temporary: the amber notice already says it. */
const SAID_BY_THE_NOTICE = new Set(['diagnosis:warning.temporary_token']);

/** The token the bot already has, pasted again: say exactly that, and how to make a new one. */
function SameTokenAgain({ diagnosis }: { diagnosis: Diagnosis }) {
  const { t } = useTranslation();
  const showGuideStep = useWizard((state) => state.showGuideStep);
  return (
    <Banner
      tone={botState(diagnosis) === 'dead' ? 'danger' : 'info'}
      title={<Message message={diagnosis.summary} />}
      actions={
        <button type="button" className="button" onClick={() => showGuideStep('permanent', 0)}>
          {t('wizard:verdict.showHowToMakeOne')}
        </button>
      }
    >
      <p>{t('wizard:verdict.sameAsBot')}</p>
    </Banner>
  );
}

export function VerdictView() {
  const { t } = useTranslation();
  const verdict = useWizard((state) => state.verdict);
  const botId = useWizard((state) => state.botId);
  const apply = useWizard((state) => state.apply);
  const back = useWizard((state) => state.back);
  const askAppCredentials = useWizard((state) => state.askAppCredentials);
  const path = useWizard((state) => state.path);
  if (!verdict || !botId) return null;
  const { diagnosis } = verdict;
  const temporary = verdict.acceptable && botState(diagnosis) === 'temporary';
  const warnings = diagnosis.warnings.filter((warning) => !(temporary && SAID_BY_THE_NOTICE.has(warning.key)));
  const title = verdict.sameAsBot
    ? 'wizard:verdict.sameAsBotTitle'
    : temporary
      ? 'wizard:verdict.temporaryTitle'
      : verdict.acceptable
        ? 'wizard:verdict.okTitle'
        : 'wizard:verdict.badTitle';

  return (
    <div className="wizard-stage">
      <FocusHeading level={2}>{t(title)}</FocusHeading>
      {verdict.sameAsBot && <SameTokenAgain diagnosis={diagnosis} />}
      {temporary && <TemporaryNotice diagnosis={diagnosis} botId={botId} offerExtend={false} />}
      {!verdict.sameAsBot && !temporary && (
        <Banner tone={verdict.acceptable ? 'success' : 'danger'} title={<Message message={diagnosis.summary} />}>
          {diagnosis.fix && (
            <p>
              <Message message={diagnosis.fix} />
            </p>
          )}
        </Banner>
      )}
      {verdict.acceptable && <TokenFacts diagnosis={diagnosis} masked={verdict.masked} />}
      {verdict.acceptable && !temporary && (
        <RenewalLine outlook={verdict.renewal} onAddAppCredentials={path === 'permanent' ? askAppCredentials : undefined} />
      )}
      {!verdict.acceptable && !verdict.sameAsBot && <WhatToChange diagnosis={diagnosis} />}
      <Notes notes={warnings} />
      <WizardNav
        onBack={verdict.acceptable ? back : undefined}
        next={
          verdict.acceptable ? (
            // For a temporary token the way out (above) comes first; putting it in place is "for now".
            <button type="button" className={temporary ? 'button' : 'button button--primary'} onClick={() => void apply()}>
              {t(temporary ? 'wizard:verdict.applyForNow' : 'wizard:verdict.apply')}
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
