// `npm run bench`: runs every section in test/bench/sections/ (alphabetically) and prints their figures.
// Exit code 1 when a figure misses its target. Add a section by adding a file there (see types.ts).
import { readdir } from 'node:fs/promises';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { join } from 'node:path';
import type { BenchRun, Figure } from './types';

const sectionsDir = fileURLToPath(new URL('./sections/', import.meta.url));

function format(value: number): string {
  if (Number.isInteger(value)) return String(value);
  return value >= 100 ? value.toFixed(0) : value.toFixed(2);
}

function printTable(title: string, figures: Figure[]): void {
  if (figures.length === 0) {
    console.log(`\n${title}`);
    return;
  }
  const rows = figures.map((figure) => [
    figure.name,
    `${format(figure.value)} ${figure.unit}`.trim(),
    figure.target === undefined ? '' : `target ${typeof figure.target === 'number' ? `≤ ${format(figure.target)}` : figure.target}`,
    figure.ok === undefined ? '' : figure.ok ? 'ok' : 'MISSED',
  ]);
  const widths = [0, 1, 2].map((column) => Math.max(...rows.map((row) => row[column]!.length)));
  console.log(`\n${title}`);
  console.log('-'.repeat(title.length));
  for (const row of rows) {
    console.log(`  ${row[0]!.padEnd(widths[0]!)}  ${row[1]!.padStart(widths[1]!)}  ${row[2]!.padEnd(widths[2]!)}  ${row[3]}`.trimEnd());
  }
}

async function main(): Promise<number> {
  const only = process.argv.slice(2);
  const files = (await readdir(sectionsDir)).filter((name) => /\.(ts|mts|js|mjs)$/.test(name)).sort();
  let missed = 0;
  for (const file of files) {
    const name = file.replace(/\.[^.]+$/, '');
    if (only.length > 0 && !only.includes(name)) continue;
    const module = (await import(pathToFileURL(join(sectionsDir, file)).href)) as Record<string, unknown>;
    const title = typeof module.title === 'string' ? module.title : name;
    const run = (typeof module.default === 'function' ? module.default : Object.values(module).find((value) => typeof value === 'function')) as BenchRun | undefined;
    try {
      if (!run) throw new Error('the file exports no function');
      const figures = await run();
      printTable(title, figures);
      missed += figures.filter((figure) => figure.ok === false).length;
    } catch (error) {
      console.log(`\n${title}: failed: ${error instanceof Error ? error.message : String(error)}`);
      missed += 1;
    }
  }
  console.log(missed === 0 ? '\nAll targets met.' : `\n${missed} target(s) missed.`);
  return missed === 0 ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
