// "Connect your bot": the OS folder picker, or the folder's path typed or pasted (the picker may not open).
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useBots, useOnboarding, useShell } from '../stores/stores';
import { Banner } from '../ui/Banner';
import { FocusHeading } from '../ui/FocusHeading';
import { Icon } from '../ui/Icon';
import { Message } from '../ui/Message';
import { Spinner } from '../ui/Spinner';
import { TextField } from '../ui/TextField';

export function ConnectStep() {
  const { t } = useTranslation();
  const [folder, setFolder] = useState('');
  const detecting = useOnboarding((state) => state.detecting);
  const detectError = useOnboarding((state) => state.detectError);
  const pickerFailed = useOnboarding((state) => state.pickerFailed);
  const pickAndDetect = useOnboarding((state) => state.pickAndDetect);
  const detect = useOnboarding((state) => state.detect);
  const goTo = useOnboarding((state) => state.goTo);
  const firstRun = useBots((state) => state.bots.length === 0);
  const navigate = useShell((state) => state.navigate);

  function lookInTypedFolder(event: FormEvent) {
    event.preventDefault();
    if (folder.trim() !== '') void detect(folder.trim());
  }

  return (
    <section className="onboarding-step">
      <FocusHeading level={1}>{t('onboarding:connect.title')}</FocusHeading>
      <p>{t('onboarding:connect.body')}</p>

      <button type="button" className="button button--primary button--large" onClick={() => void pickAndDetect()} disabled={detecting}>
        {t('onboarding:connect.choose')}
      </button>
      {pickerFailed && <p className="muted">{t('onboarding:connect.pickerFailed')}</p>}

      <form className="connect__typed" onSubmit={lookInTypedFolder}>
        <TextField
          label={t('onboarding:connect.typeLabel')}
          value={folder}
          onChange={setFolder}
          dir="ltr"
          spellCheck={false}
          placeholder={t('onboarding:connect.typePlaceholder')}
          hint={t('onboarding:connect.typeHint')}
        />
        <button type="submit" className="button" disabled={detecting || folder.trim() === ''}>
          {t('onboarding:connect.look')}
        </button>
      </form>

      <div aria-live="polite" className="connect__status">
        {detecting && (
          <p className="inline-status">
            <Spinner />
            {t('onboarding:connect.looking')}
          </p>
        )}
        {detectError && (
          <Banner tone="danger" title={t('onboarding:connect.failed')}>
            <p>
              <Message message={detectError} />
            </p>
          </Banner>
        )}
      </div>

      <div className="step-actions">
        {firstRun ? (
          <button type="button" className="button" onClick={() => goTo('language')}>
            <Icon name="back" />
            {t('common:actions.back')}
          </button>
        ) : (
          <button type="button" className="button" onClick={() => navigate({ name: 'dashboard' })}>
            {t('common:actions.cancel')}
          </button>
        )}
      </div>
    </section>
  );
}
