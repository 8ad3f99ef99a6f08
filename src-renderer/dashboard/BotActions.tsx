// What the owner can do for one bot: renew, check now, restart, read the log, and — for a token Meta lets the
// app trade in, when the app's credentials are saved and the watch will not do it by itself — make it last 60
// days. Each state has one main action: renew a dead or expiring token, get a long-lasting one for a temporary
// token, check again when Meta was not reached.
import { useTranslation } from 'react-i18next';
import type { BotView } from '../../src-main/contract';
import type { BotAction } from '../stores/bots-store';
import { openWizard } from '../stores/events';
import { useBots, useSettings, useStores } from '../stores/stores';
import { Icon } from '../ui/Icon';
import { Spinner } from '../ui/Spinner';
import { canExtend } from './status-look';
import { botState } from './triage';

interface BotActionsProps {
  bot: BotView;
  onShowLog: () => void;
  onStopProcesses: () => void;
}

export function BotActions({ bot, onShowLog, onStopProcesses }: BotActionsProps) {
  const { t } = useTranslation();
  const stores = useStores();
  const busy = useBots((state) => state.busy[bot.id]);
  const diagnose = useBots((state) => state.diagnose);
  const restart = useBots((state) => state.restart);
  const extend = useBots((state) => state.extend);
  const hasAppCredentials = useSettings((state) => state.settings?.appCredentials != null);
  const state = botState(bot.lastDiagnosis);
  // A working token the watch will refresh on its own needs no button to do it by hand: it would only read as a
  // second, unexplained way to renew next to "Renews itself on DATE".
  const renewsItself = state === 'ok' && bot.renewal?.kind === 'renews_itself';
  const extendable = hasAppCredentials && canExtend(bot.lastDiagnosis) && !renewsItself;
  const main = {
    renew: state === 'dead' || state === 'expiring' || (state === 'temporary' && !extendable),
    extend: state === 'temporary' && extendable,
    check: state === 'unknown' || state === 'unchecked',
  };
  const disabled = busy !== undefined || bot.checking;
  const buttonClass = (isMain: boolean) => (isMain ? 'button button--primary' : 'button');

  const working = (action: BotAction, label: string) =>
    busy === action || (action === 'diagnose' && bot.checking) ? (
      <>
        <Spinner />
        {t('dashboard:actions.working')}
      </>
    ) : (
      label
    );

  return (
    <div className="bot-actions">
      {main.extend && (
        <button type="button" className={buttonClass(true)} onClick={() => void extend(bot.id)} disabled={disabled}>
          {working('extend', t('dashboard:actions.extend'))}
        </button>
      )}
      <button
        type="button"
        className={buttonClass(main.renew)}
        // A temporary token's way out is the long-lasting path, so the wizard opens straight on it.
        onClick={() => openWizard(stores, bot.id, state === 'temporary' ? 'permanent' : undefined)}
        disabled={disabled}
      >
        <Icon name="key" />
        {t(state === 'temporary' ? 'dashboard:actions.getLongLasting' : 'dashboard:actions.renew')}
      </button>
      <button type="button" className={buttonClass(main.check)} onClick={() => void diagnose(bot.id)} disabled={disabled}>
        {working('diagnose', t('dashboard:actions.check'))}
      </button>
      {bot.run.mode !== 'none' && (
        <button
          type="button"
          className="button"
          onClick={() => (bot.run.mode === 'found' ? onStopProcesses() : void restart(bot.id))}
          disabled={disabled}
        >
          {working('restart', t(bot.run.mode === 'found' ? 'dashboard:actions.stopProcesses' : 'dashboard:actions.restart'))}
        </button>
      )}
      <button type="button" className="button" onClick={onShowLog}>
        <Icon name="log" />
        {t('dashboard:actions.log')}
      </button>
      {extendable && !main.extend && (
        <button type="button" className="button" onClick={() => void extend(bot.id)} disabled={disabled}>
          {working('extend', t('dashboard:actions.extend'))}
        </button>
      )}
    </div>
  );
}
