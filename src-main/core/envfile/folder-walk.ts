// Lists the files of a bot's folder, shallowest first and within limits, never entering dependency folders,
// virtual environments, build output or version-control data (they are huge and hold nothing of the bot's own).
import type { Dirent } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import { join, relative } from 'node:path';

const SKIPPED_FOLDERS = new Set([
  'node_modules', '.git', '.hg', '.svn', 'venv', '.venv', 'env', '.env', 'virtualenv', '__pycache__',
  'site-packages', '.tox', '.mypy_cache', '.pytest_cache', '.ruff_cache', 'dist', 'build', 'out', '.next', '.nuxt',
  '.svelte-kit', '.turbo', '.cache', 'coverage', 'vendor', 'target', 'bower_components', '.idea', '.vscode',
]);

export interface WalkLimits {
  /** 0 = only the folder itself, 1 = also its subfolders, … */
  maxDepth: number;
  /** Stop after this many matching files. */
  maxFiles: number;
  /** Stop after looking into this many folders. */
  maxFolders: number;
}

export interface FoundFile {
  path: string;
  relativePath: string;
  name: string;
  depth: number;
}

/** Files under `root` whose name `wanted` accepts (symlinks to files included; symlinked folders skipped). */
export async function findFiles(root: string, wanted: (name: string) => boolean, limits: WalkLimits): Promise<FoundFile[]> {
  const found: FoundFile[] = [];
  let queue: string[] = [root];
  let foldersSeen = 0;
  for (let depth = 0; depth <= limits.maxDepth && queue.length > 0; depth += 1) {
    const next: string[] = [];
    for (const folder of queue) {
      if (foldersSeen >= limits.maxFolders || found.length >= limits.maxFiles) return found;
      foldersSeen += 1;
      const entries = await readdir(folder, { withFileTypes: true }).catch((): Dirent[] => []);
      if (entries.some((entry) => entry.name === 'pyvenv.cfg')) continue; // a virtual environment under another name
      entries.sort((a, b) => a.name.localeCompare(b.name));
      for (const entry of entries) {
        const path = join(folder, entry.name);
        if (entry.isDirectory()) {
          if (!SKIPPED_FOLDERS.has(entry.name)) next.push(path);
        } else if (wanted(entry.name) && (entry.isFile() || (entry.isSymbolicLink() && (await isFile(path))))) {
          found.push({ path, relativePath: relative(root, path), name: entry.name, depth });
          if (found.length >= limits.maxFiles) return found;
        }
      }
    }
    queue = next;
  }
  return found;
}

async function isFile(path: string): Promise<boolean> {
  return stat(path).then((info) => info.isFile(), () => false);
}
