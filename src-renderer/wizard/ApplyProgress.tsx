// The live list of what the app is doing with the new token: check → keychain → each destination → restart →
// verify, each line with its state as an icon and in words, and main's sentence about it.
import { useTranslation } from 'react-i18next';
import type { ApplyStep, StepOutcome, StepState } from '../../src-main/contract';
import { Icon, type IconName } from '../ui/Icon';
import { Message, useMessageText } from '../ui/Message';
import { Spinner } from '../ui/Spinner';

const STEP_LABEL: Record<ApplyStep, string> = {
  validate: 'wizard:apply.steps.validate',
  keychain: 'wizard:apply.steps.keychain',
  write: 'wizard:apply.steps.write',
  restart: 'wizard:apply.steps.restart',
  verify: 'wizard:apply.steps.verify',
};
const STEP_ORDER = Object.keys(STEP_LABEL) as ApplyStep[];

const STATE_ICON: Record<Exclude<StepState, 'running'>, IconName> = {
  pending: 'circle',
  done: 'check',
  skipped: 'dash',
  warning: 'warning',
  failed: 'cross',
};

const STATE_WORDS: Record<StepState, string> = {
  pending: 'wizard:apply.state.pending',
  running: 'wizard:apply.state.running',
  done: 'wizard:apply.state.done',
  skipped: 'wizard:apply.state.skipped',
  warning: 'wizard:apply.state.warning',
  failed: 'wizard:apply.state.failed',
};

/** Before main's first progress event, every step is shown waiting, so the list does not grow under the eye. */
function waitingSteps(): StepOutcome[] {
  return STEP_ORDER.map((step) => ({ step, state: 'pending', target: null, message: null }));
}

export function useStepLabel(): (outcome: StepOutcome) => string {
  const { t } = useTranslation();
  const text = useMessageText();
  return ({ step, target }) =>
    step === 'write' && target ? text({ key: 'wizard:apply.steps.writeTarget', params: { target } }) : t(STEP_LABEL[step]);
}

/** `said`: a step whose sentence the screen already shows above (the failure), so its line does not repeat it. */
export function ApplyProgress({ steps, said = null }: { steps: StepOutcome[]; said?: StepOutcome | null }) {
  const { t } = useTranslation();
  const label = useStepLabel();
  const rows = steps.length > 0 ? steps : waitingSteps();

  return (
    <ol className="progress-list" aria-live="polite">
      {rows.map((outcome, index) => (
        <li key={`${outcome.step}-${outcome.target ?? index}`} className={`progress-list__item progress-list__item--${outcome.state}`}>
          <span className="progress-list__icon">
            {outcome.state === 'running' ? <Spinner /> : <Icon name={STATE_ICON[outcome.state]} />}
          </span>
          <span className="progress-list__text">
            <span className="progress-list__label">
              {label(outcome)}
              <span className="visually-hidden">
                {' — '}
                {t(STATE_WORDS[outcome.state])}
              </span>
            </span>
            {outcome.message && outcome !== said && (
              <span className="progress-list__message">
                <Message message={outcome.message} />
              </span>
            )}
          </span>
        </li>
      ))}
    </ol>
  );
}
