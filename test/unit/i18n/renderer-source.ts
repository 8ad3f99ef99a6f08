// The renderer's source files parsed with the TypeScript compiler, for checks that read the code itself.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

export const RENDERER_ROOT = fileURLToPath(new URL('../../../src-renderer', import.meta.url));
export const MAIN_ROOT = fileURLToPath(new URL('../../../src-main', import.meta.url));

export function rendererFiles(extensions: readonly string[], root = RENDERER_ROOT): string[] {
  const found: string[] = [];
  const walk = (folder: string) => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const path = join(folder, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (extensions.some((extension) => entry.name.endsWith(extension)) && !entry.name.endsWith('.d.ts')) found.push(path);
    }
  };
  walk(root);
  return found.sort();
}

export function parse(path: string, text = readFileSync(path, 'utf8')): ts.SourceFile {
  const kind = path.endsWith('.tsx') ? ts.ScriptKind.TSX : ts.ScriptKind.TS;
  return ts.createSourceFile(path, text, ts.ScriptTarget.Latest, true, kind);
}

export function visit(node: ts.Node, callback: (node: ts.Node) => void): void {
  callback(node);
  node.forEachChild((child) => visit(child, callback));
}

export function position(source: ts.SourceFile, node: ts.Node): string {
  const { line, character } = source.getLineAndCharacterOfPosition(node.getStart(source));
  return `${source.fileName.replace(/^.*?(src-renderer|src-main)[\\/]/, '')}:${line + 1}:${character + 1}`;
}
