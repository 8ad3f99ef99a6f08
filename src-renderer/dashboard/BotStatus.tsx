// The top of a bot's card: the status in words with its icon and colour, the countdown, and the diagnosis's
// own sentences — what is wrong, what to do about it, and anything else worth knowing.
import { useTranslation } from 'react-i18next';
import type { BotView } from '../../src-main/contract';
import { Icon } from '../ui/Icon';
import { Message } from '../ui/Message';
import { Spinner } from '../ui/Spinner';
import { ExpiryText } from './ExpiryText';
import { STATUS_LOOK, UNCHECKED_LOOK } from './status-look';

export function BotStatus({ bot, checking }: { bot: BotView; checking: boolean }) {
  const { t } = useTranslation();
  const diagnosis = bot.lastDiagnosis;
  const look = diagnosis ? STATUS_LOOK[diagnosis.status] : UNCHECKED_LOOK;

  return (
    <div className="bot-status">
      <div className="bot-status__line" aria-live="polite">
        {checking ? (
          <span className="badge badge--neutral">
            <Spinner />
            {t('dashboard:checking')}
          </span>
        ) : (
          <span className={`badge badge--${look.tone}`}>
            <Icon name={look.icon} />
            {t(look.label)}
          </span>
        )}
        {diagnosis && (diagnosis.expiresAt || diagnosis.neverExpires) && (
          <span className="bot-status__expiry">
            <ExpiryText diagnosis={diagnosis} />
          </span>
        )}
      </div>
      {diagnosis ? (
        <>
          <p className="bot-status__summary">
            <Message message={diagnosis.summary} />
          </p>
          {diagnosis.fix && (
            <p className="bot-status__fix">
              <strong>{t('dashboard:whatToDo')}</strong> <Message message={diagnosis.fix} />
            </p>
          )}
          {diagnosis.warnings.length > 0 && (
            <ul className="bot-status__warnings">
              {diagnosis.warnings.map((warning, index) => (
                <li key={`${warning.key}-${index}`}>
                  <Icon name="info" />
                  <span>
                    <Message message={warning} />
                  </span>
                </li>
              ))}
            </ul>
          )}
        </>
      ) : (
        <p className="bot-status__summary">{t('dashboard:notCheckedYet')}</p>
      )}
    </div>
  );
}
