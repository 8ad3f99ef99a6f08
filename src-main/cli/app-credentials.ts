// The app credentials every command asks Meta with (debug_token as the app, appsecret_proof, the refresh):
// WA_TOKEN_DOCTOR_APP_ID / _APP_SECRET first (servers without a keychain), then the bot's own .env, then what the
// desktop app stored in the keychain. Never from arguments (`ps` shows them to every user), never printed.
import type { AppCredentials } from '../core/graph';
import { KeyringVault, getAppCredentials } from '../core/vault';
import type { CliIo } from './io';
import type { TokenSource } from './token-source';

function fromEnvironment(io: CliIo): AppCredentials | null {
  const appId = io.env.WA_TOKEN_DOCTOR_APP_ID?.trim();
  const appSecret = io.env.WA_TOKEN_DOCTOR_APP_SECRET?.trim();
  return appId && appSecret ? { appId, appSecret } : null;
}

/** The credentials to use, in that order: the environment, the bot's .env (`inEnvFile`), the keychain if allowed. */
export async function findAppCredentials(io: CliIo, inEnvFile: AppCredentials | null, useKeychain: boolean): Promise<AppCredentials | null> {
  const found = fromEnvironment(io) ?? inEnvFile;
  if (found || !useKeychain) return found;
  // A locked or missing keychain is "none".
  return getAppCredentials(new KeyringVault()).catch(() => null);
}

/** `source` with the app credentials to use; `useKeychain: false` for `--no-keychain`. */
export async function withAppCredentials(source: TokenSource, io: CliIo, useKeychain: boolean): Promise<TokenSource> {
  return { ...source, appCredentials: await findAppCredentials(io, source.appCredentials, useKeychain) };
}

/** Everything a command must mask on the way out: the token and, when known, the app secret. */
export function secretsOf(source: TokenSource): string[] {
  return [source.token, ...(source.appCredentials ? [source.appCredentials.appSecret] : [])];
}
