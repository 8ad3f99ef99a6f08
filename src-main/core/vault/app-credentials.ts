// The Meta App ID + App Secret, kept as one JSON item in the keychain so renewable tokens can be exchanged
// for fresh ones without asking the owner again.
import * as v from 'valibot';
import { DoctorError } from '../errors';
import { APP_CREDENTIALS_ACCOUNT, type SecretVault } from './vault';

const AppCredentialsSchema = v.object({
  appId: v.pipe(v.string(), v.regex(/^\d+$/)),
  appSecret: v.pipe(v.string(), v.regex(/^\S+$/)),
});

export type AppCredentials = v.InferOutput<typeof AppCredentialsSchema>;

/** The stored app credentials; null when none were saved. Rejects with `keychain_bad_app_credentials` when unreadable. */
export async function getAppCredentials(vault: SecretVault): Promise<AppCredentials | null> {
  const stored = await vault.getSecret(APP_CREDENTIALS_ACCOUNT);
  if (stored === null) return null;
  const parsed = v.safeParse(AppCredentialsSchema, parseJsonOrUndefined(stored));
  if (!parsed.success) {
    // Neither the stored text nor valibot's issues (which quote the input) go into the error.
    throw new DoctorError(
      'keychain_bad_app_credentials',
      { key: 'vault:badAppCredentials' },
      `The "${APP_CREDENTIALS_ACCOUNT}" keychain item is not a JSON object with a numeric appId and an appSecret.`,
    );
  }
  return { appId: parsed.output.appId, appSecret: parsed.output.appSecret };
}

/** Saves the app credentials, replacing earlier ones. A malformed pair is the caller's bug (validate input first). */
export async function setAppCredentials(vault: SecretVault, credentials: AppCredentials): Promise<void> {
  if (!v.is(AppCredentialsSchema, credentials)) {
    throw new RangeError('App credentials need a numeric appId and an appSecret without spaces.');
  }
  const json = JSON.stringify({ appId: credentials.appId, appSecret: credentials.appSecret });
  await vault.setSecret(APP_CREDENTIALS_ACCOUNT, json);
}

/** Forgets the app credentials; true when there were some. */
export function deleteAppCredentials(vault: SecretVault): Promise<boolean> {
  return vault.deleteSecret(APP_CREDENTIALS_ACCOUNT);
}

function parseJsonOrUndefined(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}
