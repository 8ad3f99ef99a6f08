// "Your bot is back", with the proof: Meta accepts the token, how long it lasts, the bot's program is running and
// what the check after the restart found. Then an optional test message and, once, the launch-at-login question.
import { useTranslation } from 'react-i18next';
import botBackUrl from '../../assets/illustrations/bot-back.svg';
import type { ApplyReport } from '../../src-main/contract';
import { useSettings, useWizard } from '../stores/stores';
import { FocusHeading } from '../ui/FocusHeading';
import { Icon } from '../ui/Icon';
import { Illustration } from '../ui/Illustration';
import { Message } from '../ui/Message';
import { LaunchAtLoginQuestion } from './LaunchAtLoginQuestion';
import { TestMessageForm } from './TestMessageForm';
import { ExtendOffer } from './ExtendOffer';
import { useCloseWizard } from './use-close-wizard';

function Proof({ report }: { report: ApplyReport }) {
  const { t } = useTranslation();
  const diagnosis = report.bot.lastDiagnosis;
  const verify = report.steps.find((step) => step.step === 'verify' && step.message);
  const running = report.bot.process.state === 'running';

  return (
    <ul className="proof-list">
      {diagnosis && (
        <li>
          <Icon name="check" />
          <span>
            <Message message={diagnosis.summary} />
          </span>
        </li>
      )}
      {report.bot.run.mode !== 'none' && (
        <li>
          <Icon name={running ? 'check' : 'info'} />
          <span>{t(running ? 'wizard:success.running' : 'wizard:success.notRunning')}</span>
        </li>
      )}
      {verify?.message && (
        <li>
          <Icon name={verify.state === 'done' ? 'check' : 'info'} />
          <span>
            <Message message={verify.message} />
          </span>
        </li>
      )}
    </ul>
  );
}

export function SuccessView() {
  const { t } = useTranslation();
  const report = useWizard((state) => state.report);
  const hasAppCredentials = useSettings((state) => state.settings?.appCredentials != null);
  const closeWizard = useCloseWizard();
  if (!report) return null;
  const temporary = report.bot.lastDiagnosis?.tokenLifetime === 'temporary';

  return (
    <div className="wizard-stage wizard-stage--outcome">
      <Illustration src={botBackUrl} alt={t('wizard:success.alt')} className="outcome__picture" />
      <FocusHeading level={2}>{t('wizard:success.title')}</FocusHeading>
      <Proof report={report} />
      {temporary && hasAppCredentials && <ExtendOffer botId={report.bot.id} />}
      <TestMessageForm />
      <LaunchAtLoginQuestion />
      <div className="wizard-nav">
        <div className="wizard-nav__next">
          <button type="button" className="button button--primary" onClick={closeWizard}>
            {t('wizard:success.done')}
          </button>
        </div>
      </div>
    </div>
  );
}
