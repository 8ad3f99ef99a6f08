// Shows a sentence that came from main (a diagnosis, a step of the renewal, an error) in the owner's language.
// In right-to-left text, values such as ids, numbers with "+" and masked tokens are wrapped in Unicode isolates
// so the bidi algorithm cannot reorder them; dates stay raw for the `isoDate` formatter, counts stay numbers.
import { useTranslation } from 'react-i18next';
import { textDirection, type Language } from '../../assets/locales';
import type { UserMessage } from '../../src-main/contract';

const LEFT_TO_RIGHT_ISOLATE = '\u2066';
const POP_DIRECTIONAL_ISOLATE = '\u2069';
const ISO_DATE = /^\d{4}-\d{2}-\d{2}(T[\d:.]+(Z|[+-]\d{2}:?\d{2})?)?$/;

function isolate(params: UserMessage['params'], rtl: boolean): UserMessage['params'] {
  if (!params || !rtl) return params;
  const isolated: Record<string, string | number> = {};
  for (const [name, value] of Object.entries(params)) {
    isolated[name] =
      typeof value === 'string' && !ISO_DATE.test(value) && /[A-Za-z0-9]/.test(value)
        ? `${LEFT_TO_RIGHT_ISOLATE}${value}${POP_DIRECTIONAL_ISOLATE}`
        : value;
  }
  return isolated;
}

export function useMessageText(): (message: UserMessage) => string {
  const { t, i18n } = useTranslation();
  const rtl = textDirection(i18n.language as Language) === 'rtl';
  return (message) => t(message.key, isolate(message.params, rtl) ?? {});
}

export function Message({ message }: { message: UserMessage }) {
  const text = useMessageText();
  return <>{text(message)}</>;
}
