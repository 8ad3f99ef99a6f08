// Where the token and the bot's ids come from: `--token-stdin` and/or `--env FILE` (auto-detecting the variables,
// `--var` to name the token's), with `--phone-number-id` / `--waba-id` flags winning over the file.
// Shared by the commands that take a token (check, apply…).
import { dirname, resolve } from 'node:path';
import { detectBotVariables, envValues, readEnvFile } from '../core/envfile';
import type { BotFacts } from '../core/graph/types';
import type { AppCredentials } from '../core/graph/diagnose';
import { bareToken } from '../core/token/shape';
import type { CliIo } from './io';
import { UsageError, asUsageError } from './registry';

export interface TokenSourceFlags {
  env?: string;
  var?: string;
  tokenStdin?: boolean;
  phoneNumberId?: string;
  wabaId?: string;
}

export interface TokenSource {
  token: string;
  /** Where it came from, for the reader: the variable and file, or stdin. */
  origin: { kind: 'env'; variable: string; path: string } | { kind: 'stdin' };
  facts: BotFacts;
  /** App ID + secret found in the same .env (the debug_token caller Meta recommends). */
  appCredentials: AppCredentials | null;
  envPath: string | null;
  /** The .env variable that holds the token (named with --var or detected), even when the token came on stdin. */
  tokenVariable: string | null;
}

const ID = /^\d{5,25}$/;
/** Far above any token (at most 4,096 characters, token/shape.ts), far below what would strain the memory. */
export const MAX_STDIN_BYTES = 16 * 1024;

function checkIdFlag(flag: string, value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  const trimmed = value.trim();
  if (!ID.test(trimmed)) throw new UsageError('cli:errors.invalid_id', { flag, value: trimmed.slice(0, 40) });
  return trimmed;
}

/** Reads the token and the bot's facts, or throws a UsageError (exit 2) that says what is missing. */
export async function readTokenSource(flags: TokenSourceFlags, io: CliIo): Promise<TokenSource> {
  if (flags.var && !flags.env) throw new UsageError('cli:errors.var_without_env');
  if (!flags.env && !flags.tokenStdin) throw new UsageError('cli:errors.no_token_source');
  const phoneNumberId = checkIdFlag('--phone-number-id', flags.phoneNumberId);
  const wabaId = checkIdFlag('--waba-id', flags.wabaId);

  let values = new Map<string, string>();
  let tokenVariable: string | null = null;
  let envPath: string | null = null;
  let detected: Awaited<ReturnType<typeof detectBotVariables>> | null = null;
  if (flags.env) {
    envPath = resolve(io.cwd, flags.env);
    try {
      const doc = await readEnvFile(envPath);
      values = envValues(doc);
      // The bot's own code says which variable it reads (two token-looking keys are common).
      detected = await detectBotVariables(doc, { folder: dirname(envPath) });
    } catch (error) {
      throw asUsageError(error);
    }
    tokenVariable = flags.var ?? detected.token.name;
  }

  let token: string;
  let origin: TokenSource['origin'];
  if (flags.tokenStdin) {
    // The bare token: what Meta checks is exactly what apply writes (a paste's quotes, spaces and CRLF never are).
    const input = await io.readStdin(MAX_STDIN_BYTES);
    if (input === null) throw new UsageError('cli:errors.stdin_too_large', { kilobytes: MAX_STDIN_BYTES / 1024 });
    token = bareToken(input);
    if (!token) throw new UsageError('cli:errors.stdin_empty');
    origin = { kind: 'stdin' };
  } else {
    if (!tokenVariable) throw new UsageError('cli:errors.no_token_variable', { path: envPath ?? '' });
    const value = values.get(tokenVariable);
    if (value === undefined) throw new UsageError('cli:errors.variable_missing', { path: envPath ?? '', name: tokenVariable });
    token = value;
    origin = { kind: 'env', variable: tokenVariable, path: envPath ?? '' };
  }

  const fromFile = (role: 'phoneNumberId' | 'wabaId' | 'apiVersion' | 'appId' | 'appSecret'): string | null => {
    const name = detected?.[role].name;
    const value = name ? values.get(name)?.trim() : undefined;
    return value ? value : null;
  };
  const appId = fromFile('appId');
  const appSecret = fromFile('appSecret');
  return {
    token,
    origin,
    facts: {
      phoneNumberId: phoneNumberId ?? fromFile('phoneNumberId'),
      wabaId: wabaId ?? fromFile('wabaId'),
      apiVersion: fromFile('apiVersion'),
    },
    appCredentials: appId && appSecret && ID.test(appId) ? { appId, appSecret } : null,
    envPath,
    tokenVariable,
  };
}
