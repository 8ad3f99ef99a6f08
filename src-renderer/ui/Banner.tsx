// A calm, coloured box for something the owner should know: the icon and the words carry the meaning, the
// colour only repeats it.
import type { ReactNode } from 'react';
import { Icon, type IconName } from './Icon';

export type Tone = 'success' | 'warning' | 'danger' | 'info' | 'neutral';

const TONE_ICON: Record<Tone, IconName> = {
  success: 'check',
  warning: 'warning',
  danger: 'warning',
  info: 'info',
  neutral: 'question',
};

interface BannerProps {
  tone: Tone;
  title?: ReactNode;
  children?: ReactNode;
  actions?: ReactNode;
  /** Announce it when it appears (results of something the owner just did). */
  live?: boolean;
}

export function Banner({ tone, title, children, actions, live = false }: BannerProps) {
  return (
    <div className={`banner banner--${tone}`} role={live ? 'status' : undefined}>
      <Icon name={TONE_ICON[tone]} className="banner__icon" />
      <div className="banner__content">
        {title && <p className="banner__title">{title}</p>}
        {children}
        {actions && <div className="banner__actions">{actions}</div>}
      </div>
    </div>
  );
}
