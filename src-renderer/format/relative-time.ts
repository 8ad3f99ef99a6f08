// "in 3 days", "2 hours ago", "خلال يومين": countdowns in the reader's language and plural rules, from Intl.
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/**
 * The distance from `now` to `iso`, in the largest whole unit that fits (days, hours, minutes), rounded to the
 * nearest like the diagnosis's own "N days left", so the card never shows two different counts. Null when closer
 * than a minute (callers say "just now").
 */
export function relativeTime(iso: string, now: number, language: string): string | null {
  const difference = Date.parse(iso) - now;
  if (Number.isNaN(difference)) return null;
  const distance = Math.abs(difference);
  if (distance < MINUTE) return null;
  const format = new Intl.RelativeTimeFormat(language, { numeric: 'always' });
  if (distance >= DAY) return format.format(Math.round(difference / DAY), 'day');
  if (distance >= HOUR) return format.format(Math.round(difference / HOUR), 'hour');
  return format.format(Math.round(difference / MINUTE), 'minute');
}

export function isPast(iso: string, now: number): boolean {
  return Date.parse(iso) <= now;
}

/** Whole hours left until `iso`, rounded like `relativeTime` (0 when less than half an hour is left). */
export function hoursLeft(iso: string, now: number): number {
  return Math.max(0, Math.round((Date.parse(iso) - now) / HOUR));
}
