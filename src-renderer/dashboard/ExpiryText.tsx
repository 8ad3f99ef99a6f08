// When the token dies, as a countdown in words: "Expires in 3 days", "Expired 2 days ago", "Never expires".
import { useTranslation } from 'react-i18next';
import type { Diagnosis } from '../../src-main/contract';
import { isPast, relativeTime } from '../format/relative-time';
import { useNow } from '../format/use-now';

export function ExpiryText({ diagnosis }: { diagnosis: Diagnosis }) {
  const { t, i18n } = useTranslation();
  const now = useNow();
  if (diagnosis.neverExpires) return <>{t('dashboard:expiry.never')}</>;
  if (!diagnosis.expiresAt) return <>{t('dashboard:expiry.unknown')}</>;
  const relative = relativeTime(diagnosis.expiresAt, now, i18n.language);
  if (isPast(diagnosis.expiresAt, now)) {
    return <>{relative ? t('dashboard:expiry.past', { relative }) : t('dashboard:expiry.justNow')}</>;
  }
  return <>{relative ? t('dashboard:expiry.future', { relative }) : t('dashboard:expiry.withinMinute')}</>;
}
