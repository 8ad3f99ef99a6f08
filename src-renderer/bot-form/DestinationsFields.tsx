// "Other places the token goes": the places detection found holding the same token, and any the owner adds,
// each ticked to receive the new token too. The progress list later shows one line per ticked place.
import { useTranslation } from 'react-i18next';
import { Ltr } from '../ui/Ltr';
import { AddDestination } from './AddDestination';
import type { DestinationChoice } from './destinations';

interface DestinationsFieldsProps {
  folder: string;
  choices: DestinationChoice[];
  onChange: (choices: DestinationChoice[]) => void;
}

export function DestinationsFields({ folder, choices, onChange }: DestinationsFieldsProps) {
  const { t } = useTranslation();
  const toggle = (index: number) =>
    onChange(choices.map((choice, at) => (at === index ? { ...choice, included: !choice.included } : choice)));

  return (
    <fieldset className="fieldset">
      <legend className="fieldset__legend">{t('onboarding:form.destinations.legend')}</legend>
      <p className="muted">{t('onboarding:form.destinations.hint')}</p>
      {choices.length === 0 && <p>{t('onboarding:form.destinations.none')}</p>}
      {choices.length > 0 && (
        <ul className="destination-list">
          {choices.map((choice, index) => (
            <li key={`${choice.label}-${index}`}>
              <label className="choice__label">
                <input type="checkbox" checked={choice.included} onChange={() => toggle(index)} />
                <code>
                  <Ltr>{choice.label}</Ltr>
                </code>
              </label>
            </li>
          ))}
        </ul>
      )}
      <AddDestination folder={folder} onAdd={(choice) => onChange([...choices, choice])} />
    </fieldset>
  );
}
