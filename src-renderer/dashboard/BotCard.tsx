// One connected bot on the dashboard: its name, status, facts and actions, the result of the last action, and
// the dialogs those actions open.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BotView } from '../../src-main/contract';
import { useBots, useShell } from '../stores/stores';
import { Banner } from '../ui/Banner';
import { Icon } from '../ui/Icon';
import { MenuButton } from '../ui/MenuButton';
import { Message } from '../ui/Message';
import { BotActions } from './BotActions';
import { BotFacts } from './BotFacts';
import { BotStatus } from './BotStatus';
import { LogDialog } from './LogDialog';
import { RemoveBotDialog } from './RemoveBotDialog';
import { StopProcessesDialog } from './StopProcessesDialog';

type Dialog = 'log' | 'remove' | 'processes' | null;

function ActionNotice({ botId }: { botId: string }) {
  const { t } = useTranslation();
  const notice = useBots((state) => state.notices[botId]);
  const dismiss = useBots((state) => state.dismissNotice);
  return (
    <div aria-live="polite">
      {notice?.quiet && (
        <p className="bot-card__note">
          <Icon name="check" />
          <Message message={notice.message} />
        </p>
      )}
      {notice && !notice.quiet && (
        <Banner
          tone={notice.tone === 'success' ? 'success' : 'danger'}
          actions={
            <button type="button" className="button button--small" onClick={() => dismiss(botId)}>
              {t('common:actions.dismiss')}
            </button>
          }
        >
          <p>
            <Message message={notice.message} />
          </p>
          {notice.logExcerpt && (
            <details className="log-excerpt">
              <summary>{t('dashboard:logExcerpt')}</summary>
              <pre className="log" dir="ltr">
                {notice.logExcerpt}
              </pre>
            </details>
          )}
        </Banner>
      )}
    </div>
  );
}

function GitignoreNotice({ bot }: { bot: BotView }) {
  const { t } = useTranslation();
  const fixGitignore = useBots((state) => state.fixGitignore);
  const busy = useBots((state) => state.busy[bot.id] !== undefined);
  if (!bot.gitignore?.repository || bot.gitignore.ignored) return null;
  return (
    <Banner
      tone="warning"
      title={t('onboarding:review.gitignore.title')}
      actions={
        <button type="button" className="button button--small" disabled={busy} onClick={() => void fixGitignore(bot.id)}>
          {t('onboarding:review.gitignore.fix')}
        </button>
      }
    >
      <p>{t('onboarding:review.gitignore.body')}</p>
    </Banner>
  );
}

export function BotCard({ bot }: { bot: BotView }) {
  const { t } = useTranslation();
  const [dialog, setDialog] = useState<Dialog>(null);
  const checking = useBots((state) => bot.checking || state.busy[bot.id] === 'diagnose');
  const navigate = useShell((state) => state.navigate);
  const titleId = `bot-${bot.id}-title`;

  return (
    <article className="bot-card" aria-labelledby={titleId}>
      <header className="bot-card__header">
        <h2 id={titleId} className="bot-card__name">
          <bdi>{bot.name}</bdi>
        </h2>
        <MenuButton
          label={t('dashboard:menu.label', { name: bot.name })}
          items={[
            { label: t('dashboard:menu.edit'), onSelect: () => navigate({ name: 'editBot', botId: bot.id }) },
            { label: t('dashboard:menu.remove'), onSelect: () => setDialog('remove'), danger: true },
          ]}
        />
      </header>
      <BotStatus bot={bot} checking={checking} />
      <BotFacts bot={bot} />
      <GitignoreNotice bot={bot} />
      <ActionNotice botId={bot.id} />
      <BotActions bot={bot} onShowLog={() => setDialog('log')} onStopProcesses={() => setDialog('processes')} />
      {dialog === 'log' && <LogDialog bot={bot} onClose={() => setDialog(null)} />}
      {dialog === 'remove' && <RemoveBotDialog bot={bot} onClose={() => setDialog(null)} />}
      {dialog === 'processes' && <StopProcessesDialog bot={bot} onClose={() => setDialog(null)} />}
    </article>
  );
}
