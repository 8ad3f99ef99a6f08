// The boxes to tick in Meta's "Generate token" dialog, as a checklist the owner ticks along: the expiry first,
// then the three permissions by the exact names Meta shows.
import { useTranslation } from 'react-i18next';
import { useWizard } from '../stores/stores';
import { Ltr } from '../ui/Ltr';
import { TOKEN_CHECKLIST } from './guide-content';

const EXPLANATION: Record<Exclude<(typeof TOKEN_CHECKLIST)[number], 'expiry'>, string> = {
  whatsapp_business_management: 'wizard:checklist.management',
  whatsapp_business_messaging: 'wizard:checklist.messaging',
  business_management: 'wizard:checklist.business',
};

export function TokenChecklist() {
  const { t } = useTranslation();
  const ticked = useWizard((state) => state.ticked);
  const toggle = useWizard((state) => state.toggleTicked);
  const expiryOffer = useWizard((state) => state.expiryOffer);
  const done = TOKEN_CHECKLIST.filter((item) => ticked.includes(item)).length;

  return (
    <fieldset className="fieldset checklist">
      <legend className="fieldset__legend">{t('wizard:checklist.legend')}</legend>
      <p className="muted">{t('wizard:checklist.searchHint')}</p>
      {TOKEN_CHECKLIST.map((item) => (
        <label key={item} className={ticked.includes(item) ? 'checklist__item checklist__item--done' : 'checklist__item'}>
          <input type="checkbox" checked={ticked.includes(item)} onChange={() => toggle(item)} />
          <span>
            {item === 'expiry' ? (
              t(expiryOffer === 'never' ? 'wizard:checklist.expiryNever' : 'wizard:checklist.expirySixtyDays')
            ) : (
              <>
                <code>
                  <Ltr>{item}</Ltr>
                </code>
                <span className="checklist__why">{t(EXPLANATION[item])}</span>
              </>
            )}
          </span>
        </label>
      ))}
      <p className="muted" aria-live="polite">
        {t('wizard:checklist.progress', { done, total: TOKEN_CHECKLIST.length })}
      </p>
    </fieldset>
  );
}
