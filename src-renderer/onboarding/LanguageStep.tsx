// The language, pre-selected from the computer's; choosing one switches the whole app at once.
import { useTranslation } from 'react-i18next';
import { LANGUAGES } from '../../assets/locales';
import { LANGUAGE_NAME_KEY } from '../app/language-names';
import { useOnboarding, useSettings } from '../stores/stores';
import { FocusHeading } from '../ui/FocusHeading';
import { Icon } from '../ui/Icon';

export function LanguageStep() {
  const { t, i18n } = useTranslation();
  const goTo = useOnboarding((state) => state.goTo);
  const current = useSettings((state) => state.settings?.effectiveLanguage ?? i18n.language);
  const update = useSettings((state) => state.update);

  return (
    <section className="onboarding-step">
      <FocusHeading level={1}>{t('onboarding:language.title')}</FocusHeading>
      <p>{t('onboarding:language.body')}</p>
      <fieldset className="fieldset language-choice">
        <legend className="visually-hidden">{t('onboarding:language.title')}</legend>
        {LANGUAGES.map((language) => (
          <label key={language} className={language === current ? 'choice choice--checked' : 'choice'}>
            <span className="choice__label">
              <input
                type="radio"
                name="language"
                checked={language === current}
                onChange={() => void update({ language })}
              />
              <span lang={language}>{t(LANGUAGE_NAME_KEY[language])}</span>
            </span>
          </label>
        ))}
      </fieldset>
      <div className="step-actions">
        <button type="button" className="button" onClick={() => goTo('welcome')}>
          <Icon name="back" />
          {t('common:actions.back')}
        </button>
        <button type="button" className="button button--primary" onClick={() => goTo('connect')}>
          {t('common:actions.next')}
          <Icon name="next" />
        </button>
      </div>
    </section>
  );
}
