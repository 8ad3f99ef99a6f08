// The wizard's token calls: offer what is on the clipboard, ask Meta about a pasted token, apply it, or trade
// a short-lived token for a 60-day one. The full token comes in once and never goes back to the window.
import { randomBytes } from 'node:crypto';
import type { CallInput, CallResult, TokenVerdict } from '../../contract';
import { DoctorError } from '../errors';
import { diagnoseToken } from '../graph';
import type { Diagnosis } from '../graph/types';
import { botFacts } from '../profiles/bot-destinations';
import { isAcceptable } from '../renew/pipeline';
import { maskToken } from '../token/mask';
import { bareToken, checkTokenShape } from '../token/shape';
import { readBotToken } from './bot-view';
import type { ServiceContext } from './context';
import { saveAppCredentialsForToken } from './app-credentials';
import { extendConnectedBot, renewConnectedBot } from './renew-bot';
import { settingsView } from './settings-handlers';

function unknownPendingToken(): DoctorError {
  return new DoctorError('pending_token_expired', { key: 'service:errors.pendingTokenExpired' }, 'unknown or expired pending token');
}

export function tokenHandlers(context: ServiceContext) {
  const verdictOf = (pendingId: string, token: string, diagnosis: Diagnosis, sameAsBot: boolean): TokenVerdict => ({
    pendingId,
    masked: maskToken(token),
    diagnosis,
    acceptable: !sameAsBot && isAcceptable(diagnosis),
    sameAsBot,
    renewal: context.outlook(diagnosis),
  });

  return {
    async offerClipboardToken(): Promise<CallResult<'offerClipboardToken'>> {
      const shape = checkTokenShape(await context.platform.readClipboardText());
      if (!shape.ok) return null;
      const offerId = randomBytes(9).toString('hex');
      context.clipboardOffers.clear();
      context.clipboardOffers.set(offerId, shape.token);
      return { offerId, masked: shape.masked };
    },

    async submitToken(input: CallInput<'submitToken'>): Promise<CallResult<'submitToken'>> {
      const bot = context.profiles.getBot(input.botId);
      let raw: string;
      if ('token' in input) {
        raw = input.token;
      } else {
        const offered = context.clipboardOffers.get(input.clipboardOfferId);
        if (offered === undefined) throw unknownPendingToken();
        raw = offered;
      }
      const token = bareToken(raw);
      const [diagnosis, current] = await Promise.all([diagnoseToken(token, botFacts(bot), await context.graphOptions()), readBotToken(bot)]);
      // Owners often paste the old token again (it is what their clipboard or notes hold): say exactly that.
      const sameAsBot = current !== null && bareToken(current) === token;
      const pendingId = context.pending.add(bot.id, token, diagnosis);
      return verdictOf(pendingId, token, diagnosis, sameAsBot);
    },

    async submitAppCredentials({ botId, pendingId, appId, appSecret }: CallInput<'submitAppCredentials'>): Promise<CallResult<'submitAppCredentials'>> {
      const pending = context.pending.get(pendingId, botId);
      if (!pending) throw unknownPendingToken();
      const bot = context.profiles.getBot(botId);
      const diagnosis = await saveAppCredentialsForToken(context, bot, pending.token, { appId, appSecret });
      context.pending.update(pendingId, diagnosis);
      context.emit('settingsChanged', settingsView(context));
      const current = await readBotToken(bot);
      return verdictOf(pendingId, pending.token, diagnosis, current !== null && bareToken(current) === pending.token);
    },

    async applyToken({ botId, pendingId }: CallInput<'applyToken'>): Promise<CallResult<'applyToken'>> {
      const pending = context.pending.get(pendingId, botId);
      if (!pending) throw unknownPendingToken();
      const { report, view } = await renewConnectedBot(context, botId, pending.token, pending.diagnosis);
      if (report.ok) {
        context.pending.forget(pendingId);
        // A token that was on the clipboard should not linger there once it is safely stored.
        await context.platform.clearClipboardIf(pending.token).catch(() => {});
      }
      return view;
    },

    async extendToken({ botId }: CallInput<'extendToken'>): Promise<CallResult<'extendToken'>> {
      return (await extendConnectedBot(context, botId)).view;
    },
  };
}
