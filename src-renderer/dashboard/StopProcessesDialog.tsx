// For a bot the owner starts themselves: the programs that look like it, and a stop for only the ticked ones.
// Nothing is stopped by name and nothing without this confirmation.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BotView, FoundProcess, UserMessage } from '../../src-main/contract';
import { useBots, useStores } from '../stores/stores';
import { toUserMessage } from '../stores/user-message';
import { Banner } from '../ui/Banner';
import { Ltr } from '../ui/Ltr';
import { Message } from '../ui/Message';
import { Modal } from '../ui/Modal';
import { SkeletonLines } from '../ui/Skeleton';

export function StopProcessesDialog({ bot, onClose }: { bot: BotView; onClose: () => void }) {
  const { t } = useTranslation();
  const { doctor } = useStores();
  const busy = useBots((state) => state.busy[bot.id] !== undefined);
  const stopProcesses = useBots((state) => state.stopProcesses);
  const [found, setFound] = useState<FoundProcess[] | null>(null);
  const [error, setError] = useState<UserMessage | null>(null);
  const [ticked, setTicked] = useState<number[]>([]);

  useEffect(() => {
    let current = true;
    doctor.findBotProcesses({ id: bot.id }).then(
      (processes) => {
        if (!current) return;
        setFound(processes);
        setTicked(processes.map((process) => process.pid));
      },
      (failure: unknown) => current && setError(toUserMessage(failure)),
    );
    return () => {
      current = false;
    };
  }, [doctor, bot.id]);

  const toggle = (pid: number) =>
    setTicked((current) => (current.includes(pid) ? current.filter((known) => known !== pid) : [...current, pid]));

  async function stopTicked() {
    onClose();
    await stopProcesses(bot.id, ticked);
  }

  return (
    <Modal
      title={t('dashboard:processes.title', { name: bot.name })}
      onClose={onClose}
      wide
      footer={
        <>
          <button type="button" className="button button--primary" disabled={busy || ticked.length === 0} onClick={() => void stopTicked()}>
            {t('dashboard:processes.stop', { count: ticked.length })}
          </button>
          <button type="button" className="button" onClick={onClose}>
            {t('common:actions.cancel')}
          </button>
        </>
      }
    >
      <p>{t('dashboard:processes.body')}</p>
      {error && (
        <Banner tone="danger">
          <Message message={error} />
        </Banner>
      )}
      {!found && !error && <SkeletonLines lines={3} />}
      {found?.length === 0 && <p className="muted">{t('dashboard:processes.none')}</p>}
      {found && found.length > 0 && (
        <ul className="process-list">
          {found.map((process) => (
            <li key={process.pid}>
              <label className="choice__label">
                <input type="checkbox" checked={ticked.includes(process.pid)} onChange={() => toggle(process.pid)} />
                <span>
                  {t('dashboard:processes.pid')} <Ltr>{process.pid}</Ltr>
                  <code className="process-list__command">
                    <Ltr>{process.command}</Ltr>
                  </code>
                </span>
              </label>
            </li>
          ))}
        </ul>
      )}
    </Modal>
  );
}
