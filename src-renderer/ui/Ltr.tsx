// Ids, tokens, phone numbers, file paths and commands read left to right in every language; inside Arabic text
// they must be isolated, or the bidi algorithm reorders their punctuation ("+90 555" becomes "555 90+").
import type { ReactNode } from 'react';

export function Ltr({ children }: { children: ReactNode }) {
  return (
    <bdi dir="ltr" className="ltr">
      {children}
    </bdi>
  );
}
