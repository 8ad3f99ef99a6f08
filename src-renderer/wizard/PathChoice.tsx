// The first question: a permanent token (recommended, so the bot does not go silent again) or a quick
// temporary one (works now, dies within a day).
import { useTranslation } from 'react-i18next';
import { useWizard } from '../stores/stores';
import { FocusHeading } from '../ui/FocusHeading';
import { Icon } from '../ui/Icon';

export function PathChoice() {
  const { t } = useTranslation();
  const choosePath = useWizard((state) => state.choosePath);
  return (
    <div className="wizard-stage">
      <FocusHeading level={2}>{t('wizard:choose.title')}</FocusHeading>
      <p>{t('wizard:choose.body')}</p>
      <div className="path-choice">
        <button type="button" className="path-option path-option--recommended" onClick={() => choosePath('permanent')}>
          <span className="path-option__badge">{t('wizard:choose.recommended')}</span>
          <span className="path-option__title">{t('wizard:choose.permanent.title')}</span>
          <span className="path-option__body">{t('wizard:choose.permanent.body')}</span>
          <span className="path-option__time">
            <Icon name="clock" />
            {t('wizard:choose.permanent.time')}
          </span>
        </button>
        <button type="button" className="path-option" onClick={() => choosePath('temporary')}>
          <span className="path-option__title">{t('wizard:choose.temporary.title')}</span>
          <span className="path-option__body">{t('wizard:choose.temporary.body')}</span>
          <span className="path-option__time">
            <Icon name="warning" />
            {t('wizard:choose.temporary.warning')}
          </span>
        </button>
      </div>
    </div>
  );
}
