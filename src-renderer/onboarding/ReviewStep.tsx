// What was found in the folder, in three lines and a Connect button (everything else under "Advanced", opened at
// once when something the bot needs was not found); then connect the bot, fix the .gitignore if they asked, and
// run a first check.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BotDetection, UserMessage } from '../../src-main/contract';
import { draftFromDetection, fieldsOf, validateDraft, type BotFields } from '../bot-form/bot-draft';
import { BotForm } from '../bot-form/BotForm';
import { useBots, useOnboarding, useShell } from '../stores/stores';
import { Banner } from '../ui/Banner';
import { FocusHeading } from '../ui/FocusHeading';
import { Icon } from '../ui/Icon';
import { Ltr } from '../ui/Ltr';
import { Message } from '../ui/Message';
import { Notes } from '../ui/Notes';
import { Spinner } from '../ui/Spinner';
import { FoundSummary } from './FoundSummary';

/** The .env is not git-ignored: offer, ticked, to fix it on connect (the token must never reach GitHub). */
function GitignoreOffer({ fixRequested, onToggle }: { fixRequested: boolean; onToggle: () => void }) {
  const { t } = useTranslation();
  return (
    <label className="toggle toggle--offer">
      <input type="checkbox" checked={fixRequested} onChange={onToggle} />
      <span>
        <span className="toggle__label">{t('onboarding:review.gitignore.offer')}</span>
        <span className="toggle__hint">{t('onboarding:review.gitignore.why')}</span>
      </span>
    </label>
  );
}

function ReviewForm({ detection }: { detection: BotDetection }) {
  const { t } = useTranslation();
  const connect = useBots((state) => state.connect);
  const diagnose = useBots((state) => state.diagnose);
  const fixGitignore = useBots((state) => state.fixGitignore);
  const navigate = useShell((state) => state.navigate);
  const goTo = useOnboarding((state) => state.goTo);
  const [connecting, setConnecting] = useState(false);
  const [error, setError] = useState<UserMessage | null>(null);
  const exposed = detection.gitignore?.repository === true && !detection.gitignore.ignored;
  const [fixRequested, setFixRequested] = useState(true);
  const found = draftFromDetection(detection);
  // Something the bot cannot do without was not found: the full form opens at once, so it can be filled in.
  const incomplete = Object.keys(validateDraft(found)).length > 0;
  const [advanced, setAdvanced] = useState(incomplete);

  async function connectBot(fields: BotFields) {
    setConnecting(true);
    setError(null);
    const outcome = await connect({ folder: detection.folder, ...fields });
    setConnecting(false);
    if (!outcome.ok) {
      setError(outcome.message);
      return;
    }
    navigate({ name: 'dashboard' });
    if (exposed && fixRequested) await fixGitignore(outcome.value.id);
    await diagnose(outcome.value.id);
  }

  const notes = exposed && <GitignoreOffer fixRequested={fixRequested} onToggle={() => setFixRequested((value) => !value)} />;
  const otherFolder = (
    <button type="button" className="button" onClick={() => goTo('connect')}>
      <Icon name="back" />
      {t('onboarding:review.otherFolder')}
    </button>
  );

  if (advanced) {
    return (
      <>
        {incomplete && (
          <Banner tone="warning">
            <p>{t('onboarding:review.incomplete')}</p>
          </Banner>
        )}
        <BotForm
          initial={found}
          options={{
            folder: detection.folder,
            proposals: detection.start,
            envFiles: detection.envFiles,
            tokenCandidates: detection.tokenCandidates,
            maskedToken: detection.maskedToken,
            detected: { phoneNumberId: detection.phoneNumberId, wabaId: detection.wabaId, apiVersion: detection.apiVersion },
          }}
          submitLabel={t('onboarding:review.connect')}
          busy={connecting}
          error={error}
          onSubmit={(fields) => void connectBot(fields)}
          notes={notes}
          secondary={otherFolder}
        />
      </>
    );
  }

  return (
    <div className="review-summary">
      <FoundSummary detection={detection} />
      {notes}
      {error && (
        <Banner tone="danger" live>
          <Message message={error} />
        </Banner>
      )}
      <div className="form__actions">
        <button type="button" className="button button--primary" disabled={connecting} onClick={() => void connectBot(fieldsOf(found, detection.start))}>
          {connecting && <Spinner />}
          {t('onboarding:review.connect')}
        </button>
        {otherFolder}
      </div>
      <button type="button" className="button button--link review-summary__advanced" onClick={() => setAdvanced(true)}>
        <Icon name="chevronDown" />
        {t('onboarding:review.advanced')}
      </button>
    </div>
  );
}

export function ReviewStep() {
  const { t } = useTranslation();
  const detection = useOnboarding((state) => state.detection);
  if (!detection) return null;

  return (
    <section className="onboarding-step">
      <FocusHeading level={1}>{t('onboarding:review.title')}</FocusHeading>
      <p>{t('onboarding:review.body')}</p>
      <p className="review__folder">
        {t('onboarding:review.folder')} <Ltr>{detection.folder}</Ltr>
      </p>
      <Notes notes={detection.warnings} />
      <ReviewForm detection={detection} />
    </section>
  );
}

