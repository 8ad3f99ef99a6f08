// Finds which .env variables hold the bot's access token, phone-number id, WABA id, API version, app id, app
// secret and Graph base URL. Every variable gets points (the reasons are kept), the best one above a threshold
// is proposed, and the owner confirms. The ranking, in order of weight:
//   1. the bot's own code reads it (when its folder is given)                       +50
//   2. its value has the setting's shape: a real EAA token +60, EAA placeholder +25,
//      a 15-digit id +20, v21.0 +20, a graph.facebook.com URL +25; a misfit −10/−20
//   3. its name is one real bots use for it (30, plus up to 5 for how common it is),
//      or only looks like it (15; names that do not also name Meta/WhatsApp are ignored)
//   4. small hints: the name names Meta/WhatsApp +5, says "access token" +8 or "system user" +4, the comment
//      heading its group of lines mentions Meta/WhatsApp +6; a browser-bundle prefix (VITE_, NEXT_PUBLIC_) −4.
// A verify token, a token TTL or a key that encrypts tokens is never taken for the access token.
import type { EnvDocument, EnvEntry } from './types';
import { scanCodeForEnvReads, type CodeReads } from './code-reads';
import { BOT_VARIABLE_ROLES, CLIENT_BUNDLE_PREFIX, META_CONTEXT, ROLE_RULES, type BotVariableRole } from './variable-roles';

export type DetectionConfidence = 'high' | 'medium' | 'low' | 'none';

export interface VariableCandidate {
  name: string;
  score: number;
  /** Line of the assignment dotenv uses (the last one). */
  line: number;
  readByCode: boolean;
  /** Why it scored, e.g. `known-name`, `access-token-value`, `read-by-code`. */
  reasons: string[];
}

export interface VariableDetection {
  /** The proposed variable, or null when nothing fits well enough. */
  name: string | null;
  confidence: DetectionConfidence;
  line: number | null;
  /** Every plausible variable, best first (the proposed one, when there is one, comes first). */
  candidates: VariableCandidate[];
  /** Names of this setting that appear only in commented-out lines (dotenv ignores them). */
  commentedOut: string[];
  /** Names of this setting the bot's code reads but the .env lacks (empty when no folder was scanned). */
  readByCodeButMissing: string[];
}

export type BotVariables = Record<BotVariableRole, VariableDetection>;

const CHOOSE_FROM_SCORE = 15;
const META_MENTION = /meta|whatsapp|facebook|graph|cloud api|access token|system.?user/i;
const COMMENTED_ASSIGNMENT = /^\s*#+\s*(?:export\s+)?([\w.-]+)\s*=/;

/** Detection from the .env alone, or also from the bot's source when `folder` is given. */
export async function detectBotVariables(doc: EnvDocument, options: { folder?: string } = {}): Promise<BotVariables> {
  const codeReads = options.folder ? await scanCodeForEnvReads(options.folder) : undefined;
  return rankBotVariables(doc, codeReads);
}

/** The same ranking without touching the disk (`codeReads` from `scanCodeForEnvReads`, if known). */
export function rankBotVariables(doc: EnvDocument, codeReads?: CodeReads): BotVariables {
  const active = lastAssignments(doc);
  const headers = groupHeaders(doc);
  const commented = commentedOutNames(doc, active);
  const result = {} as BotVariables;
  for (const role of BOT_VARIABLE_ROLES) {
    const candidates = [...active.values()]
      .map((entry) => scoreEntry(role, entry, headers.get(entry) ?? '', codeReads))
      .filter((candidate): candidate is VariableCandidate => candidate !== null && candidate.score > 0)
      .sort((a, b) => b.score - a.score || a.line - b.line);
    const best = candidates[0] && candidates[0].score >= CHOOSE_FROM_SCORE ? candidates[0] : undefined;
    result[role] = {
      name: best?.name ?? null,
      confidence: best ? confidenceOf(best, candidates[1]) : 'none',
      line: best?.line ?? null,
      candidates,
      commentedOut: commented.filter((name) => nameScore(role, name) !== null),
      readByCodeButMissing: [...(codeReads?.keys() ?? [])].filter((name) => !active.has(name) && nameScore(role, name) !== null),
    };
  }
  return result;
}

function confidenceOf(best: VariableCandidate, runnerUp: VariableCandidate | undefined): DetectionConfidence {
  if (best.readByCode && !runnerUp?.readByCode) return 'high';
  if (best.score >= 40 && best.score - (runnerUp?.score ?? 0) >= 15) return 'high';
  return best.score >= 30 ? 'medium' : 'low';
}

/** Points for the name alone, or null when the name cannot be this setting. */
function nameScore(role: BotVariableRole, name: string): { score: number; reasons: string[] } | null {
  const rule = ROLE_RULES[role];
  if (rule.excluded?.test(name)) return null;
  const count = rule.known[name];
  let score: number;
  const reasons: string[] = [];
  if (count !== undefined) {
    score = 30 + (5 * Math.min(count, 13)) / 13;
    reasons.push('known-name');
  } else if (rule.pattern.test(name) && (!rule.patternNeedsContext || META_CONTEXT.test(name))) {
    score = 15;
    reasons.push('name-pattern');
  } else {
    return null;
  }
  const hint = (points: number, reason: string, applies: boolean): void => {
    if (!applies) return;
    score += points;
    reasons.push(reason);
  };
  hint(5, 'meta-word-in-name', META_CONTEXT.test(name));
  hint(-4, 'client-bundle-prefix', CLIENT_BUNDLE_PREFIX.test(name));
  hint(8, 'access-token-name', role === 'token' && /access_?token/i.test(name));
  hint(4, 'system-user-name', role === 'token' && /sys(tem)?_?user/i.test(name));
  return { score, reasons };
}

function scoreEntry(role: BotVariableRole, entry: EnvEntry, header: string, codeReads?: CodeReads): VariableCandidate | null {
  const rule = ROLE_RULES[role];
  const byValue = rule.scoreValue(entry.value);
  let named = nameScore(role, entry.key);
  // A real access token under a name nobody uses is still the access token (unless the name rules it out).
  if (!named && byValue && byValue[0] >= 50 && !rule.excluded?.test(entry.key)) named = { score: 0, reasons: [] };
  if (!named) return null;
  let score = named.score;
  const reasons = [...named.reasons];
  if (byValue) {
    score += byValue[0];
    reasons.push(byValue[1]);
  }
  if (META_MENTION.test(header)) {
    score += 6;
    reasons.push('comment-mentions-meta');
  }
  const readByCode = codeReads?.has(entry.key) ?? false;
  if (readByCode) {
    score += 50;
    reasons.push('read-by-code');
  }
  return { name: entry.key, score: Math.round(score * 10) / 10, line: entry.line, readByCode, reasons };
}

/** The assignment dotenv uses for each key (the last one). */
function lastAssignments(doc: EnvDocument): Map<string, EnvEntry> {
  return new Map(doc.entries.map((entry) => [entry.key, entry]));
}

/** For each assignment, the comment block that heads its group of lines (groups are split by blank lines). */
function groupHeaders(doc: EnvDocument): Map<EnvEntry, string> {
  const headers = new Map<EnvEntry, string>();
  let header = '';
  let previous: string | undefined;
  for (const segment of doc.segments) {
    if (segment.kind === 'comment') header = previous === 'comment' ? `${header}\n${segment.raw}` : segment.raw;
    else if (segment.kind === 'entry') headers.set(segment, header);
    else header = '';
    previous = segment.kind;
  }
  return headers;
}

function commentedOutNames(doc: EnvDocument, active: ReadonlyMap<string, EnvEntry>): string[] {
  const names = doc.segments
    .filter((segment) => segment.kind === 'comment')
    .map((segment) => COMMENTED_ASSIGNMENT.exec(segment.raw)?.[1])
    .filter((name): name is string => name !== undefined && !active.has(name));
  return [...new Set(names)];
}
