// The dashboard's first line: how the bots are at a glance ("1 bot down and 1 expires in 3 days"), and what the
// watch does next — when it checks again and how far ahead it warns.
import { useTranslation } from 'react-i18next';
import type { BotView } from '../../src-main/contract';
import { relativeTime } from '../format/relative-time';
import { useNow } from '../format/use-now';
import { useSettings } from '../stores/stores';
import { Icon } from '../ui/Icon';
import { nextCheckAt, summarize, type DashboardSummary } from './triage';

function useSummaryParts(summary: DashboardSummary, now: number): string[] {
  const { t, i18n } = useTranslation();
  const parts: string[] = [];
  if (summary.down > 0) parts.push(t('dashboard:summary.down', { count: summary.down }));
  const { count, first } = summary.expiring;
  const relative = first ? relativeTime(first, now, i18n.language) : null;
  if (count === 1) parts.push(relative ? t('dashboard:summary.expiresOne', { relative }) : t('dashboard:summary.expiringSoon', { count }));
  if (count > 1) parts.push(relative ? t('dashboard:summary.expireSeveral', { count, relative }) : t('dashboard:summary.expiringSoon', { count }));
  if (summary.unknown > 0) parts.push(t('dashboard:summary.unknown', { count: summary.unknown }));
  if (summary.unchecked > 0) parts.push(t('dashboard:summary.unchecked', { count: summary.unchecked }));
  return parts;
}

export function DashboardSummaryLine({ bots }: { bots: readonly BotView[] }) {
  const { t, i18n } = useTranslation();
  const now = useNow();
  const intervalHours = useSettings((state) => state.settings?.checkIntervalHours ?? null);
  const summary = summarize(bots);
  const parts = useSummaryParts(summary, now);
  const allFine = parts.length === 0;
  const next = intervalHours === null ? null : nextCheckAt(bots, intervalHours, now);
  const nextRelative = next === null ? null : relativeTime(new Date(next).toISOString(), now, i18n.language);

  return (
    <div className={allFine ? 'dashboard-summary dashboard-summary--fine' : 'dashboard-summary dashboard-summary--attention'}>
      <p className="dashboard-summary__state" role="status">
        <Icon name={allFine ? 'check' : 'warning'} />
        <span>
          {allFine
            ? t('dashboard:summary.allFine', { count: summary.fine })
            : t('dashboard:summary.sentence', { list: new Intl.ListFormat(i18n.language, { type: 'conjunction' }).format(parts) })}
        </span>
      </p>
      <p className="dashboard-summary__watch">
        {next !== null && (nextRelative ? t('dashboard:watch.nextCheck', { relative: nextRelative }) : t('dashboard:watch.nextCheckNow'))}{' '}
        {t('dashboard:watch.warns')}
      </p>
    </div>
  );
}
