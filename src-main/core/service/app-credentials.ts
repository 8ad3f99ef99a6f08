// Keeping the Meta app's ID and secret: checked with Meta before anything is kept (the app token reads its own
// app), the secret into the keychain, only the App ID into the settings. The wizard's variant also has the app
// inspect the pasted token, so the pair of another app is refused and the token's real expiry and type are known.
import { DoctorError } from '../errors';
import { diagnoseToken, type AppCredentials } from '../graph';
import { checkAppCredentials } from '../graph/app-credentials';
import { COULD_NOT_CHECK, type Diagnosis } from '../graph/types';
import { botFacts } from '../profiles/bot-destinations';
import type { BotProfile } from '../profiles/schema';
import { setAppCredentials } from '../vault';
import type { ServiceContext } from './context';

async function checkedWithMeta(context: ServiceContext, credentials: AppCredentials): Promise<void> {
  const check = await checkAppCredentials(credentials, { graphUrl: context.graphUrl });
  if (!check.ok) throw new DoctorError(`app_credentials_${check.reason}`, check.message, `app credentials ${check.reason}`);
}

async function keep(context: ServiceContext, credentials: AppCredentials): Promise<void> {
  await setAppCredentials(context.vault, credentials);
  await context.profiles.updateSettings({ appId: credentials.appId });
}

/** Checks the pair with Meta, then keeps it. */
export async function saveAppCredentials(context: ServiceContext, credentials: AppCredentials): Promise<void> {
  await checkedWithMeta(context, credentials);
  await keep(context, credentials);
}

/**
 * Checks the pair with Meta and, at the same time, has the app inspect `token` (one round trip of waiting). Kept only
 * when both pass and the token is that app's; answers the token's diagnosis as the app sees it.
 */
export async function saveAppCredentialsForToken(context: ServiceContext, bot: BotProfile, token: string, credentials: AppCredentials): Promise<Diagnosis> {
  const [, diagnosis] = await Promise.all([
    checkedWithMeta(context, credentials),
    diagnoseToken(token, botFacts(bot), { graphUrl: context.graphUrl, now: context.now, appCredentials: credentials }),
  ]);
  if (diagnosis.appId !== credentials.appId) {
    // The app could not read the token: either Meta was out of reach, or the token belongs to another app.
    const unreachable = COULD_NOT_CHECK.has(diagnosis.status) && !diagnosis.warnings.some((warning) => warning.key === 'diagnosis:warning.app_credentials_rejected');
    throw unreachable
      ? new DoctorError('app_credentials_unreachable', { key: 'service:errors.appCredentialsUnchecked' }, 'the token could not be inspected')
      : new DoctorError('app_credentials_other_app', { key: 'service:errors.appCredentialsOtherApp' }, 'the token belongs to another app');
  }
  await keep(context, credentials);
  return diagnosis;
}
