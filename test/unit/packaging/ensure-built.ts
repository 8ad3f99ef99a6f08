// `npm test` builds out/ before running the tests; a lone run of a packaging test builds it when it is missing.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

export function ensureBuilt(project: string): void {
  const bundles = ['out/main/index.js', 'out/preload/index.cjs', 'out/renderer/index.html'];
  if (bundles.every((bundle) => existsSync(join(project, bundle)))) return;
  const build = spawnSync(join(project, 'node_modules/.bin/electron-vite'), ['build'], { cwd: project, encoding: 'utf8' });
  if (build.status !== 0) throw new Error(`electron-vite build failed:\n${build.stderr}`);
}
