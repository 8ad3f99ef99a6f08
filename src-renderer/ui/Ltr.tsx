// Ids, tokens, phone numbers, file paths and commands read left to right in every language; inside Arabic text
// they must be isolated, or the bidi algorithm reorders their punctuation ("+90 555" becomes "555 90+").
// Long names may wrap after _ / \ . (WHATSAPP_BUSINESS_ACCOUNT_ID, backend/.env) rather than mid-word.
import { Fragment, type ReactNode } from 'react';

const BREAK_AFTER = /(?<=[_/\\.])/;

function withBreakOpportunities(text: string): ReactNode {
  const parts = text.split(BREAK_AFTER);
  if (parts.length === 1) return text;
  return parts.map((part, index) => (
    <Fragment key={index}>
      {part}
      {index < parts.length - 1 && <wbr />}
    </Fragment>
  ));
}

export function Ltr({ children }: { children: ReactNode }) {
  return (
    <bdi dir="ltr" className="ltr">
      {typeof children === 'string' ? withBreakOpportunities(children) : children}
    </bdi>
  );
}
