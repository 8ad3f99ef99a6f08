// The wizard's token calls: offer what is on the clipboard, ask Meta about a pasted token, apply it, or trade
// a short-lived token for a 60-day one. The full token comes in once and never goes back to the window.
import { randomBytes } from 'node:crypto';
import type { CallInput, CallResult } from '../../contract';
import { DoctorError } from '../errors';
import { diagnoseToken } from '../graph';
import { botFacts } from '../profiles/bot-destinations';
import { isAcceptable } from '../renew/pipeline';
import { maskToken } from '../token/mask';
import { bareToken, checkTokenShape } from '../token/shape';
import { readBotToken } from './bot-view';
import type { ServiceContext } from './context';
import { extendConnectedBot, renewConnectedBot } from './renew-bot';

function unknownPendingToken(): DoctorError {
  return new DoctorError('pending_token_expired', { key: 'service:errors.pendingTokenExpired' }, 'unknown or expired pending token');
}

export function tokenHandlers(context: ServiceContext) {
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
      const shape = checkTokenShape(raw);
      const token = bareToken(raw);
      const [diagnosis, current] = await Promise.all([diagnoseToken(token, botFacts(bot), await context.graphOptions()), readBotToken(bot)]);
      // Owners often paste the old token again (it is what their clipboard or notes hold): say exactly that.
      const sameAsBot = current !== null && bareToken(current) === token;
      const pendingId = context.pending.add(bot.id, token, diagnosis);
      const masked = shape.ok ? shape.masked : maskToken(token);
      return { pendingId, masked, diagnosis, acceptable: !sameAsBot && isAcceptable(diagnosis), sameAsBot };
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
