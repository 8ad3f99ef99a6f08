// While the new token is being put in place: what is happening, step by step, as main reports it.
import { useTranslation } from 'react-i18next';
import { useWizard } from '../stores/stores';
import { FocusHeading } from '../ui/FocusHeading';
import { ApplyProgress } from './ApplyProgress';

export function ApplyingView() {
  const { t } = useTranslation();
  const progress = useWizard((state) => state.progress);
  return (
    <div className="wizard-stage">
      <FocusHeading level={2}>{t('wizard:apply.title')}</FocusHeading>
      <p>{t('wizard:apply.body')}</p>
      <ApplyProgress steps={progress} />
    </div>
  );
}
