// Flag parsing on node:util's parseArgs, strict: an unknown flag or a missing value is a usage error (exit 2).
// Commands that name a thing (`connect FOLDER`, `disconnect BOT`) ask for positionals; the others refuse them.
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { UsageError } from './registry';

type Options = NonNullable<ParseArgsConfig['options']>;

export function parseFlags<T extends Options>(args: string[], options: T, { positionals = false } = {}) {
  try {
    return parseArgs({ args, options: { ...options, help: { type: 'boolean', short: 'h' } }, strict: true, allowPositionals: positionals });
  } catch (error) {
    const detail = error instanceof Error ? error.message.split('\n')[0] ?? '' : String(error);
    throw new UsageError('cli:errors.bad_options', { detail });
  }
}
