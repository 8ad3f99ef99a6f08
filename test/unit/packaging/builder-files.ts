// What electron-builder would put in the app archive, computed with electron-builder's own file matchers
// (app-builder-lib internals: they are what the real build runs, so the test cannot drift from it).
import { readFileSync, type Stats } from 'node:fs';
import { createRequire } from 'node:module';
import { join, relative, sep } from 'node:path';
import { parse } from 'yaml';

const require = createRequire(import.meta.url);

interface Matcher {
  patterns: string[];
  createFilter(): (file: string, stat: Stats) => boolean;
}
interface FileSet {
  src: string;
  files: string[];
}
type BuilderConfig = Record<string, unknown> & { linux?: Record<string, unknown> };

const fileMatcher = require('app-builder-lib/out/fileMatcher') as {
  FileMatcher: new (from: string, to: string, expand: (text: string) => string, patterns?: string[]) => Matcher;
  getMainFileMatchers(...args: unknown[]): Matcher[];
  getNodeModuleFileMatcher(...args: unknown[]): Matcher;
  getFileMatchers(...args: unknown[]): Matcher[] | null;
};
const { computeFileSets } = require('app-builder-lib/out/util/appFileCopier') as {
  computeFileSets(matchers: Matcher[], transformer: null, packager: unknown, electronCompile: boolean): Promise<FileSet[]>;
};
const { NodeModuleCopyHelper } = require('app-builder-lib/out/util/NodeModuleCopyHelper') as {
  NodeModuleCopyHelper: new (
    matcher: Matcher,
    info: unknown,
  ) => { collectNodeModules(dep: { name: string; dir: string }, excludedExts: string[], destination: string): Promise<string[]> };
};

export const PROJECT = join(import.meta.dirname, '..', '..', '..');
const DESTINATION = '/app';
const keepText = (text: string) => text;

export function readBuilderConfig(): BuilderConfig {
  return parse(readFileSync(join(PROJECT, 'electron-builder.yml'), 'utf8')) as BuilderConfig;
}

/** The stand-in for electron-builder's Packager that the matchers and walkers read. */
function packagerInfo(projectDir: string, config: BuilderConfig) {
  const info = {
    projectDir,
    appDir: projectDir,
    buildResourcesDir: 'build',
    isPrepackedAppAsar: false,
    config,
    debugLogger: { isEnabled: false },
    appInfo: { type: 'module' },
    getWorkspaceRoot: async () => projectDir,
  };
  return { info, config };
}

const toPosix = (path: string) => path.split(sep).join('/');

/** The app's own files (node_modules aside) as paths relative to `projectDir`. */
export async function appFiles(projectDir: string, config: BuilderConfig = readBuilderConfig()): Promise<string[]> {
  const packager = packagerInfo(projectDir, config);
  const matchers = fileMatcher.getMainFileMatchers(projectDir, DESTINATION, keepText, config.linux ?? {}, packager, join(projectDir, 'dist'), false);
  const sets = await computeFileSets(matchers, null, packager, false);
  return sets.flatMap((set) => set.files.map((file) => toPosix(relative(projectDir, file)))).filter((file) => file !== '');
}

/** The files one installed production dependency contributes, relative to `projectDir`. */
export async function dependencyFiles(name: string, projectDir: string = PROJECT, config: BuilderConfig = readBuilderConfig()): Promise<string[]> {
  const { info } = packagerInfo(projectDir, config);
  const moduleMatcher = fileMatcher.getNodeModuleFileMatcher(projectDir, DESTINATION, keepText, config.linux ?? {}, info);
  const dir = join(projectDir, 'node_modules', name);
  const destination = join(DESTINATION, 'node_modules', name);
  const matcher = new fileMatcher.FileMatcher(dir, destination, keepText, moduleMatcher.patterns);
  const files = await new NodeModuleCopyHelper(matcher, info).collectNodeModules({ name, dir }, ['.o', '.obj', '.d.ts'], relative(DESTINATION, destination));
  return files.map((file) => toPosix(relative(projectDir, file)));
}

/** Whether `asarUnpack` takes `file` (relative to the app) out of the archive. */
export function isUnpacked(file: string, projectDir: string = PROJECT, config: BuilderConfig = readBuilderConfig()): boolean {
  const matchers = fileMatcher.getFileMatchers(config, 'asarUnpack', DESTINATION, {
    macroExpander: keepText,
    customBuildOptions: {},
    globalOutDir: join(projectDir, 'dist'),
    defaultSrc: projectDir,
  });
  const filter = matchers?.[0]?.createFilter();
  if (!filter) return false;
  const stat = { isDirectory: () => false } as Stats;
  return filter(join(projectDir, file), stat);
}
