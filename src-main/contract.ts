// The one typed API between the renderer and main: every call (input schema + result type) and every event.
// Main validates each input against its schema; the preload and the browser harness build `window.doctor` from
// this table with `makeDoctorApi`, so the renderer's type of the API is derived, never written twice.
import * as v from 'valibot';
import type { Language } from '../assets/locales';
import type { ShellProposal } from './core/bot/shell-proposal';
import { COMMAND_SHELLS, type CommandShell } from './core/bot/types';
import { DestinationSchema, type Destination } from './core/destinations/types';
import type { UserMessage } from './core/errors';
import type { Diagnosis } from './core/graph/types';
import type { NeedsYouReason, RenewalOutlook } from './core/monitor/renewal-outlook';

export type { CommandShell, Destination, Diagnosis, Language, NeedsYouReason, RenewalOutlook, ShellProposal, UserMessage };

// ---------------------------------------------------------------------------------------------------------------
// What the renderer sees
// ---------------------------------------------------------------------------------------------------------------

export type RunMode = 'managed' | 'found' | 'custom' | 'none';

/** How the app restarts the bot (DESIGN.md "The bot process"). */
export interface RunSettings {
  mode: RunMode;
  /** managed: the start command; custom: the restart command; otherwise null. */
  command: string | null;
  /** The folder the command runs in (the bot's folder when null). */
  cwd: string | null;
  /** Optional URL that answers 2xx/3xx when the bot is up. */
  healthUrl: string | null;
  /** Windows: cmd.exe or PowerShell runs the command; macOS and Linux always use /bin/sh. */
  shell: CommandShell;
}

export type ProcessState = 'running' | 'stopped' | 'unknown';

/** A place the token is delivered to, with the short label its progress line shows. */
export interface DestinationView {
  destination: Destination;
  label: string;
}

export interface BotView {
  id: string;
  name: string;
  folder: string;
  envFile: string;
  tokenVariable: string;
  phoneNumberId: string | null;
  wabaId: string | null;
  apiVersion: string | null;
  run: RunSettings;
  /** Every place the token is written to on renewal (the .env variable first). */
  destinations: DestinationView[];
  /** The token the bot's .env holds, masked; null when the variable is empty or missing. */
  maskedToken: string | null;
  lastDiagnosis: Diagnosis | null;
  /** What happens to the token next: renews itself on a date, needs the owner by a date, never expires (null: it does not work or nothing is known). */
  renewal: RenewalOutlook | null;
  lastCheckedAt: string | null;
  checking: boolean;
  process: { state: ProcessState; pids: number[] };
  /** Whether a backup exists that "roll back" would restore. */
  canRollBack: boolean;
  gitignore: GitignoreView | null;
}

export interface GitignoreView {
  /** The folder is a git repository. */
  repository: boolean;
  /** The .env is ignored by git (safe). */
  ignored: boolean;
}

export interface DetectedValue {
  variable: string;
  value: string;
}

export interface StartProposalView {
  command: string;
  cwd: string;
  kind: string;
  reason: UserMessage;
  warnings: UserMessage[];
}

export interface BotDetection {
  folder: string;
  suggestedName: string;
  envFiles: string[];
  envFile: string | null;
  tokenVariable: string | null;
  tokenCandidates: string[];
  maskedToken: string | null;
  phoneNumberId: DetectedValue | null;
  wabaId: DetectedValue | null;
  apiVersion: DetectedValue | null;
  start: StartProposalView[];
  /** Windows: the shell to offer for the bot's command, and why (null reason: nothing suggests PowerShell). */
  shell: ShellProposal;
  /** Where the token should go: the .env variable, plus every other file found holding the same token. */
  destinations: DestinationView[];
  gitignore: GitignoreView | null;
  warnings: UserMessage[];
}

export interface TokenShapeView {
  ok: boolean;
  problem: string | null;
  masked: string | null;
  length: number;
}

export interface ClipboardOffer {
  offerId: string;
  masked: string;
}

/** Meta's verdict on a token the owner pasted, before anything is written. */
export interface TokenVerdict {
  /** Handle for `applyToken`; the token itself stays in main. */
  pendingId: string;
  masked: string;
  diagnosis: Diagnosis;
  /** True when Meta accepts the token for this bot (apply will go ahead). */
  acceptable: boolean;
  /** The bot's .env already holds this very token: putting it in place would change nothing (never acceptable). */
  sameAsBot: boolean;
  /** What will happen to it once applied, with the app credentials and settings as they are now. */
  renewal: RenewalOutlook | null;
}

export const APPLY_STEPS = ['validate', 'keychain', 'write', 'restart', 'verify'] as const;
export type ApplyStep = (typeof APPLY_STEPS)[number];
export type StepState = 'pending' | 'running' | 'done' | 'skipped' | 'warning' | 'failed';

export interface StepOutcome {
  step: ApplyStep;
  state: StepState;
  /** Which file/command this line is about, when a step has several (e.g. two .env files). */
  target: string | null;
  message: UserMessage | null;
}

export interface ApplyReport {
  ok: boolean;
  steps: StepOutcome[];
  bot: BotView;
  /** The last lines of the bot's log when verification failed, already redacted. */
  logExcerpt: string | null;
}

export interface ActionReport {
  ok: boolean;
  message: UserMessage;
  bot: BotView;
  logExcerpt: string | null;
}

export interface TestMessageResult {
  ok: boolean;
  message: UserMessage;
  fix: UserMessage | null;
  messageId: string | null;
}

export interface FoundProcess {
  pid: number;
  command: string;
  cwd: string | null;
}

export const META_PAGES = [
  'apps',
  'api_setup',
  'business_settings',
  'system_users',
  'app_basic_settings',
  'token_debugger',
  'whatsapp_manager',
  'meta_status',
] as const;
export type MetaPage = (typeof META_PAGES)[number];

export interface SettingsView {
  /** null: follow the system's language. */
  language: Language | null;
  effectiveLanguage: Language;
  launchAtLogin: boolean;
  /** Whether the owner was already asked about launch at login (asked once, after the first renewal). */
  launchAtLoginAsked: boolean;
  checkIntervalHours: number;
  autoRenew: boolean;
  /** How long before expiry a 60-day token is renewed by itself. */
  autoRenewLeadDays: number;
  appCredentials: { appId: string } | null;
}

export interface AppInfo {
  version: string;
  platform: string;
  /** The keychain's state, so the UI can warn before the owner pastes anything. */
  keychain: { available: boolean; message: UserMessage | null };
}

// ---------------------------------------------------------------------------------------------------------------
// Input schemas
// ---------------------------------------------------------------------------------------------------------------

const Id = v.pipe(v.string(), v.regex(/^[a-z0-9-]{1,64}$/));
const Path = v.pipe(v.string(), v.minLength(1), v.maxLength(4096));
const ShortText = v.pipe(v.string(), v.maxLength(200));
const NullableId = v.nullable(v.pipe(v.string(), v.regex(/^\d{1,32}$/)));
const ApiVersion = v.nullable(v.pipe(v.string(), v.regex(/^v?\d{1,2}\.\d$/)));
const VariableName = v.pipe(v.string(), v.regex(/^[A-Za-z_][A-Za-z0-9_.-]{0,127}$/));
/** Tokens are accepted from the renderer (once) but never sent back. Generous bounds; the shape check says more. */
const RawToken = v.pipe(v.string(), v.maxLength(8192));
const PhoneNumber = v.pipe(v.string(), v.regex(/^\+?[\d\s().-]{6,24}$/));
const AppId = v.pipe(v.string(), v.regex(/^\d{5,20}$/));
const AppSecret = v.pipe(v.string(), v.regex(/^[A-Za-z0-9]{16,64}$/));

const RunSettingsSchema = v.object({
  mode: v.picklist(['managed', 'found', 'custom', 'none']),
  command: v.nullable(v.pipe(v.string(), v.maxLength(2000))),
  cwd: v.nullable(Path),
  healthUrl: v.nullable(v.pipe(v.string(), v.url(), v.regex(/^https?:\/\//))),
  /** Left out by callers that predate the choice: cmd.exe, as before. */
  shell: v.optional(v.picklist(COMMAND_SHELLS), 'cmd'),
});

const BotFields = {
  name: v.pipe(ShortText, v.minLength(1)),
  envFile: Path,
  tokenVariable: VariableName,
  phoneNumberId: NullableId,
  wabaId: NullableId,
  apiVersion: ApiVersion,
  run: RunSettingsSchema,
  /** Extra places for the token (the .env variable above is always one); omitted: just the .env. */
  destinations: v.optional(v.pipe(v.array(DestinationSchema), v.maxLength(16))),
};

const NoInput = v.optional(v.undefined());

// ---------------------------------------------------------------------------------------------------------------
// The call table
// ---------------------------------------------------------------------------------------------------------------

/** A call's input schema, with its result type carried as a phantom. */
export interface CallSpec<Schema extends v.GenericSchema, Result> {
  input: Schema;
  readonly result?: Result;
}

function call<Result>() {
  return <Schema extends v.GenericSchema>(input: Schema): CallSpec<Schema, Result> => ({ input });
}

export const calls = {
  getAppInfo: call<AppInfo>()(NoInput),
  listBots: call<BotView[]>()(NoInput),
  /** Opens the OS folder picker; null when the owner cancels. */
  pickBotFolder: call<string | null>()(NoInput),
  detectBot: call<BotDetection>()(v.object({ folder: Path })),
  connectBot: call<BotView>()(v.object({ folder: Path, ...BotFields })),
  updateBot: call<BotView>()(v.object({ id: Id, ...BotFields })),
  removeBot: call<BotView[]>()(v.object({ id: Id })),
  diagnoseBot: call<BotView>()(v.object({ id: Id })),
  checkTokenShape: call<TokenShapeView>()(v.object({ token: RawToken })),
  /** Looks at the clipboard for something token-shaped; the token itself stays in main. */
  offerClipboardToken: call<ClipboardOffer | null>()(NoInput),
  /** Checks a pasted (or offered) token with Meta against the bot; nothing is written yet. */
  submitToken: call<TokenVerdict>()(
    v.union([
      v.object({ botId: Id, token: RawToken }),
      v.object({ botId: Id, clipboardOfferId: Id }),
    ]),
  ),
  /** keychain → .env → restart → verify, with `applyProgress` events on the way. */
  applyToken: call<ApplyReport>()(v.object({ botId: Id, pendingId: Id })),
  restartBot: call<ActionReport>()(v.object({ id: Id })),
  rollBackBot: call<ActionReport>()(v.object({ id: Id })),
  sendTestMessage: call<TestMessageResult>()(
    v.object({ botId: Id, to: PhoneNumber, kind: v.picklist(['text', 'template']) }),
  ),
  readBotLog: call<string>()(v.object({ id: Id })),
  findBotProcesses: call<FoundProcess[]>()(v.object({ id: Id })),
  /** Stops only the processes the owner ticked, after they confirmed. */
  stopBotProcesses: call<ActionReport>()(
    v.object({ id: Id, pids: v.pipe(v.array(v.pipe(v.number(), v.integer(), v.minValue(2))), v.maxLength(64)) }),
  ),
  fixGitignore: call<BotView>()(v.object({ id: Id })),
  openMetaPage: call<void>()(v.object({ page: v.picklist(META_PAGES), botId: v.optional(Id) })),
  getSettings: call<SettingsView>()(NoInput),
  updateSettings: call<SettingsView>()(
    v.partial(
      v.object({
        language: v.nullable(v.picklist(['en', 'tr', 'ar'])),
        launchAtLogin: v.boolean(),
        launchAtLoginAsked: v.boolean(),
        checkIntervalHours: v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(24)),
        autoRenew: v.boolean(),
        autoRenewLeadDays: v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(30)),
      }),
    ),
  ),
  setAppCredentials: call<SettingsView>()(v.object({ appId: AppId, appSecret: AppSecret })),
  /**
   * The wizard's app-credentials step: checks them with Meta by having the app inspect the pasted token (same app,
   * its real expiry and type), keeps them, and answers with that token's new verdict.
   */
  submitAppCredentials: call<TokenVerdict>()(v.object({ botId: Id, pendingId: Id, appId: AppId, appSecret: AppSecret })),
  clearAppCredentials: call<SettingsView>()(NoInput),
  /** Trades the bot's short-lived token for a 60-day one (needs app credentials) and applies it. */
  extendToken: call<ApplyReport>()(v.object({ botId: Id })),
};

export type Calls = typeof calls;
export type CallName = keyof Calls;
export type CallInput<N extends CallName> = v.InferOutput<Calls[N]['input']>;
export type CallResult<N extends CallName> = Exclude<Calls[N]['result'], undefined>;

/** Events main pushes to the renderer. */
export interface Events {
  botsChanged: BotView[];
  applyProgress: { botId: string; steps: StepOutcome[] };
  /** A notification or the tray asked to open the renewal wizard for a bot. */
  openWizard: { botId: string };
  /** The tray asked to open Settings at the app credentials (so 60-day tokens renew themselves). */
  openSettings: { section: 'appCredentials' };
  settingsChanged: SettingsView;
}
export type EventName = keyof Events;

// ---------------------------------------------------------------------------------------------------------------
// The wire: every call answers with an envelope, so a failure keeps its code and its sentence across IPC/HTTP.
// ---------------------------------------------------------------------------------------------------------------

export interface CallFailure {
  code: string;
  message: UserMessage;
}
export type Envelope<T> = { ok: true; value: T } | { ok: false; error: CallFailure };

/**
 * What a failed call rejects with. Across Electron's contextBridge an Error keeps only its message, so the
 * preload re-throws it as a plain `{ name, code, userMessage }` object: the renderer recognises the shape
 * (`code` + `userMessage`), never `instanceof DoctorCallError`.
 */
export class DoctorCallError extends Error {
  constructor(
    readonly code: string,
    readonly userMessage: UserMessage,
  ) {
    super(code);
    this.name = 'DoctorCallError';
  }
}

/** The two things a side of the bridge must provide: send a call, listen to an event. */
export interface Transport {
  invoke(name: CallName, input: unknown): Promise<Envelope<unknown>>;
  subscribe(event: EventName, listener: (payload: unknown) => void): () => void;
}

export type DoctorApi = {
  [N in CallName]: undefined extends CallInput<N>
    ? (input?: CallInput<N>) => Promise<CallResult<N>>
    : (input: CallInput<N>) => Promise<CallResult<N>>;
} & {
  on<E extends EventName>(event: E, listener: (payload: Events[E]) => void): () => void;
};

/** Builds `window.doctor`: one named function per call, plus `on` for events. */
export function makeDoctorApi(transport: Transport): DoctorApi {
  const api: Record<string, unknown> = {};
  for (const name of Object.keys(calls) as CallName[]) {
    api[name] = async (input?: unknown) => {
      const envelope = await transport.invoke(name, input);
      if (!envelope.ok) throw new DoctorCallError(envelope.error.code, envelope.error.message);
      return envelope.value;
    };
  }
  api.on = (event: EventName, listener: (payload: unknown) => void) => transport.subscribe(event, listener);
  return api as DoctorApi;
}

/** The IPC channel of a call or event; only the two transport wrappers use it. */
export const channelOf = (name: CallName | EventName): string => `doctor:${name}`;
