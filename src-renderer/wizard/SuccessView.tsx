// "Your bot is back", with the proof: Meta accepts the token, how long it lasts, the bot's program is running and
// what the check after the restart found. Then an optional test message and, once, the launch-at-login question.
import { useTranslation } from 'react-i18next';
import botBackUrl from '../../assets/illustrations/bot-back.svg';
import type { ApplyReport, Diagnosis } from '../../src-main/contract';
import { useBots, useWizard } from '../stores/stores';
import { FocusHeading } from '../ui/FocusHeading';
import { Icon } from '../ui/Icon';
import { Illustration } from '../ui/Illustration';
import { Message } from '../ui/Message';
import { botState } from '../dashboard/triage';
import { LaunchAtLoginQuestion } from './LaunchAtLoginQuestion';
import { TemporaryNotice } from './TemporaryNotice';
import { TestMessageForm } from './TestMessageForm';
import { useCloseWizard } from './use-close-wizard';

function Proof({ report, diagnosis, temporary }: { report: ApplyReport; diagnosis: Diagnosis | null; temporary: boolean }) {
  const { t } = useTranslation();
  const verify = report.steps.find((step) => step.step === 'verify' && step.message);
  const running = report.bot.process.state === 'running';

  return (
    <ul className="proof-list">
      {/* A temporary token's expiry is the amber notice's to say, not a line with a tick. */}
      {diagnosis && !temporary && (
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
  // The bot as it is now: "make it last 60 days" may have replaced the temporary token since the report.
  const current = useBots((state) => state.bots.find((bot) => bot.id === report?.bot.id)?.lastDiagnosis);
  const closeWizard = useCloseWizard();
  if (!report) return null;
  const diagnosis = current ?? report.bot.lastDiagnosis;
  const temporary = diagnosis !== null && botState(diagnosis) === 'temporary';

  return (
    <div className="wizard-stage wizard-stage--outcome">
      <Illustration src={botBackUrl} alt={t('wizard:success.alt')} className="outcome__picture" />
      <FocusHeading level={2}>{t(temporary ? 'wizard:success.titleTemporary' : 'wizard:success.title')}</FocusHeading>
      {temporary && <TemporaryNotice diagnosis={diagnosis} botId={report.bot.id} offerExtend />}
      <Proof report={report} diagnosis={diagnosis} temporary={temporary} />
      <TestMessageForm />
      <LaunchAtLoginQuestion />
      <div className="wizard-nav">
        <div className="wizard-nav__next">
          <button type="button" className={temporary ? 'button' : 'button button--primary'} onClick={closeWizard}>
            {t('wizard:success.done')}
          </button>
        </div>
      </div>
    </div>
  );
}
