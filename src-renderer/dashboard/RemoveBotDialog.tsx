// Asks before the app stops watching a bot, and says plainly that nothing of the bot itself is touched.
import { useTranslation } from 'react-i18next';
import type { BotView } from '../../src-main/contract';
import { useBots } from '../stores/stores';
import { Modal } from '../ui/Modal';

export function RemoveBotDialog({ bot, onClose }: { bot: BotView; onClose: () => void }) {
  const { t } = useTranslation();
  const remove = useBots((state) => state.remove);
  return (
    <Modal
      title={t('dashboard:remove.title', { name: bot.name })}
      onClose={onClose}
      footer={
        <>
          <button
            type="button"
            className="button button--danger"
            onClick={() => {
              onClose();
              void remove(bot.id);
            }}
          >
            {t('dashboard:remove.confirm')}
          </button>
          <button type="button" className="button" onClick={onClose}>
            {t('common:actions.cancel')}
          </button>
        </>
      }
    >
      <p>{t('dashboard:remove.body')}</p>
    </Modal>
  );
}
