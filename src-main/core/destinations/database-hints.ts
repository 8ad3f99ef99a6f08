// Signs that a bot copies its token from .env into a database and then uses that copy, so a new .env value and
// a restart change nothing (real-world 026: "Initial … token (will be persisted to Mongo)"; 021: tokens kept
// AES-encrypted in the database; 023: the .env token is only a fallback for tokens set per business in an admin
// page). These are guesses from comments and code patterns; the messages say so.
import { readFile, stat } from 'node:fs/promises';
import type { EnvDocument, EnvEntry } from '../envfile';
import { findEntries } from '../envfile';
import { findFiles } from '../envfile/folder-walk';

export type DatabaseHint =
  /** The comment on or above the token's line says it is only a first value, copied into a database. */
  | { kind: 'seed_comment'; line: number }
  /** The comment above it says the value is only a fallback for tokens set in the bot's admin page (023). */
  | { kind: 'fallback_comment'; line: number }
  /** Some comment in the .env says tokens are kept in a database. */
  | { kind: 'tokens_in_database_comment'; line: number }
  /** A source file passes the token variable into a database write. */
  | { kind: 'code_saves_token'; file: string; line: number };

const SEED_WORDS =
  /\b(?:initial(?:ly)?|bootstrap(?:ped)?|seed(?:ed|s)?|first (?:start|run|boot|launch)|persist(?:ed|s)?|auto-?managed|(?:copied|stored|saved|kept|written) (?:in|into|to) (?:the )?(?:db|database|mongo\w*))\b/i;
const FALLBACK_WORDS = /\b(?:fallback|instead of here|per[- ](?:business|tenant|customer|user|account)|admin (?:ui|panel|page|dashboard))\b/i;
const DATABASE_WORDS = /\b(?:db|database|mongo(?:db)?|postgres(?:ql)?|mysql|sqlite|firestore|supabase)\b/i;
const SOURCE_FILE = /\.(py|js|cjs|mjs|jsx|ts|cts|mts|php|rb)$/i;
const MAX_SOURCE_BYTES = 512 * 1024;
const CODE_LIMITS = { maxDepth: 5, maxFiles: 1500, maxFolders: 800 };
/** Calls that store a record (Mongoose/MongoDB, Prisma, Sequelize, Django, SQLAlchemy, Firestore…). */
const WRITE_CALL =
  /\b(?:create|insertOne|insertMany|insert_one|insert_many|updateOne|update_one|replaceOne|replace_one|findOneAndUpdate|find_one_and_update|findOrCreate|upsert|update_or_create|get_or_create|setDoc)\s*\(/g;
/** How far after the call's "(" the variable may appear: one statement, not the next paragraph. */
const CALL_REACH = 300;

/** The strongest hint in the .env's comments, or null. */
export function databaseHintInEnv(doc: EnvDocument, tokenVariable: string): DatabaseHint | null {
  const entry = findEntries(doc, tokenVariable).at(-1);
  if (entry) {
    const inline = doc.text.slice(entry.valueEnd, entry.end);
    const own = [...(inline.includes('#') ? [inline] : []), ...commentsAbove(doc, entry, false)];
    if (own.some((comment) => SEED_WORDS.test(comment))) return { kind: 'seed_comment', line: entry.line };
    // A group's heading ("Set these per-business in the admin UI…") speaks for every line under it.
    if ([...own, ...commentsAbove(doc, entry, true)].some((comment) => FALLBACK_WORDS.test(comment))) {
      return { kind: 'fallback_comment', line: entry.line };
    }
  }
  const said = doc.segments.find((segment) => segment.kind === 'comment' && /token/i.test(segment.raw) && DATABASE_WORDS.test(segment.raw));
  return said ? { kind: 'tokens_in_database_comment', line: said.line } : null;
}

/** The comment lines right above the entry; with `wholeGroup`, all those up to the blank line above its group. */
function commentsAbove(doc: EnvDocument, entry: EnvEntry, wholeGroup: boolean): string[] {
  const comments: string[] = [];
  for (let index = doc.segments.indexOf(entry) - 1; index >= 0; index -= 1) {
    const segment = doc.segments[index]!;
    if (segment.kind === 'comment') comments.push(segment.raw);
    else if (!wholeGroup || segment.kind === 'blank') break;
  }
  return comments;
}

/** The first source file (bounded walk) that hands `tokenVariable` to a database write. */
export async function databaseHintInCode(folder: string, tokenVariable: string): Promise<DatabaseHint | null> {
  const files = await findFiles(folder, (name) => SOURCE_FILE.test(name) && !/\.(test|spec)\.\w+$/.test(name), CODE_LIMITS);
  const variable = new RegExp(`\\b${tokenVariable.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\b`);
  for (const file of files) {
    const size = await stat(file.path).then((info) => info.size, () => Infinity);
    if (size > MAX_SOURCE_BYTES) continue;
    const source = await readFile(file.path, 'utf8').catch(() => '');
    if (!source.includes(tokenVariable)) continue;
    const offset = writeCallWith(source, variable);
    if (offset !== null) return { kind: 'code_saves_token', file: file.relativePath, line: source.slice(0, offset).split('\n').length };
  }
  return null;
}

/** Offset of a write call whose arguments (one statement, no blank line) mention the variable. */
function writeCallWith(source: string, variable: RegExp): number | null {
  for (const call of source.matchAll(WRITE_CALL)) {
    const start = call.index + call[0].length;
    const statement = /^(?:(?!\n[ \t]*\n)[^;])*/.exec(source.slice(start, start + CALL_REACH))?.[0] ?? '';
    if (variable.test(statement)) return call.index;
  }
  return null;
}
