// When the token dies, as a countdown in words: "Expires in 3 days", "Expired 2 days ago", "Never expires", and
// for a temporary token, how long it still works: "Works for about 3 more hours".
import { useTranslation } from 'react-i18next';
import type { Diagnosis } from '../../src-main/contract';
import { hoursLeft, isPast, relativeTime } from '../format/relative-time';
import { useNow } from '../format/use-now';
import { botState } from './triage';

export function ExpiryText({ diagnosis }: { diagnosis: Diagnosis }) {
  const { t, i18n } = useTranslation();
  const now = useNow();
  if (diagnosis.neverExpires) return <>{t('dashboard:expiry.never')}</>;
  if (!diagnosis.expiresAt) return <>{t('dashboard:expiry.unknown')}</>;
  if (botState(diagnosis) === 'temporary' && !isPast(diagnosis.expiresAt, now)) {
    const hours = hoursLeft(diagnosis.expiresAt, now);
    return <>{hours > 0 ? t('dashboard:expiry.worksForHours', { count: hours }) : t('dashboard:expiry.worksUnderAnHour')}</>;
  }
  const relative = relativeTime(diagnosis.expiresAt, now, i18n.language);
  if (isPast(diagnosis.expiresAt, now)) {
    return <>{relative ? t('dashboard:expiry.past', { relative }) : t('dashboard:expiry.justNow')}</>;
  }
  return <>{relative ? t('dashboard:expiry.future', { relative }) : t('dashboard:expiry.withinMinute')}</>;
}
