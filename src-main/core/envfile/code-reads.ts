// Finds which environment variables a bot's own source code reads (os.getenv("X"), process.env.X, env('X')…),
// so detection can tell which of two token-looking variables the bot really uses.
import { readFile, stat } from 'node:fs/promises';
import { findFiles } from './folder-walk';

/** Variable name → the source files (relative to the bot's folder) that read it. */
export type CodeReads = ReadonlyMap<string, readonly string[]>;

const SOURCE_FILE = /\.(py|js|cjs|mjs|jsx|ts|cts|mts|tsx|php)$/i;
const MAX_SOURCE_BYTES = 512 * 1024;
const LIMITS = { maxDepth: 6, maxFiles: 2000, maxFolders: 1000 };

const IDENTIFIER = String.raw`([A-Za-z_]\w*)`; // after a dot: process.env.X.trim() reads X
const NAME = String.raw`([A-Za-z_][\w.-]*)`; // inside quotes
const QUOTED_NAME = String.raw`\s*['"\`]${NAME}['"\`]`;
const READ_PATTERNS: readonly RegExp[] = [
  new RegExp(String.raw`process\.env\.${IDENTIFIER}`, 'g'),
  new RegExp(String.raw`process\.env\[${QUOTED_NAME}\s*\]`, 'g'),
  new RegExp(String.raw`import\.meta\.env\.${IDENTIFIER}`, 'g'),
  new RegExp(String.raw`\bgetenv\(${QUOTED_NAME}`, 'g'), // os.getenv, from os import getenv, PHP getenv
  new RegExp(String.raw`\benviron(?:\.get\(|\[)${QUOTED_NAME}`, 'g'), // os.environ.get("X"), os.environ["X"]
  new RegExp(String.raw`\benv(?:\.\w+)?\(${QUOTED_NAME}`, 'g'), // Laravel env('X'), django-environ env.str('X')
  new RegExp(String.raw`\$_(?:ENV|SERVER)\[${QUOTED_NAME}`, 'g'),
  /\bconfig\(\s*['"]([A-Z_][A-Z0-9_]*)['"]/g, // python-decouple; upper case only, unlike Laravel's config('a.b')
];
// `const { WEBHOOK_VERIFY_TOKEN, GRAPH_API_TOKEN, PORT } = process.env` (Meta's own sample apps).
const DESTRUCTURED = /\{([^{}]{1,2000})\}\s*=\s*process\.env\b/g;

/** The variables read in one file's text. */
export function envReadsInSource(source: string): Set<string> {
  const names = new Set<string>();
  for (const pattern of READ_PATTERNS) {
    for (const match of source.matchAll(pattern)) if (match[1]) names.add(match[1]);
  }
  for (const match of source.matchAll(DESTRUCTURED)) {
    for (const part of (match[1] ?? '').split(',')) {
      const name = /^\s*([A-Za-z_]\w*)/.exec(part)?.[1];
      if (name) names.add(name);
    }
  }
  return names;
}

/** Reads the bot's source files (bounded: depth, count and size) and collects the variables they read. */
export async function scanCodeForEnvReads(folder: string): Promise<CodeReads> {
  const files = await findFiles(folder, (name) => SOURCE_FILE.test(name) && !name.endsWith('.d.ts'), LIMITS);
  const reads = new Map<string, string[]>();
  for (const file of files) {
    const size = await stat(file.path).then((info) => info.size, () => Infinity);
    if (size > MAX_SOURCE_BYTES) continue;
    const source = await readFile(file.path, 'utf8').catch(() => '');
    for (const name of envReadsInSource(source)) reads.set(name, [...(reads.get(name) ?? []), file.relativePath]);
  }
  return reads;
}
