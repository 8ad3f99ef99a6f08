// Asked once, after the first successful renewal: should the app start with the computer, so it keeps watching?
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSettings } from '../stores/stores';

export function LaunchAtLoginQuestion() {
  const { t } = useTranslation();
  const asked = useSettings((state) => state.settings?.launchAtLoginAsked ?? true);
  const update = useSettings((state) => state.update);
  const [answer, setAnswer] = useState<boolean | null>(null);

  if (answer !== null) {
    return (
      <p className="launch-question" role="status">
        {t(answer ? 'wizard:launchAtLogin.yesDone' : 'wizard:launchAtLogin.noDone')}
      </p>
    );
  }
  if (asked) return null;

  function reply(launchAtLogin: boolean) {
    setAnswer(launchAtLogin);
    void update({ launchAtLogin, launchAtLoginAsked: true });
  }

  return (
    <div className="launch-question">
      <h3>{t('wizard:launchAtLogin.title')}</h3>
      <p>{t('wizard:launchAtLogin.body')}</p>
      <div className="button-row">
        <button type="button" className="button button--primary" onClick={() => reply(true)}>
          {t('wizard:launchAtLogin.yes')}
        </button>
        <button type="button" className="button" onClick={() => reply(false)}>
          {t('wizard:launchAtLogin.no')}
        </button>
      </div>
    </div>
  );
}
