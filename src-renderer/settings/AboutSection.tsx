// Which version of the app this is, for support questions.
import { useTranslation } from 'react-i18next';
import { useShell } from '../stores/stores';
import { Ltr } from '../ui/Ltr';

export function AboutSection() {
  const { t } = useTranslation();
  const info = useShell((state) => state.appInfo);
  return (
    <section className="settings-section" aria-labelledby="settings-about">
      <h2 id="settings-about">{t('settings:about.title')}</h2>
      <p>{t('settings:about.body')}</p>
      {info && (
        <p>
          {t('settings:about.version')} <Ltr>{info.version}</Ltr> <span className="muted">({info.platform})</span>
        </p>
      )}
    </section>
  );
}
