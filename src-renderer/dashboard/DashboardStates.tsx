// The dashboard before it has bots to show: loading (placeholders in the shape of cards), nothing connected yet,
// and the list could not be read.
import { useTranslation } from 'react-i18next';
import noBotsUrl from '../../assets/illustrations/no-bots.svg';
import somethingWrongUrl from '../../assets/illustrations/something-wrong.svg';
import type { UserMessage } from '../../src-main/contract';
import { Illustration } from '../ui/Illustration';
import { Message } from '../ui/Message';
import { SkeletonLines } from '../ui/Skeleton';

export function DashboardLoading() {
  const { t } = useTranslation();
  return (
    <div className="bot-list" aria-busy="true">
      <p className="visually-hidden" role="status">
        {t('dashboard:loading')}
      </p>
      {[0, 1].map((index) => (
        <div key={index} className="bot-card bot-card--placeholder">
          <SkeletonLines lines={5} />
        </div>
      ))}
    </div>
  );
}

export function NoBots({ onConnect }: { onConnect: () => void }) {
  const { t } = useTranslation();
  return (
    <div className="empty-state">
      <Illustration src={noBotsUrl} alt={t('dashboard:empty.alt')} />
      <h2>{t('dashboard:empty.title')}</h2>
      <p>{t('dashboard:empty.body')}</p>
      <button type="button" className="button button--primary button--large" onClick={onConnect}>
        {t('dashboard:empty.connect')}
      </button>
    </div>
  );
}

export function BotsLoadFailed({ message, onRetry }: { message: UserMessage; onRetry: () => void }) {
  const { t } = useTranslation();
  return (
    <div className="empty-state" role="alert">
      <Illustration src={somethingWrongUrl} alt={t('dashboard:loadFailed.alt')} />
      <h2>{t('dashboard:loadFailed.title')}</h2>
      <p>
        <Message message={message} />
      </p>
      <button type="button" className="button button--primary" onClick={onRetry}>
        {t('common:actions.tryAgain')}
      </button>
    </div>
  );
}
