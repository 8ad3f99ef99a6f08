// What happens next to a working token, in one line: it renews itself on a date, or it needs its owner by a date —
// with the one click that makes it renew itself when the app's ID and secret are what it lacks. Main decides which
// (RenewalOutlook); a never-expiring token needs no line (its expiry already says "never"), nor does a temporary
// one: its own amber notice already says it will die and offers the way out, and one message per state is enough.
import { useTranslation } from 'react-i18next';
import type { NeedsYouReason, RenewalOutlook } from '../../src-main/contract';
import { Icon } from '../ui/Icon';
import '../styles/renewal.css';

const WHY: Record<Exclude<NeedsYouReason, 'temporary'>, string> = {
  no_app_credentials: 'dashboard:renewal.why.no_app_credentials',
  auto_renew_off: 'dashboard:renewal.why.auto_renew_off',
};

interface RenewalLineProps {
  outlook: RenewalOutlook | null;
  /** Where "Add the app ID and secret" leads (Settings from the dashboard, the last step in the wizard). */
  onAddAppCredentials?: () => void;
}

export function RenewalLine({ outlook, onAddAppCredentials }: RenewalLineProps) {
  const { t } = useTranslation();
  if (!outlook || outlook.kind === 'never_expires') return null;
  if (outlook.kind === 'renews_itself') {
    return (
      <p className="renewal renewal--self" data-renewal="renews_itself">
        <Icon name="refresh" />
        <span>{t('dashboard:renewal.renewsItself', { date: outlook.renewsAt })}</span>
      </p>
    );
  }
  const { reason } = outlook;
  if (reason === 'temporary') return null;
  return (
    <div className="renewal renewal--needs-you" data-renewal="needs_you">
      <p className="renewal__headline">
        <Icon name="clock" />
        <strong>{outlook.expiresAt ? t('dashboard:renewal.needsYou', { date: outlook.expiresAt }) : t('dashboard:renewal.needsYouHidden')}</strong>
      </p>
      <p className="renewal__why">{t(WHY[reason])}</p>
      {reason === 'no_app_credentials' && onAddAppCredentials && (
        <button type="button" className="button renewal__action" onClick={onAddAppCredentials}>
          <Icon name="key" />
          {t('dashboard:renewal.addAppCredentials')}
        </button>
      )}
    </div>
  );
}
