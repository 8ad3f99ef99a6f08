// What was found in the folder, in plain words, for the owner to confirm or correct; then connect the bot,
// fix the .gitignore if they asked, and run a first check.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BotDetection, UserMessage } from '../../src-main/contract';
import { draftFromDetection, type BotFields } from '../bot-form/bot-draft';
import { BotForm } from '../bot-form/BotForm';
import { useBots, useOnboarding, useShell } from '../stores/stores';
import { Banner } from '../ui/Banner';
import { FocusHeading } from '../ui/FocusHeading';
import { Icon } from '../ui/Icon';
import { Ltr } from '../ui/Ltr';
import { Message } from '../ui/Message';

function GitignoreWarning({ fixRequested, onToggle }: { fixRequested: boolean; onToggle: () => void }) {
  const { t } = useTranslation();
  return (
    <Banner
      tone="warning"
      title={t('onboarding:review.gitignore.title')}
      actions={
        <button type="button" className="button" aria-pressed={fixRequested} onClick={onToggle}>
          {fixRequested && <Icon name="check" />}
          {t('onboarding:review.gitignore.fix')}
        </button>
      }
    >
      <p>{t('onboarding:review.gitignore.body')}</p>
      {fixRequested && <p role="status">{t('onboarding:review.gitignore.willFix')}</p>}
    </Banner>
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
  const [fixRequested, setFixRequested] = useState(false);

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

  return (
    <BotForm
      initial={draftFromDetection(detection)}
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
      notes={exposed && <GitignoreWarning fixRequested={fixRequested} onToggle={() => setFixRequested((value) => !value)} />}
      secondary={
        <button type="button" className="button" onClick={() => goTo('connect')}>
          <Icon name="back" />
          {t('onboarding:review.otherFolder')}
        </button>
      }
    />
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
      {detection.warnings.map((warning, index) => (
        <Banner key={`${warning.key}-${index}`} tone="warning">
          <p>
            <Message message={warning} />
          </p>
        </Banner>
      ))}
      <ReviewForm detection={detection} />
    </section>
  );
}

