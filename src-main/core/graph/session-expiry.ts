// Reads the expiry moment out of Meta's "Session has expired …" messages, in both forms seen in real traffic
// (FACTS.md §2): `Session has expired on Tuesday, 21-Oct-25 17:00:00 PDT.` and the older
// `Session has expired at unix time 1350000000.`

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/** Meta writes Pacific time; the others are here so a changed server zone still parses. */
const ZONE_OFFSETS_MINUTES: Readonly<Record<string, number>> = {
  PST: -8 * 60,
  PDT: -7 * 60,
  UTC: 0,
  GMT: 0,
  CET: 60,
  CEST: 120,
  EST: -5 * 60,
  EDT: -4 * 60,
};

const DATE_FORM =
  /session has expired on\s+(?:[a-z]+,\s*)?(\d{1,2})-([a-z]{3})-(\d{2,4})\s+(\d{1,2}):(\d{2}):(\d{2})\s*([a-z]{2,5})?/i;
const UNIX_FORM = /session has expired at unix time\s+(\d{9,11})\b/i;

/** True when the text is one of Meta's expiry messages (with or without a date we can read). */
export function isSessionExpiredMessage(message: string): boolean {
  return /session has expired/i.test(message) || /access token has expired/i.test(message);
}

/** The moment the session expired, as ISO 8601, or null when the message has no readable date. */
export function expiryFromMessage(message: string): string | null {
  const unix = UNIX_FORM.exec(message);
  if (unix?.[1]) return new Date(Number(unix[1]) * 1000).toISOString();

  const match = DATE_FORM.exec(message);
  if (!match) return null;
  const [, day, monthName, yearText, hour, minute, second, zone] = match;
  // Stryker disable next-line StringLiteral: equivalent, the month group always takes part in a match.
  const month = MONTHS.indexOf((monthName ?? '').toLowerCase());
  if (month < 0) return null;
  let year = Number(yearText);
  if (year < 100) year += 2000;
  const offset = zone ? ZONE_OFFSETS_MINUTES[zone.toUpperCase()] : 0;
  // Without this line an unknown zone makes `utc` NaN and the isFinite check below returns null just the same.
  // Stryker disable next-line ConditionalExpression: equivalent, see above.
  if (offset === undefined) return null;
  const utc = Date.UTC(year, month, Number(day), Number(hour), Number(minute), Number(second)) - offset * 60_000;
  return Number.isFinite(utc) ? new Date(utc).toISOString() : null;
}
