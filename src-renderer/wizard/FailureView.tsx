// When the renewal did not finish: what failed in one sentence, what did work, the bot's last log lines (redacted
// by main), and the two ways forward — put the old token back, or try again.
import { useTranslation } from 'react-i18next';
import somethingWrongUrl from '../../assets/illustrations/something-wrong.svg';
import { useWizard } from '../stores/stores';
import { Banner } from '../ui/Banner';
import { FocusHeading } from '../ui/FocusHeading';
import { Illustration } from '../ui/Illustration';
import { Message } from '../ui/Message';
import { Spinner } from '../ui/Spinner';
import { ApplyProgress, useStepLabel } from './ApplyProgress';
import { useCloseWizard } from './use-close-wizard';

function RollBackOutcome() {
  const report = useWizard((state) => state.rollBackReport);
  const error = useWizard((state) => state.rollBackError);
  const message = report?.message ?? error;
  if (!message) return null;
  return (
    <Banner tone={report?.ok ? 'success' : 'danger'} live>
      <p>
        <Message message={message} />
      </p>
    </Banner>
  );
}

export function FailureView() {
  const { t } = useTranslation();
  const stepLabel = useStepLabel();
  const report = useWizard((state) => state.report);
  const applyError = useWizard((state) => state.applyError);
  const rollingBack = useWizard((state) => state.rollingBack);
  const rolledBack = useWizard((state) => state.rollBackReport?.ok === true);
  const rollBack = useWizard((state) => state.rollBack);
  const tryAgain = useWizard((state) => state.tryAgain);
  const closeWizard = useCloseWizard();

  const failed = report?.steps.find((step) => step.state === 'failed') ?? null;
  const botDidNotComeBack = failed?.step === 'restart' || failed?.step === 'verify';
  const canRollBack = report?.bot.canRollBack === true && !rolledBack;

  return (
    <div className="wizard-stage wizard-stage--outcome">
      <Illustration src={somethingWrongUrl} alt={t('wizard:failure.alt')} className="outcome__picture" />
      <FocusHeading level={2}>{t(botDidNotComeBack ? 'wizard:failure.titleBot' : 'wizard:failure.titleToken')}</FocusHeading>
      <Banner tone="danger" title={failed ? stepLabel(failed) : t('wizard:failure.whatFailed')}>
        <p>
          {failed?.message ? <Message message={failed.message} /> : applyError ? <Message message={applyError} /> : t('wizard:failure.unknown')}
        </p>
      </Banner>
      {report && <ApplyProgress steps={report.steps} said={failed} />}
      {report?.logExcerpt && (
        <details className="log-excerpt">
          <summary>{t('wizard:failure.log')}</summary>
          <pre className="log" dir="ltr" tabIndex={0}>
            {report.logExcerpt}
          </pre>
        </details>
      )}
      <p>{t(canRollBack ? 'wizard:failure.rollBackExplained' : 'wizard:failure.tryAgainExplained')}</p>
      <RollBackOutcome />
      <div className="button-row">
        {canRollBack && (
          <button type="button" className="button button--primary" disabled={rollingBack} onClick={() => void rollBack()}>
            {rollingBack && <Spinner />}
            {t('wizard:failure.rollBack')}
          </button>
        )}
        <button type="button" className={canRollBack ? 'button' : 'button button--primary'} onClick={tryAgain}>
          {t('common:actions.tryAgain')}
        </button>
        <button type="button" className="button" onClick={closeWizard}>
          {t('common:actions.close')}
        </button>
      </div>
    </div>
  );
}
