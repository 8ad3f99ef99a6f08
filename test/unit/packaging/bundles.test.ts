import { builtinModules } from 'node:module';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { PROJECT } from './builder-files';
import { ensureBuilt } from './ensure-built';

const read = (file: string) => readFileSync(join(PROJECT, file), 'utf8');
const requiredModules = (code: string) => [...code.matchAll(/\brequire\(\s*["']([^"']+)["']\s*\)/g)].map((match) => match[1]);
const importedModules = (code: string) =>
  [...code.matchAll(/(?:^|[;\n])\s*(?:import|export)\s[^'";]*?from\s*["']([^"']+)["']|\bimport\(\s*["']([^"']+)["']\s*\)/g)].map(
    (match) => match[1] ?? match[2],
  );

beforeAll(() => ensureBuilt(PROJECT), 120_000);

describe('the preload bundle', () => {
  it('is CommonJS, as a sandboxed preload must be', () => {
    const code = read('out/preload/index.cjs');
    expect(importedModules(code)).toEqual([]);
    expect(code).not.toMatch(/\bimport\.meta\b/);
  });

  it('requires electron and nothing else: the contract and valibot are bundled in', () => {
    expect(new Set(requiredModules(read('out/preload/index.cjs')))).toEqual(new Set(['electron']));
  });
});

describe('the main bundle', () => {
  it('imports only electron, Node built-ins and production dependencies (the rest is bundled in)', () => {
    const packageJson = JSON.parse(read('package.json')) as { dependencies: Record<string, string> };
    const allowed = new Set(['electron', ...builtinModules, ...builtinModules.map((name) => `node:${name}`), ...Object.keys(packageJson.dependencies)]);
    const packageOf = (name: string) => name.split('/').slice(0, name.startsWith('@') ? 2 : 1).join('/');
    const files = readdirSync(join(PROJECT, 'out/main'), { recursive: true, encoding: 'utf8' }).filter((file) => file.endsWith('.js'));
    const external = files
      .flatMap((file) => importedModules(read(join('out/main', file))))
      .filter((name): name is string => !!name && !name.startsWith('.'));
    expect(external).toContain('electron');
    expect(external.filter((name) => !allowed.has(name) && !allowed.has(packageOf(name)))).toEqual([]);
  });
});

describe('the renderer bundle', () => {
  it('loads its script by a relative URL, so app://doctor/ serves it', () => {
    const html = read('out/renderer/index.html');
    expect(html).toMatch(/<script type="module"[^>]*src="\.\/assets\/[^"]+\.js"/);
    expect(html).not.toMatch(/src="(https?:)?\/\//);
  });
});
