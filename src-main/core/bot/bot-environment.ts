// The one environment for every program the app starts on the bot's behalf (the bot itself, the owner's restart
// command, a `cmd:` destination): ours, minus what would make the bot ignore its new .env or carry our secrets.
import { checkTokenShape } from '../token/shape';

export interface BotEnvironmentOptions {
  /**
   * Variables the bot reads its token from in its files. python-dotenv and Node's dotenv never override a
   * variable that is already set, so an inherited old value would beat the new .env.
   */
  tokenVariables?: readonly string[];
  /** Values that must not travel (tokens, the app secret): a variable holding one is left out. */
  secrets?: readonly string[];
  /** Windows treats variable names case-insensitively. */
  platform?: NodeJS.Platform;
}

/** Our own settings (the app secret among them) are for us, never for the bot. */
export const OWN_VARIABLE_PREFIX = 'WA_TOKEN_DOCTOR_';
/** A shorter "secret" would match half the environment. */
const MIN_SECRET_LENGTH = 8;

/** `base` without the token variables, our own `WA_TOKEN_DOCTOR_*` settings, and any variable holding a secret or a token. */
export function botEnvironment(base: NodeJS.ProcessEnv = process.env, options: BotEnvironmentOptions = {}): NodeJS.ProcessEnv {
  const fold = (options.platform ?? process.platform) === 'win32' ? (name: string) => name.toUpperCase() : (name: string) => name;
  const dropped = new Set((options.tokenVariables ?? []).map(fold));
  const secrets = (options.secrets ?? []).filter((secret) => secret.length >= MIN_SECRET_LENGTH);
  const kept: NodeJS.ProcessEnv = {};
  for (const [name, value] of Object.entries(base)) {
    if (value === undefined || dropped.has(fold(name)) || fold(name).startsWith(OWN_VARIABLE_PREFIX)) continue;
    if (secrets.some((secret) => value.includes(secret)) || checkTokenShape(value).ok) continue;
    kept[name] = value;
  }
  return kept;
}

/** The token variables that are set in `env`: a likely reason a bot started from that shell kept an old token. */
export function tokenVariablesSetIn(env: NodeJS.ProcessEnv, tokenVariables: readonly string[]): string[] {
  return [...new Set(tokenVariables)].filter((name) => Boolean(env[name]));
}
