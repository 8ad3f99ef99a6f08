// Finds the .env files in a bot's folder (`.env`, `backend/.env`, `.env.local`, `localvariables.env`, `env`…),
// most likely first, looking at most two folders deep.
import { findFiles } from './folder-walk';

export interface EnvFileCandidate {
  path: string;
  /** Relative to the bot's folder, e.g. `backend/.env`. */
  relativePath: string;
  /** A template to copy (`.env.example`, `example.env`…): bots do not read these. */
  example: boolean;
}

const LIMITS = { maxDepth: 2, maxFiles: 50, maxFolders: 300 };
/** Where web projects keep their server side; a .env there beats one in another subfolder. */
const SERVER_FOLDERS = new Set(['backend', 'server', 'api', 'app', 'bot', 'src']);
const EXAMPLE = /example|sample|template|dist|default/i;
/** Encrypted, editor and backup copies, and this app's own temporary files: not what the bot reads. */
const NOT_ENV = /\.(vault|gpg|enc|age|swp|swo|bak|orig|old|tmp|lock)$|~$|^\.env\.keys$/i;

function isEnvFileName(name: string): boolean {
  if (NOT_ENV.test(name)) return false;
  return name === '.env' || name === 'env' || name.startsWith('.env.') || name.startsWith('env.') || name.endsWith('.env');
}

/** Lower is likelier: which name the bot reads when several exist. */
function nameRank(name: string): number {
  const order = ['.env', '.env.local', '.env.production', '.env.development', 'env'];
  const index = order.indexOf(name);
  if (index >= 0) return index;
  return name.startsWith('.env.') ? order.length : order.length + 1;
}

function folderRank(relativePath: string, depth: number): number {
  if (depth === 0) return 0;
  const firstFolder = relativePath.split(/[\\/]/)[0] ?? '';
  return depth * 2 - (SERVER_FOLDERS.has(firstFolder) ? 1 : 0);
}

export async function findEnvFiles(folder: string): Promise<EnvFileCandidate[]> {
  const files = await findFiles(folder, isEnvFileName, LIMITS);
  return files
    .map((file) => ({ ...file, example: EXAMPLE.test(file.name) }))
    .sort(
      (a, b) =>
        Number(a.example) - Number(b.example) ||
        folderRank(a.relativePath, a.depth) - folderRank(b.relativePath, b.depth) ||
        nameRank(a.name) - nameRank(b.name) ||
        a.relativePath.localeCompare(b.relativePath),
    )
    .map(({ path, relativePath, example }) => ({ path, relativePath, example }));
}
