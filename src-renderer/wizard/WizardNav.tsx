// Back and Next at the foot of a wizard step; the arrows follow the reading direction.
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Icon } from '../ui/Icon';

interface WizardNavProps {
  onBack?: () => void;
  next?: ReactNode;
}

export function WizardNav({ onBack, next }: WizardNavProps) {
  const { t } = useTranslation();
  return (
    <div className="wizard-nav">
      {onBack && (
        <button type="button" className="button" onClick={onBack}>
          <Icon name="back" />
          {t('common:actions.back')}
        </button>
      )}
      <div className="wizard-nav__next">{next}</div>
    </div>
  );
}
