// What the app does, in one friendly paragraph, before anything is asked of the owner.
import { useTranslation } from 'react-i18next';
import iconUrl from '../../assets/icon.svg';
import { useOnboarding } from '../stores/stores';
import { FocusHeading } from '../ui/FocusHeading';
import { Icon } from '../ui/Icon';

export function WelcomeStep() {
  const { t } = useTranslation();
  const goTo = useOnboarding((state) => state.goTo);
  return (
    <section className="onboarding-step onboarding-step--welcome">
      <img src={iconUrl} alt="" className="onboarding__icon" />
      <FocusHeading level={1}>{t('onboarding:welcome.title')}</FocusHeading>
      <p className="lead">{t('onboarding:welcome.body')}</p>
      <p>{t('onboarding:welcome.privacy')}</p>
      <div className="step-actions">
        <button type="button" className="button button--primary" onClick={() => goTo('language')}>
          {t('onboarding:welcome.start')}
          <Icon name="next" />
        </button>
      </div>
    </section>
  );
}
