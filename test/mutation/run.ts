// `npm run mutation [area…] [--incremental] [--survivors]`: Stryker mutates the code that decides a token's fate,
// edits owners' files, stops processes and decides notifications (areas.ts), runs each area's tests against every
// mutant, prints each file's score and records it in reports/mutation/scores.json (which `npm run bench` prints).
// Exit code 1 when a file scores under the goal. Not part of `npm test`: a whole run takes 20–30 minutes on two
// idle cores.
import { Stryker } from '@stryker-mutator/core';
import { readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { MUTATION_AREAS, type MutationArea } from './areas';
import { fileScores, formatScoreTable, MUTATION_GOAL, readScores, writeScores, type AreaRun } from './scores';

const REPORT_DIR = 'reports/mutation';
/** Cases per property test in a mutation run (each covering test runs once per mutant); override with the env var. */
const PROPERTY_RUNS = 40;

type StrykerOptions = NonNullable<ConstructorParameters<typeof Stryker>[0]>;

function strykerOptions(area: MutationArea, flags: Set<string>): StrykerOptions {
  return {
    testRunner: 'vitest',
    plugins: ['@stryker-mutator/vitest-runner'],
    vitest: { configFile: 'test/mutation/vitest.config.ts', related: false },
    mutate: area.mutate,
    coverageAnalysis: 'perTest',
    concurrency: Number(process.env.MUTATION_CONCURRENCY) || Math.max(1, Math.min(availableParallelism(), 4)),
    reporters: ['progress', 'json', 'html', ...(flags.has('--survivors') ? ['clear-text'] : [])],
    clearTextReporter: { reportTests: false, reportScoreTable: false },
    jsonReporter: { fileName: `${REPORT_DIR}/${area.name}.json` },
    htmlReporter: { fileName: `${REPORT_DIR}/${area.name}.html` },
    incremental: flags.has('--incremental'),
    incrementalFile: `${REPORT_DIR}/${area.name}.incremental.json`,
    tempDirName: `.stryker-tmp/${area.name}`,
    // Stryker leaves out only its own sandbox folder: not the other areas' (a run may be going on beside this one).
    ignorePatterns: ['/.stryker-tmp', '/reports', '/out', '/dist'],
    // A module-level mutant reloads the test environment and runs every test of its area: on a busy machine that
    // can exceed the default limit without any endless loop.
    timeoutMS: 20_000,
    thresholds: { high: MUTATION_GOAL, low: 80, break: null },
    logLevel: 'warn' as StrykerOptions['logLevel'],
  };
}

/**
 * CPU seconds used so far by this process and its finished children (Stryker's workers), from /proc on Linux:
 * on a busy machine this, not the wall time, says how long a run takes on two idle cores. Null elsewhere.
 */
function cpuSeconds(): number | null {
  try {
    const fields = readFileSync('/proc/self/stat', 'utf8').split(') ')[1]!.split(' ');
    // utime, stime, cutime, cstime are fields 14–17 of stat(5): 12–15 after the command name.
    const ticks = [11, 12, 13, 14].reduce((sum, index) => sum + Number(fields[index]), 0);
    return Math.round(ticks / 100);
  } catch {
    return null;
  }
}

async function runArea(area: MutationArea, flags: Set<string>): Promise<AreaRun> {
  console.log(`\nMutating ${area.name}: ${area.mutate.filter((glob) => !glob.startsWith('!')).join(', ')}`);
  process.env.MUTATION_TESTS = JSON.stringify(area.tests);
  process.env.MUTATION_PROPERTY_RUNS ??= String(PROPERTY_RUNS);
  const started = Date.now();
  const cpuBefore = cpuSeconds();
  const results = await new Stryker(strykerOptions(area, flags)).runMutationTest();
  const cpuAfter = cpuSeconds();
  return {
    area: area.name,
    finishedAt: new Date().toISOString(),
    seconds: Math.round((Date.now() - started) / 1000),
    cpuSeconds: cpuBefore === null || cpuAfter === null ? null : cpuAfter - cpuBefore,
    files: fileScores(results),
  };
}

async function main(): Promise<number> {
  const args = process.argv.slice(2);
  const flags = new Set(args.filter((arg) => arg.startsWith('--')));
  const names = args.filter((arg) => !arg.startsWith('--'));
  const unknown = names.filter((name) => !MUTATION_AREAS.some((area) => area.name === name));
  if (unknown.length > 0) {
    console.error(`Unknown area ${unknown.join(', ')}; the areas are ${MUTATION_AREAS.map((area) => area.name).join(', ')}.`);
    return 2;
  }
  const areas = MUTATION_AREAS.filter((area) => names.length === 0 || names.includes(area.name));
  const ran: AreaRun[] = [];
  for (const area of areas) {
    const run = await runArea(area, flags);
    ran.push(run);
    // Read again before writing: another run (of other areas) may have recorded its scores meanwhile.
    writeScores(REPORT_DIR, { ...readScores(REPORT_DIR), [area.name]: run });
  }
  console.log(`\n${formatScoreTable(ran).join('\n')}`);
  const short = ran.flatMap((run) => run.files).filter((file) => file.score !== null && file.score < MUTATION_GOAL);
  console.log(
    short.length === 0
      ? `\nEvery file reaches ${MUTATION_GOAL}%. Reports: ${REPORT_DIR}/<area>.html`
      : `\n${short.length} file(s) under ${MUTATION_GOAL}%: ${short.map((file) => file.file).join(', ')}. Reports: ${REPORT_DIR}/<area>.html`,
  );
  return short.length === 0 ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
