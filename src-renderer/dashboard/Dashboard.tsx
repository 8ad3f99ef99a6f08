// "Your bots": a summary line, then one card per connected bot, most urgent first; or the designed loading,
// empty and failure states.
import { useTranslation } from 'react-i18next';
import { useStartConnecting } from '../onboarding/use-start-connecting';
import { useBots } from '../stores/stores';
import { FocusHeading } from '../ui/FocusHeading';
import { Icon } from '../ui/Icon';
import { BotCard } from './BotCard';
import { BotsLoadFailed, DashboardLoading, NoBots } from './DashboardStates';
import { DashboardSummaryLine } from './DashboardSummary';
import { KeychainBanner } from './KeychainBanner';
import { sortByUrgency } from './triage';
import '../styles/dashboard.css';

export function Dashboard() {
  const { t } = useTranslation();
  const bots = useBots((state) => state.bots);
  const loadState = useBots((state) => state.loadState);
  const loadError = useBots((state) => state.loadError);
  const load = useBots((state) => state.load);
  const connectBot = useStartConnecting();

  return (
    <section className="page dashboard" aria-labelledby="dashboard-title">
      <div className="page__header">
        <FocusHeading level={1} id="dashboard-title">
          {t('dashboard:title')}
        </FocusHeading>
        {bots.length > 0 && (
          <button type="button" className="button" onClick={connectBot}>
            <Icon name="plus" />
            {t('dashboard:connectAnother')}
          </button>
        )}
      </div>
      {bots.length > 0 && <DashboardSummaryLine bots={bots} />}
      <KeychainBanner />
      {loadState === 'loading' && bots.length === 0 && <DashboardLoading />}
      {loadState === 'error' && loadError && <BotsLoadFailed message={loadError} onRetry={() => void load()} />}
      {loadState === 'ready' && bots.length === 0 && <NoBots onConnect={connectBot} />}
      {bots.length > 0 && (
        <div className="bot-list">
          {sortByUrgency(bots).map((bot) => (
            <BotCard key={bot.id} bot={bot} />
          ))}
        </div>
      )}
    </section>
  );
}
