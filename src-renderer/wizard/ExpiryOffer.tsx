// The generate-token step's one question: does Meta's "Token expiration" list still offer "Never"? New setups mostly
// see "60 days" only (FACTS.md §0 #5). The picture and the checklist follow the answer.
import { useTranslation } from 'react-i18next';
import type { ExpiryChoice } from '../meta-screens/screen-spec';
import { useWizard } from '../stores/stores';

const ANSWERS: ReadonlyArray<[ExpiryChoice, string]> = [
  ['sixtyDays', 'wizard:expiryOffer.sixtyDays'],
  ['never', 'wizard:expiryOffer.never'],
];

export function ExpiryOffer() {
  const { t } = useTranslation();
  const offer = useWizard((state) => state.expiryOffer);
  const setOffer = useWizard((state) => state.setExpiryOffer);
  return (
    <fieldset className="fieldset fieldset--inline expiry-offer">
      <legend className="fieldset__legend">{t('wizard:expiryOffer.legend')}</legend>
      {ANSWERS.map(([choice, label]) => (
        <label key={choice} className="choice__label">
          <input type="radio" name="expiry-offer" value={choice} checked={offer === choice} onChange={() => setOffer(choice)} />
          {t(label)}
        </label>
      ))}
    </fieldset>
  );
}
