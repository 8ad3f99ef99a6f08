// What every start detector gets: one folder's entries, cached reads, the target platform, and a way to
// build a ranked proposal.
import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { UserMessage } from '../errors';
import type { BotRunMode, StartKind, StartProposal } from './types';

/** A proposal plus how sure we are; the highest score is proposed first. */
export interface ScoredProposal extends StartProposal {
  score: number;
}

export interface DetectContext {
  /** Absolute folder being looked at (the bot's folder or one of its app subfolders). */
  folder: string;
  platform: NodeJS.Platform;
  files: ReadonlySet<string>;
  dirs: ReadonlySet<string>;
  /** A file's text (first 512 KiB), or null when it is missing or unreadable. */
  read(relativePath: string): Promise<string | null>;
  exists(relativePath: string): Promise<boolean>;
  /** Where a program is installed on this machine, or null. */
  findProgram(name: string): string | null;
}

const READ_LIMIT = 512 * 1024;

export async function createDetectContext(
  folder: string,
  platform: NodeJS.Platform,
  findProgram: (name: string) => string | null = () => null,
): Promise<DetectContext> {
  const entries = await readdir(folder, { withFileTypes: true });
  const cache = new Map<string, Promise<string | null>>();
  return {
    folder,
    platform,
    findProgram,
    files: new Set(entries.filter((entry) => entry.isFile() || entry.isSymbolicLink()).map((entry) => entry.name)),
    dirs: new Set(entries.filter((entry) => entry.isDirectory()).map((entry) => entry.name)),
    read(relativePath) {
      let text = cache.get(relativePath);
      if (!text) {
        text = readFile(join(folder, relativePath)).then(
          (buffer) => buffer.subarray(0, READ_LIMIT).toString('utf8'),
          () => null,
        );
        cache.set(relativePath, text);
      }
      return text;
    },
    exists(relativePath) {
      return stat(join(folder, relativePath)).then(
        () => true,
        () => false,
      );
    },
  };
}

export interface ProposalFields {
  command: string;
  kind: StartKind;
  reason: UserMessage;
  mode?: BotRunMode;
  reloadsEnv?: boolean;
  warnings?: UserMessage[];
}

export function scoredProposal(context: DetectContext, fields: ProposalFields, score: number): ScoredProposal {
  return {
    command: fields.command,
    cwd: context.folder,
    kind: fields.kind,
    mode: fields.mode ?? 'managed',
    reason: fields.reason,
    ...(fields.reloadsEnv === undefined ? {} : { reloadsEnv: fields.reloadsEnv }),
    warnings: fields.warnings ?? [],
    score,
  };
}

/** Joins a relative path with the platform's separator (the command runs there, not here). */
export function platformPath(platform: NodeJS.Platform, ...parts: string[]): string {
  return parts.join(platform === 'win32' ? '\\' : '/');
}

/** A dev watcher or reloader restarts on code changes only, never on a .env edit. */
export function watcherWarning(tool: string): UserMessage {
  return { key: 'bot:detect.warning.watcherIgnoresEnv', params: { tool } };
}
