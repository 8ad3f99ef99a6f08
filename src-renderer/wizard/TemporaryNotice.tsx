// The one message of a temporary token, wherever the wizard meets one: amber, how long it still works, and one
// way out — trade it for a 60-day token when the app's credentials are saved, otherwise the long-lasting path.
import { useTranslation } from 'react-i18next';
import type { Diagnosis } from '../../src-main/contract';
import { ExpiryText } from '../dashboard/ExpiryText';
import { useBots, useSettings, useWizard } from '../stores/stores';
import { Banner } from '../ui/Banner';
import { Message } from '../ui/Message';
import { Spinner } from '../ui/Spinner';

interface TemporaryNoticeProps {
  diagnosis: Diagnosis;
  botId: string;
  /** Offer the trade for a 60-day token (only once the token is in place). */
  offerExtend: boolean;
}

export function TemporaryNotice({ diagnosis, botId, offerExtend }: TemporaryNoticeProps) {
  const { t } = useTranslation();
  const hasAppCredentials = useSettings((state) => state.settings?.appCredentials != null);
  const extend = useBots((state) => state.extend);
  const extending = useBots((state) => state.busy[botId] === 'extend');
  const notice = useBots((state) => state.notices[botId]);
  const showGuideStep = useWizard((state) => state.showGuideStep);
  const canExtend = offerExtend && hasAppCredentials;

  return (
    <Banner
      tone="warning"
      title={<ExpiryText diagnosis={diagnosis} />}
      actions={
        canExtend ? (
          <button type="button" className="button button--primary" disabled={extending} onClick={() => void extend(botId)}>
            {extending && <Spinner />}
            {t('dashboard:actions.extend')}
          </button>
        ) : (
          <button type="button" className="button button--primary" onClick={() => showGuideStep('permanent', 0)}>
            {/* Before the token is in place it is "instead"; once it is, simply the next thing to do. */}
            {t(offerExtend ? 'dashboard:actions.getLongLasting' : 'wizard:verdict.getPermanent')}
          </button>
        )
      }
    >
      <p>{t(canExtend ? 'wizard:extend.body' : 'wizard:verdict.temporaryBody')}</p>
      {canExtend && <p aria-live="polite">{notice && <Message message={notice.message} />}</p>}
    </Banner>
  );
}
