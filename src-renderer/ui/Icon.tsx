// The app's few line icons, drawn inline so they take the text colour. Icons that point somewhere (back, next,
// "opens outside") are mirrored in right-to-left layouts by CSS; the rest look the same both ways.
import type { ReactElement } from 'react';

const PATHS = {
  check: ['M5 12.5l4.5 4.5L19 7.5'],
  cross: ['M6 6l12 12', 'M18 6L6 18'],
  warning: ['M12 3.5L2.5 20h19z', 'M12 10v4.5', 'M12 17.5v.01'],
  info: ['M12 3a9 9 0 1 0 0 18a9 9 0 1 0 0-18z', 'M12 11v6', 'M12 7.5v.01'],
  question: ['M12 3a9 9 0 1 0 0 18a9 9 0 1 0 0-18z', 'M9.5 9.5a2.5 2.5 0 1 1 3.5 2.3c-.7.3-1 .9-1 1.7', 'M12 17v.01'],
  clock: ['M12 3a9 9 0 1 0 0 18a9 9 0 1 0 0-18z', 'M12 7v5l3 2'],
  circle: ['M12 4a8 8 0 1 0 0 16a8 8 0 1 0 0-16z'],
  box: ['M6 5h12a1 1 0 0 1 1 1v12a1 1 0 0 1-1 1H6a1 1 0 0 1-1-1V6a1 1 0 0 1 1-1z'],
  dash: ['M7 12h10'],
  back: ['M19 12H5', 'M11 6l-6 6 6 6'],
  next: ['M5 12h14', 'M13 6l6 6-6 6'],
  chevronDown: ['M6 9l6 6 6-6'],
  external: ['M14 4h6v6', 'M20 4l-9 9', 'M18 14v5a1 1 0 0 1-1 1H5a1 1 0 0 1-1-1V7a1 1 0 0 1 1-1h5'],
  eye: ['M2 12s3.5-7 10-7 10 7 10 7-3.5 7-10 7S2 12 2 12z', 'M12 9a3 3 0 1 0 0 6a3 3 0 1 0 0-6z'],
  eyeOff: ['M2 12s3.5-7 10-7 10 7 10 7-3.5 7-10 7S2 12 2 12z', 'M12 9a3 3 0 1 0 0 6a3 3 0 1 0 0-6z', 'M4 4l16 16'],
  more: ['M5 12h.01', 'M12 12h.01', 'M19 12h.01'],
  refresh: ['M20 11a8 8 0 1 0-2.3 5.7', 'M20 4v7h-7'],
  log: ['M7 3h7l5 5v13H7z', 'M14 3v5h5', 'M10 13h6', 'M10 17h6'],
  plus: ['M12 5v14', 'M5 12h14'],
  key: ['M8 11a4 4 0 1 0 0 8a4 4 0 1 0 0-8z', 'M11 13l9-9', 'M17 7l3 3'],
  phone: ['M8 3h8a1 1 0 0 1 1 1v16a1 1 0 0 1-1 1H8a1 1 0 0 1-1-1V4a1 1 0 0 1 1-1z', 'M11 18h2'],
  play: ['M8 5.5v13l10-6.5z'],
  spinner: ['M12 3a9 9 0 1 0 9 9'],
} as const;

export type IconName = keyof typeof PATHS;

const MIRRORED_IN_RTL: ReadonlySet<IconName> = new Set(['back', 'next', 'external']);

export function Icon({ name, className }: { name: IconName; className?: string }): ReactElement {
  const classes = ['icon', `icon--${name}`, MIRRORED_IN_RTL.has(name) ? 'icon--mirror' : '', className ?? '']
    .filter(Boolean)
    .join(' ');
  return (
    <svg
      className={classes}
      viewBox="0 0 24 24"
      width="20"
      height="20"
      fill="none"
      stroke="currentColor"
      strokeWidth={name === 'more' ? 3.5 : 2}
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
      focusable="false"
    >
      {PATHS[name].map((d) => (
        <path key={d} d={d} />
      ))}
    </svg>
  );
}
