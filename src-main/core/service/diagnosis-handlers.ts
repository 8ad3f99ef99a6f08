// "Check now" and the instant shape check of a pasted token.
import type { CallInput, CallResult } from '../../contract';
import { diagnoseToken } from '../graph';
import type { Diagnosis } from '../graph/types';
import { botFacts } from '../profiles/bot-destinations';
import { checkRecord } from '../profiles/check-record';
import { checkTokenShape } from '../token/shape';
import { announceBots, readBotToken, toBotView } from './bot-view';
import type { ServiceContext } from './context';

/** Diagnoses the token the bot's .env holds now (what the bot really uses) and remembers the result. */
export async function diagnoseConnectedBot(context: ServiceContext, botId: string): Promise<Diagnosis> {
  const bot = context.profiles.getBot(botId);
  context.checking.add(botId);
  await announceBots(context);
  try {
    const token = await readBotToken(bot);
    // An empty variable is diagnosed like any unusable token: "malformed", with the fix, and no request.
    const diagnosis = await diagnoseToken(token ?? '', botFacts(bot), await context.graphOptions());
    await context.profiles.updateBot(botId, checkRecord(bot, diagnosis, token));
    return diagnosis;
  } finally {
    context.checking.delete(botId);
    await announceBots(context);
  }
}

export function diagnosisHandlers(context: ServiceContext) {
  return {
    async diagnoseBot({ id }: CallInput<'diagnoseBot'>): Promise<CallResult<'diagnoseBot'>> {
      await diagnoseConnectedBot(context, id);
      return toBotView(context, context.profiles.getBot(id));
    },

    async checkTokenShape({ token }: CallInput<'checkTokenShape'>): Promise<CallResult<'checkTokenShape'>> {
      const shape = checkTokenShape(token);
      return shape.ok
        ? { ok: true, problem: null, masked: shape.masked, length: shape.length }
        : { ok: false, problem: shape.problem, masked: null, length: shape.length };
    },
  };
}
