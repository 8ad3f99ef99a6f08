// App-wide calls: app info, settings, app credentials, opening Meta's pages, and the post-renewal test message.
import type { CallInput, CallResult, SettingsView } from '../../contract';
import { matchLanguage } from '../../../assets/locales';
import { DoctorError } from '../errors';
import { sendTestMessage } from '../graph';
import { metaPageUrl } from '../meta-pages';
import { deleteAppCredentials } from '../vault';
import { saveAppCredentials } from './app-credentials';
import { readBotToken } from './bot-view';
import type { ServiceContext } from './context';

export function settingsView(context: ServiceContext): SettingsView {
  const settings = context.profiles.getSettings();
  return {
    language: settings.language,
    effectiveLanguage: settings.language ?? matchLanguage(context.platform.preferredLanguages()),
    launchAtLogin: settings.launchAtLogin,
    launchAtLoginAsked: settings.launchAtLoginAsked,
    checkIntervalHours: settings.checkIntervalHours,
    autoRenew: settings.autoRenew,
    autoRenewLeadDays: settings.autoRenewLeadDays,
    appCredentials: settings.appId ? { appId: settings.appId } : null,
  };
}

export function settingsHandlers(context: ServiceContext) {
  const changed = (): SettingsView => {
    const view = settingsView(context);
    context.emit('settingsChanged', view);
    return view;
  };
  // Probing the keychain can raise an unlock prompt, so it is asked once per run, not on every call.
  let keychainStatus: ReturnType<typeof context.vault.probe> | undefined;

  return {
    async getAppInfo(): Promise<CallResult<'getAppInfo'>> {
      keychainStatus ??= context.vault.probe();
      const status = await keychainStatus;
      return {
        version: context.platform.appVersion,
        platform: process.platform,
        keychain: status.state === 'available' ? { available: true, message: null } : { available: false, message: status.error.userMessage },
      };
    },

    getSettings: async (): Promise<CallResult<'getSettings'>> => settingsView(context),

    async updateSettings(patch: CallInput<'updateSettings'>): Promise<CallResult<'updateSettings'>> {
      if (patch.launchAtLogin !== undefined && patch.launchAtLogin !== context.profiles.getSettings().launchAtLogin) {
        await context.platform.setLaunchAtLogin(patch.launchAtLogin);
      }
      await context.profiles.updateSettings(patch);
      return changed();
    },

    async setAppCredentials(credentials: CallInput<'setAppCredentials'>): Promise<CallResult<'setAppCredentials'>> {
      await saveAppCredentials(context, credentials);
      return changed();
    },

    async clearAppCredentials(): Promise<CallResult<'clearAppCredentials'>> {
      await deleteAppCredentials(context.vault);
      await context.profiles.updateSettings({ appId: null });
      return changed();
    },

    async openMetaPage({ page, botId }: CallInput<'openMetaPage'>): Promise<CallResult<'openMetaPage'>> {
      const bot = botId ? context.profiles.getBot(botId) : null;
      const appId = bot?.lastDiagnosis?.appId ?? context.profiles.getSettings().appId;
      await context.platform.openExternal(metaPageUrl(page, { appId, wabaId: bot?.wabaId }));
    },

    async sendTestMessage({ botId, to, kind }: CallInput<'sendTestMessage'>): Promise<CallResult<'sendTestMessage'>> {
      const bot = context.profiles.getBot(botId);
      const token = await readBotToken(bot);
      if (!token) throw new DoctorError('token_missing', { key: 'service:errors.tokenMissing' }, 'no token in the .env');
      if (!bot.phoneNumberId) {
        throw new DoctorError('phone_number_id_missing', { key: 'service:errors.phoneNumberIdMissing' }, 'no phone-number id');
      }
      const result = await sendTestMessage(token, bot.phoneNumberId, { to, kind }, await context.graphOptions());
      return result.ok
        ? { ok: true, message: result.summary, fix: null, messageId: result.messageId }
        : { ok: false, message: result.summary, fix: result.fix, messageId: null };
    },
  };
}
