// The app's own behaviour: language, starting with the computer, how often to check, automatic renewal.
// Each control saves as soon as it changes; the result is announced.
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LANGUAGES, type Language } from '../../assets/locales';
import type { CallInput } from '../../src-main/contract';
import { LANGUAGE_NAME_KEY } from '../app/language-names';
import { useSettings } from '../stores/stores';
import { Message } from '../ui/Message';
import { showCredentialsForm } from './AppCredentialsSection';
import { CountChoice } from './CountChoice';

const INTERVALS = [1, 2, 3, 4, 6, 8, 12, 24];
const LEADS = [3, 7, 14, 21];
const SYSTEM_LANGUAGE = 'system';

export function GeneralSettings() {
  const { t } = useTranslation();
  const language = useSettings((state) => state.settings?.language ?? null);
  const launchAtLogin = useSettings((state) => state.settings?.launchAtLogin ?? false);
  const interval = useSettings((state) => state.settings?.checkIntervalHours ?? 6);
  const autoRenew = useSettings((state) => state.settings?.autoRenew ?? false);
  const lead = useSettings((state) => state.settings?.autoRenewLeadDays ?? 7);
  const hasAppCredentials = useSettings((state) => state.settings?.appCredentials != null);
  const saveError = useSettings((state) => state.saveError);
  const update = useSettings((state) => state.update);
  const [saved, setSaved] = useState(false);
  const languageId = useId();
  const autoRenewHintId = useId();

  async function save(patch: CallInput<'updateSettings'>) {
    setSaved(false);
    await update(patch);
    setSaved(true);
  }

  return (
    <section className="settings-section" aria-labelledby="settings-general">
      <h2 id="settings-general">{t('settings:general.title')}</h2>

      <div className="field">
        <label htmlFor={languageId} className="field__label">
          {t('settings:general.language')}
        </label>
        <select
          id={languageId}
          className="field__input"
          value={language ?? SYSTEM_LANGUAGE}
          onChange={(event) => {
            const value = event.target.value;
            void save({ language: value === SYSTEM_LANGUAGE ? null : (value as Language) });
          }}
        >
          <option value={SYSTEM_LANGUAGE}>{t('settings:general.systemLanguage')}</option>
          {LANGUAGES.map((option) => (
            <option key={option} value={option} lang={option}>
              {t(LANGUAGE_NAME_KEY[option])}
            </option>
          ))}
        </select>
      </div>

      <label className="toggle">
        <input type="checkbox" checked={launchAtLogin} onChange={(event) => void save({ launchAtLogin: event.target.checked })} />
        <span>
          <span className="toggle__label">{t('settings:general.launchAtLogin')}</span>
          <span className="toggle__hint">{t('settings:general.launchAtLoginHint')}</span>
        </span>
      </label>

      <CountChoice
        label={t('settings:general.interval')}
        hint={t('settings:general.intervalHint')}
        value={interval}
        offered={INTERVALS}
        wordsFor={(hours) => t('settings:general.every', { count: hours })}
        onChange={(hours) => void save({ checkIntervalHours: hours })}
      />

      {/* Without the app's credentials automatic renewal cannot work: it is shown off and says why. */}
      <label className={hasAppCredentials ? 'toggle' : 'toggle toggle--unavailable'}>
        <input
          type="checkbox"
          checked={autoRenew && hasAppCredentials}
          disabled={!hasAppCredentials}
          aria-describedby={autoRenewHintId}
          onChange={(event) => void save({ autoRenew: event.target.checked })}
        />
        <span>
          <span className="toggle__label">{t('settings:general.autoRenew')}</span>
          <span className="toggle__hint" id={autoRenewHintId}>
            {t(hasAppCredentials ? 'settings:general.autoRenewHint' : 'settings:general.autoRenewNeedsCredentials')}
          </span>
        </span>
      </label>
      {!hasAppCredentials && (
        <button type="button" className="button button--small toggle__action" onClick={showCredentialsForm}>
          {t('settings:general.addCredentials')}
        </button>
      )}

      <CountChoice
        label={t('settings:general.autoRenewLead')}
        value={lead}
        offered={LEADS}
        wordsFor={(days) => t('settings:general.daysBefore', { count: days })}
        onChange={(days) => void save({ autoRenewLeadDays: days })}
        disabled={!autoRenew || !hasAppCredentials}
      />

      <p className="settings-section__status" aria-live="polite">
        {saveError ? (
          <span className="field__error">
            <Message message={saveError} />
          </span>
        ) : (
          saved && t('settings:saved')
        )}
      </p>
    </section>
  );
}
