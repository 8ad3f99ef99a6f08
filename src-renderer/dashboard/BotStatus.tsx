// The top of a bot's card: its one state in words with its icon and colour, the countdown, and one sentence.
// When the owner has to act (a dead, expiring or temporary token) the sentence says what is wrong and the Renew
// button below is the whole recipe; when Meta could not be asked, it says what to check instead.
import { useTranslation } from 'react-i18next';
import type { BotView, Diagnosis } from '../../src-main/contract';
import { Icon } from '../ui/Icon';
import { Message } from '../ui/Message';
import { Notes } from '../ui/Notes';
import { Spinner } from '../ui/Spinner';
import { useShell } from '../stores/stores';
import { ExpiryText } from './ExpiryText';
import { RenewalLine } from './RenewalLine';
import { lookOf } from './status-look';
import { botState } from './triage';

/** The diagnosis's own warning that a token is temporary: the card's state already says it. */
const SAID_BY_THE_STATE = new Set(['diagnosis:warning.temporary_token']);

function StateSentence({ diagnosis }: { diagnosis: Diagnosis }) {
  const { t } = useTranslation();
  const state = botState(diagnosis);
  if (state === 'temporary') return <p className="bot-status__summary">{t('dashboard:temporary.body')}</p>;
  return (
    <>
      <p className="bot-status__summary">
        <Message message={diagnosis.summary} />
      </p>
      {state === 'unknown' && diagnosis.fix && (
        <p className="bot-status__fix">
          <strong>{t('dashboard:whatToDo')}</strong> <Message message={diagnosis.fix} />
        </p>
      )}
    </>
  );
}

export function BotStatus({ bot, checking }: { bot: BotView; checking: boolean }) {
  const { t } = useTranslation();
  const diagnosis = bot.lastDiagnosis;
  const look = lookOf(diagnosis);
  const navigate = useShell((state) => state.navigate);
  const warnings = diagnosis?.warnings.filter((warning) => !SAID_BY_THE_STATE.has(warning.key)) ?? [];

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
      {diagnosis ? <StateSentence diagnosis={diagnosis} /> : <p className="bot-status__summary">{t('dashboard:notCheckedYet')}</p>}
      <RenewalLine outlook={bot.renewal} onAddAppCredentials={() => navigate({ name: 'settings', section: 'appCredentials' })} />
      <Notes notes={warnings} />
    </div>
  );
}
