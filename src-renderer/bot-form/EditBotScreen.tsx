// Changing a connected bot's settings: the same form as at connect time, filled with what is saved.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { UserMessage } from '../../src-main/contract';
import { useBots, useShell } from '../stores/stores';
import { FocusHeading } from '../ui/FocusHeading';
import { draftFromBot, type BotFields } from './bot-draft';
import { BotForm } from './BotForm';

export function EditBotScreen({ botId }: { botId: string }) {
  const { t } = useTranslation();
  const bot = useBots((state) => state.bots.find((known) => known.id === botId) ?? null);
  const update = useBots((state) => state.update);
  const navigate = useShell((state) => state.navigate);
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<UserMessage | null>(null);

  if (!bot) {
    return (
      <section className="page">
        <FocusHeading level={1}>{t('dashboard:edit.missing')}</FocusHeading>
        <button type="button" className="button" onClick={() => navigate({ name: 'dashboard' })}>
          {t('common:actions.backToBots')}
        </button>
      </section>
    );
  }

  async function save(fields: BotFields) {
    setSaving(true);
    const outcome = await update({ id: botId, ...fields });
    setSaving(false);
    if (outcome.ok) navigate({ name: 'dashboard' });
    else setError(outcome.message);
  }

  return (
    <section className="page page--narrow" aria-labelledby="edit-bot-title">
      <FocusHeading level={1} id="edit-bot-title">
        {t('dashboard:edit.title', { name: bot.name })}
      </FocusHeading>
      <BotForm
        initial={draftFromBot(bot)}
        options={{ folder: bot.folder, proposals: [], envFiles: [bot.envFile], tokenCandidates: [bot.tokenVariable], maskedToken: bot.maskedToken }}
        submitLabel={t('dashboard:edit.save')}
        busy={saving}
        error={error}
        onSubmit={(fields) => void save(fields)}
        secondary={
          <button type="button" className="button" onClick={() => navigate({ name: 'dashboard' })}>
            {t('common:actions.cancel')}
          </button>
        }
      />
    </section>
  );
}
