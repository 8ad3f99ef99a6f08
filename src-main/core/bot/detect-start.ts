// Proposes how a bot is started, best guess first, from what is in its folder (and in an app subfolder such
// as backend/ when the root only holds a web dashboard). The owner confirms or corrects the first proposal.
import { join } from 'node:path';
import { findOnPath } from '../system-programs';
import { resolveBotFolder } from './bot-folder';
import { createDetectContext, type DetectContext, type ScoredProposal } from './detect-context';
import { detectNode } from './detect-node';
import { detectArtisan } from './detect-php';
import { detectPython } from './detect-python';
import { detectCompose, detectProcfile } from './detect-services';
import type { StartProposal } from './types';

const DETECTORS: ReadonlyArray<(context: DetectContext) => Promise<ScoredProposal[]>> = [
  detectPython,
  detectNode,
  detectProcfile,
  detectCompose,
  detectArtisan,
];

/** Subfolders that usually hold the bot itself when the repository root holds something else. */
const APP_SUBFOLDERS = new Set(['backend', 'server', 'api', 'bot']);
const NEVER_APP_FOLDERS = new Set(['node_modules', 'venv', '.venv', '.git', 'dist', 'build', 'vendor', '__pycache__', '.next']);
/** A guess one level down is a little less likely than the same guess at the root. */
const SUBFOLDER_PENALTY = 6;

export interface DetectOptions {
  /** Whose conventions to propose for (venv layout, interpreter name); the OS we run on by default. */
  platform?: NodeJS.Platform;
  /** Where a program is installed (`python`, `py`), or null; by default PATH is searched when `platform` is ours. */
  findProgram?: (name: string) => string | null;
}

/** Ranked start proposals; empty when nothing looks runnable. Throws `bot_folder_missing` for a missing folder. */
export async function detectStartCommand(folder: string, options: DetectOptions = {}): Promise<StartProposal[]> {
  const platform = options.platform ?? process.platform;
  const findProgram = options.findProgram ?? (platform === process.platform ? (name: string) => findOnPath(name, platform) : () => null);
  const root = await resolveBotFolder(folder);
  const rootContext = await createDetectContext(root, platform, findProgram);
  const proposals = await proposalsIn(rootContext, 0);
  for (const name of rootContext.dirs) {
    if (NEVER_APP_FOLDERS.has(name) || name.startsWith('.')) continue;
    const context = await createDetectContext(join(root, name), platform, findProgram).catch(() => null);
    if (!context || !(APP_SUBFOLDERS.has(name) || context.files.has('.env'))) continue;
    proposals.push(...(await proposalsIn(context, SUBFOLDER_PENALTY)));
  }
  return rank(proposals);
}

async function proposalsIn(context: DetectContext, penalty: number): Promise<ScoredProposal[]> {
  const found = (await Promise.all(DETECTORS.map((detect) => detect(context)))).flat();
  return found.map((proposal) => ({ ...proposal, score: proposal.score - penalty }));
}

/** Best first; the same command in the same folder is proposed once. */
function rank(proposals: ScoredProposal[]): StartProposal[] {
  const best = new Map<string, ScoredProposal>();
  for (const proposal of proposals) {
    const key = `${proposal.cwd}\0${proposal.command}`;
    const known = best.get(key);
    if (!known || known.score < proposal.score) best.set(key, proposal);
  }
  return [...best.values()]
    .sort((a, b) => b.score - a.score)
    .map(({ score: _score, ...proposal }) => proposal);
}
