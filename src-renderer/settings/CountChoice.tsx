// A labelled choice among a few counts ("every 6 hours", "7 days before"), each option worded with the
// language's plural forms. A count saved earlier that is not among the offered ones is still shown.
import { useId } from 'react';

interface CountChoiceProps {
  label: string;
  hint?: string;
  value: number;
  offered: readonly number[];
  /** The option's words for a count (the caller's plural-aware translation). */
  wordsFor(count: number): string;
  onChange(count: number): void;
  disabled?: boolean;
}

export function CountChoice({ label, hint, value, offered, wordsFor, onChange, disabled = false }: CountChoiceProps) {
  const id = useId();
  const counts = offered.includes(value) ? offered : [...offered, value].sort((a, b) => a - b);
  return (
    <div className="field">
      <label htmlFor={id} className="field__label">
        {label}
      </label>
      <select id={id} className="field__input" value={value} disabled={disabled} onChange={(event) => onChange(Number(event.target.value))}>
        {counts.map((count) => (
          <option key={count} value={count}>
            {wordsFor(count)}
          </option>
        ))}
      </select>
      {hint && <p className="field__hint">{hint}</p>}
    </div>
  );
}
