// The bot's recent log, as main hands it over (already redacted: no token can be in it).
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BotView, UserMessage } from '../../src-main/contract';
import { toUserMessage } from '../stores/user-message';
import { useStores } from '../stores/stores';
import { Banner } from '../ui/Banner';
import { Message } from '../ui/Message';
import { Modal } from '../ui/Modal';
import { SkeletonLines } from '../ui/Skeleton';

type LogState = { status: 'loading' } | { status: 'ready'; text: string } | { status: 'failed'; message: UserMessage };

export function LogDialog({ bot, onClose }: { bot: BotView; onClose: () => void }) {
  const { t } = useTranslation();
  const { doctor } = useStores();
  const [log, setLog] = useState<LogState>({ status: 'loading' });

  useEffect(() => {
    let current = true;
    doctor.readBotLog({ id: bot.id }).then(
      (text) => current && setLog({ status: 'ready', text }),
      (error: unknown) => current && setLog({ status: 'failed', message: toUserMessage(error) }),
    );
    return () => {
      current = false;
    };
  }, [doctor, bot.id]);

  return (
    <Modal
      title={t('dashboard:log.title', { name: bot.name })}
      onClose={onClose}
      wide
      footer={
        <button type="button" className="button" onClick={onClose}>
          {t('common:actions.close')}
        </button>
      }
    >
      {log.status === 'loading' && <SkeletonLines lines={6} />}
      {log.status === 'failed' && (
        <Banner tone="danger">
          <Message message={log.message} />
        </Banner>
      )}
      {log.status === 'ready' &&
        (log.text.trim() === '' ? (
          <p className="muted">{t('dashboard:log.empty')}</p>
        ) : (
          <pre className="log" dir="ltr" tabIndex={0} aria-label={t('dashboard:log.label')}>
            {log.text}
          </pre>
        ))}
    </Modal>
  );
}
