// How much JavaScript the window downloads: every script of the built renderer, gzipped. Target: ≤ 180 KB.
import { readdir, readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Figure } from '../types';

export const title = 'Renderer bundle (out/renderer, gzip -9)';

const TARGET_KB = 180;

export default async function rendererBundleBench(): Promise<Figure[]> {
  const assets = resolve('out/renderer/assets');
  const scripts = (await readdir(assets)).filter((name) => name.endsWith('.js'));
  if (scripts.length === 0) throw new Error('no scripts in out/renderer/assets: run `npm run build` first');
  let raw = 0;
  let gzipped = 0;
  for (const name of scripts) {
    const bytes = await readFile(join(assets, name));
    raw += bytes.length;
    gzipped += gzipSync(bytes, { level: 9 }).length;
  }
  const kb = (bytes: number) => Math.round((bytes / 1024) * 10) / 10;
  return [
    { name: `JavaScript, gzipped (${scripts.length} file${scripts.length === 1 ? '' : 's'})`, value: kb(gzipped), unit: 'KB', target: TARGET_KB, ok: kb(gzipped) <= TARGET_KB },
    { name: 'JavaScript, raw', value: kb(raw), unit: 'KB' },
  ];
}
