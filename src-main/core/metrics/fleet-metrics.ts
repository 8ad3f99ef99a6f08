// The connected bots' health as Prometheus gauges, for node_exporter's textfile collector and the alert rules in
// assets/prometheus. Every series of a bot carries the same labels (its name, its id, its phone-number and WhatsApp
// account ids), so rules can combine series with plain `and`/`unless`. Never a token or secret: there is none here.
import { COULD_NOT_CHECK, TOKEN_STATUSES, type Diagnosis, type TokenStatus } from '../graph/types';
import { renderGauges, type GaugeFamily, type Sample } from './exposition';

export interface BotHealth {
  id: string;
  name: string;
  phoneNumberId: string | null;
  wabaId: string | null;
  /** When the bot was connected (ISO 8601). */
  connectedAt: string;
  /** The last check, whatever its outcome; null before the first one. */
  lastCheck: Diagnosis | null;
  /** Meta's last word on the token the bot holds (profiles/check-record); null when Meta never answered about it. */
  metaAnswer: Diagnosis | null;
  renewsItself: boolean;
}

const PREFIX = 'wa_token_doctor_';

/** What Meta can say about a token; "could not check" is a property of the check, not of the token. */
export const TOKEN_STATES: readonly TokenStatus[] = TOKEN_STATUSES.filter((status) => !COULD_NOT_CHECK.has(status));
/** Meta's phone quality ratings, lower-cased; anything else reads as `unknown`. */
export const QUALITY_RATINGS = ['green', 'yellow', 'red', 'unknown'] as const;

function seconds(iso: string): number | null {
  const ms = Date.parse(iso);
  return Number.isFinite(ms) ? ms / 1000 : null;
}

function botLabels(bot: BotHealth): Record<string, string> {
  return { bot: bot.name, bot_id: bot.id, phone_number_id: bot.phoneNumberId ?? '', waba_id: bot.wabaId ?? '' };
}

function qualityOf(rating: string): (typeof QUALITY_RATINGS)[number] {
  const lower = rating.toLowerCase();
  return (QUALITY_RATINGS as readonly string[]).includes(lower) ? (lower as (typeof QUALITY_RATINGS)[number]) : 'unknown';
}

/** One family: each bot contributes the samples `pick` gives it (none, one, or one per state). */
function family(
  name: string,
  help: string,
  bots: readonly BotHealth[],
  pick: (bot: BotHealth) => Array<{ value: number | null; extra?: Record<string, string> }>,
): GaugeFamily {
  const samples: Sample[] = [];
  for (const bot of bots) {
    for (const { value, extra } of pick(bot)) {
      if (value !== null) samples.push({ labels: { ...botLabels(bot), ...extra }, value });
    }
  }
  return { name: `${PREFIX}${name}`, help, samples };
}

const one = (value: number | null) => [{ value }];
const flag = (value: boolean) => (value ? 1 : 0);

export function fleetGauges(bots: readonly BotHealth[]): GaugeFamily[] {
  return [
    { name: `${PREFIX}bots`, help: 'Bots connected to WA Token Doctor on this machine.', samples: [{ labels: {}, value: bots.length }] },
    family('bot_connected_timestamp_seconds', 'When the bot was connected.', bots, (bot) => one(seconds(bot.connectedAt))),
    family('last_check_timestamp_seconds', "When the bot's token was last checked, whatever the outcome.", bots, (bot) =>
      one(bot.lastCheck ? seconds(bot.lastCheck.checkedAt) : null),
    ),
    family('last_check_reached_meta', '1 if the last check got an answer from Meta, 0 if Meta could not be reached (network, rate limit, Meta error).', bots, (bot) =>
      one(bot.lastCheck ? flag(!COULD_NOT_CHECK.has(bot.lastCheck.status)) : null),
    ),
    family('last_meta_answer_timestamp_seconds', "When Meta last answered a check of the bot's current token.", bots, (bot) =>
      one(bot.metaAnswer ? seconds(bot.metaAnswer.checkedAt) : null),
    ),
    family('token_status', "The token's status as Meta last said it: 1 for the current status, 0 for the others.", bots, (bot) =>
      bot.metaAnswer ? TOKEN_STATES.map((status) => ({ value: flag(bot.metaAnswer!.status === status), extra: { status } })) : [],
    ),
    family('token_expiry_timestamp_seconds', 'When the token expires (absent when it never expires or Meta did not say).', bots, (bot) =>
      one(bot.metaAnswer && !bot.metaAnswer.neverExpires && bot.metaAnswer.expiresAt ? seconds(bot.metaAnswer.expiresAt) : null),
    ),
    family('token_never_expires', '1 if the token never expires.', bots, (bot) => one(bot.metaAnswer ? flag(bot.metaAnswer.neverExpires) : null)),
    family('token_renews_itself', '1 if the token is renewed before it expires without anyone (a 60-day token with app credentials and automatic renewal on).', bots, (bot) =>
      one(flag(bot.renewsItself)),
    ),
    family('phone_quality_rating', "The phone number's quality rating from Meta: 1 for the current rating, 0 for the others.", bots, (bot) => {
      const rating = bot.metaAnswer?.phone?.qualityRating;
      if (!rating) return [];
      return QUALITY_RATINGS.map((state) => ({ value: flag(qualityOf(rating) === state), extra: { rating: state } }));
    }),
  ];
}

/** The whole textfile: Prometheus' text format, ending with a newline. */
export function fleetMetrics(bots: readonly BotHealth[]): string {
  return renderGauges(fleetGauges(bots));
}
