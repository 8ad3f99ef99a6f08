// A screen's or a step's heading that takes focus when it appears, so keyboard and screen-reader users start
// reading at the new content instead of at a button that no longer exists. Give it a new `key` per step.
import { useEffect, useRef, type ReactNode } from 'react';

interface FocusHeadingProps {
  level: 1 | 2;
  children: ReactNode;
  id?: string;
  className?: string;
}

export function FocusHeading({ level, children, id, className }: FocusHeadingProps) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    heading.current?.focus();
  }, []);
  const Tag = level === 1 ? 'h1' : 'h2';
  return (
    <Tag ref={heading} tabIndex={-1} id={id} className={['focus-heading', className ?? ''].filter(Boolean).join(' ')}>
      {children}
    </Tag>
  );
}
