// The connected bots, each with its folder, to edit or remove; and a way to connect another.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BotView } from '../../src-main/contract';
import { RemoveBotDialog } from '../dashboard/RemoveBotDialog';
import { useStartConnecting } from '../onboarding/use-start-connecting';
import { useBots, useShell } from '../stores/stores';
import { Icon } from '../ui/Icon';
import { Ltr } from '../ui/Ltr';

export function ConnectedBotsSection() {
  const { t } = useTranslation();
  const bots = useBots((state) => state.bots);
  const navigate = useShell((state) => state.navigate);
  const startConnecting = useStartConnecting();
  const [removing, setRemoving] = useState<BotView | null>(null);

  return (
    <section className="settings-section" aria-labelledby="settings-bots">
      <h2 id="settings-bots">{t('settings:bots.title')}</h2>
      {bots.length === 0 && <p className="muted">{t('settings:bots.none')}</p>}
      <ul className="connected-bots">
        {bots.map((bot) => (
          <li key={bot.id} className="connected-bots__item">
            <div className="connected-bots__text">
              <span className="connected-bots__name">
                <bdi>{bot.name}</bdi>
              </span>
              <span className="connected-bots__folder">
                <Ltr>{bot.folder}</Ltr>
              </span>
            </div>
            <div className="button-row">
              <button
                type="button"
                className="button button--small"
                aria-label={t('settings:bots.editNamed', { name: bot.name })}
                onClick={() => navigate({ name: 'editBot', botId: bot.id })}
              >
                {t('settings:bots.edit')}
              </button>
              <button
                type="button"
                className="button button--small button--danger"
                aria-label={t('settings:bots.removeNamed', { name: bot.name })}
                onClick={() => setRemoving(bot)}
              >
                {t('settings:bots.remove')}
              </button>
            </div>
          </li>
        ))}
      </ul>
      <button
        type="button"
        className="button"
        onClick={startConnecting}
      >
        <Icon name="plus" />
        {t('settings:bots.connect')}
      </button>
      {removing && <RemoveBotDialog bot={removing} onClose={() => setRemoving(null)} />}
    </section>
  );
}
