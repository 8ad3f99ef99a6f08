// Said when the CLI's own environment holds the bot's token variable: a bot started from this shell would use
// that value and ignore its .env (python-dotenv and dotenv never override a set variable), which is a likely
// reason an earlier renewal "did not take". What we start never inherits it (core/bot/bot-environment).
import { tokenVariablesSetIn } from '../core/bot/bot-environment';
import type { CliIo, CliText } from './io';

export function shellTokenWarnings(io: CliIo, text: CliText, variables: readonly (string | null)[]): string[] {
  const names = variables.filter((name): name is string => Boolean(name));
  return tokenVariablesSetIn(io.env, names).map((name) => text.t('cli:warnings.token_variable_in_shell', { name }));
}
