// What the app remembers about connected bots and the owner's settings, and how it checks that memory on load
// (a hand-edited or half-written file must never crash the app or be trusted blindly).
import * as v from 'valibot';
import { COMMAND_SHELLS, DEFAULT_COMMAND_SHELL } from '../bot';
import { DestinationSchema } from '../destinations';
import type { Diagnosis } from '../graph/types';

const NullableString = v.nullable(v.string());
const DiagnosisLike = v.custom<Diagnosis>((value) => typeof value === 'object' && value !== null);

export const RunSettingsSchema = v.object({
  mode: v.picklist(['managed', 'found', 'custom', 'none']),
  command: NullableString,
  cwd: NullableString,
  healthUrl: NullableString,
  /** Windows: which shell runs the command. Profiles saved before the choice existed keep cmd.exe, as they ran. */
  shell: v.optional(v.picklist(COMMAND_SHELLS), DEFAULT_COMMAND_SHELL),
});

export const BotProfileSchema = v.object({
  id: v.pipe(v.string(), v.regex(/^[a-z0-9-]{1,64}$/)),
  name: v.string(),
  folder: v.string(),
  envFile: v.string(),
  tokenVariable: v.string(),
  phoneNumberId: NullableString,
  wabaId: NullableString,
  apiVersion: NullableString,
  run: RunSettingsSchema,
  /** Where the token is delivered; empty means the one .env variable above (issue 7 adds more kinds). */
  destinations: v.optional(v.array(DestinationSchema), []),
  createdAt: v.string(),
  /** The last diagnosis, kept so the dashboard and the tray have something to show at start-up. */
  lastDiagnosis: v.nullable(DiagnosisLike),
  lastCheckedAt: NullableString,
  /** Identifies the token the bot had at the last check without storing it (see monitor/fingerprint). */
  tokenFingerprint: NullableString,
  /**
   * Meta's last word on the token (`tokenFingerprint`), kept while later checks cannot reach Meta: an expiry must
   * not be forgotten because the network blinked (see profiles/check-record). Files from before it read as null.
   */
  lastMetaAnswer: v.optional(v.nullable(v.object({ tokenFingerprint: v.string(), diagnosis: DiagnosisLike })), null),
  /** The files the last renewal changed and their backups: what "roll back" puts back. */
  lastRenewal: v.optional(
    v.nullable(v.object({ at: v.string(), files: v.array(v.object({ file: v.string(), backupId: v.string() })) })),
    null,
  ),
});
export type BotProfile = v.InferOutput<typeof BotProfileSchema>;

export const BotListSchema = v.object({ version: v.literal(1), bots: v.array(BotProfileSchema) });

export const SettingsSchema = v.object({
  version: v.literal(1),
  language: v.nullable(v.picklist(['en', 'tr', 'ar'])),
  launchAtLogin: v.boolean(),
  launchAtLoginAsked: v.boolean(),
  checkIntervalHours: v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(24)),
  autoRenew: v.boolean(),
  /** Settings files written before this option existed read as the default. */
  autoRenewLeadDays: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(30)), 7),
  /** Shown in Settings; the secret itself lives only in the keychain. */
  appId: NullableString,
});
export type Settings = v.InferOutput<typeof SettingsSchema>;

export const DEFAULT_SETTINGS: Settings = {
  version: 1,
  language: null,
  launchAtLogin: false,
  launchAtLoginAsked: false,
  checkIntervalHours: 6,
  autoRenew: true,
  autoRenewLeadDays: 7,
  appId: null,
};
