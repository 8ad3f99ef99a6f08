// Flag parsing on node:util's parseArgs. Every way the flags can be wrong is found here first and said in the
// reader's language (exit 2): the parser's own English never reaches the owner. Commands that name a thing
// (`connect FOLDER`, `disconnect BOT`) ask for positionals; the others refuse them.
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { UsageError } from './registry';

type Options = NonNullable<ParseArgsConfig['options']>;

export function parseFlags<T extends Options>(args: string[], options: T, { positionals = false } = {}) {
  const all = { ...options, help: { type: 'boolean', short: 'h' } } as const;
  checkFlags(args, all, positionals);
  try {
    return parseArgs({ args, options: all, strict: true, allowPositionals: positionals });
  } catch {
    // checkFlags knows every mistake parseArgs reports; this is only a safety net, in the reader's words too.
    throw new UsageError('cli:errors.bad_options');
  }
}

/** The first thing wrong with `args`, as a UsageError; nothing when parseArgs will accept them. */
function checkFlags(args: string[], options: Options, positionals: boolean): void {
  const { tokens } = parseArgs({ args, options, strict: false, allowPositionals: true, tokens: true });
  for (const token of tokens) {
    if (token.kind === 'positional' && !positionals) throw new UsageError('cli:errors.unexpected_argument');
    if (token.kind !== 'option') continue;
    const option = token.rawName;
    const spec = options[token.name];
    if (!spec) {
      const suggestion = closestOption(token.name, Object.keys(options));
      throw suggestion
        ? new UsageError('cli:errors.unknown_option_suggestion', { option, suggestion: `--${suggestion}` }, 'unknown_option')
        : new UsageError('cli:errors.unknown_option', { option });
    }
    if (spec.type === 'boolean' && token.inlineValue) throw new UsageError('cli:errors.option_takes_no_value', { option });
    // `--env --json`: the next flag is not the value parseArgs would take it for.
    const missing = token.value === undefined || (!token.inlineValue && token.value.startsWith('-'));
    if (spec.type === 'string' && missing) throw new UsageError('cli:errors.option_needs_value', { option });
  }
}

/** A known option within two typos of `name` (`--envv`, `--jsno`), for "did you mean". */
function closestOption(name: string, known: readonly string[]): string | null {
  let best: { option: string; distance: number } | null = null;
  for (const option of known) {
    const distance = editDistance(name, option);
    if (distance <= 2 && (!best || distance < best.distance)) best = { option, distance };
  }
  return best?.option ?? null;
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i += 1) {
    const current = [i];
    for (let j = 1; j <= b.length; j += 1) {
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length]!;
}
