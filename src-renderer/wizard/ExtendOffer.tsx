// After a quick temporary token, when the app has the app's credentials: trade it for one that lasts 60 days.
import { useTranslation } from 'react-i18next';
import { useBots } from '../stores/stores';
import { Banner } from '../ui/Banner';
import { Message } from '../ui/Message';
import { Spinner } from '../ui/Spinner';

export function ExtendOffer({ botId }: { botId: string }) {
  const { t } = useTranslation();
  const extend = useBots((state) => state.extend);
  const busy = useBots((state) => state.busy[botId] === 'extend');
  const notice = useBots((state) => state.notices[botId]);

  return (
    <Banner
      tone="info"
      title={t('wizard:extend.title')}
      actions={
        <button type="button" className="button" disabled={busy} onClick={() => void extend(botId)}>
          {busy && <Spinner />}
          {t('dashboard:actions.extend')}
        </button>
      }
    >
      <p>{t('wizard:extend.body')}</p>
      <p aria-live="polite">{notice && <Message message={notice.message} />}</p>
    </Banner>
  );
}
