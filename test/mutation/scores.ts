// Per-file mutation scores: counted from Stryker's results, kept in reports/mutation/scores.json between runs
// (a run of one area replaces only that area), and printed as one table by `npm run mutation` and `npm run bench`.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';

/** The share of mutants the tests must kill in every mutated file, equivalent mutants set aside. */
export const MUTATION_GOAL = 90;

export interface FileScore {
  file: string;
  /** Killed by a failing test, or by running into the time limit (an endless loop). */
  killed: number;
  survived: number;
  /** Reached by no test at all: counted as survivors. */
  noCoverage: number;
  /** Set aside with a `Stryker disable` comment that says why the mutant is equivalent. */
  ignored: number;
  /** Mutants that could not run (not counted either way). */
  errors: number;
  /** killed / (killed + survived + noCoverage) in percent; null when the file had no mutant to count. */
  score: number | null;
}

export interface AreaRun {
  area: string;
  finishedAt: string;
  seconds: number;
  /** CPU time of the run, workers included (null where /proc is missing); about twice the wall time on two idle cores. */
  cpuSeconds: number | null;
  files: FileScore[];
}

export type ScoreBook = Record<string, AreaRun>;

/** The fields of Stryker's MutantResult that a score needs. */
export interface CountedMutant {
  fileName: string;
  status: string;
}

function emptyScore(file: string): FileScore {
  return { file, killed: 0, survived: 0, noCoverage: 0, ignored: 0, errors: 0, score: null };
}

function count(score: FileScore, status: string): void {
  if (status === 'Killed' || status === 'Timeout') score.killed += 1;
  else if (status === 'Survived') score.survived += 1;
  else if (status === 'NoCoverage') score.noCoverage += 1;
  else if (status === 'Ignored') score.ignored += 1;
  else score.errors += 1;
}

export function fileScores(mutants: readonly CountedMutant[], root = process.cwd()): FileScore[] {
  const byFile = new Map<string, FileScore>();
  for (const mutant of mutants) {
    const file = relative(root, mutant.fileName).split('\\').join('/');
    const score = byFile.get(file) ?? emptyScore(file);
    count(score, mutant.status);
    byFile.set(file, score);
  }
  for (const score of byFile.values()) {
    const counted = score.killed + score.survived + score.noCoverage;
    score.score = counted === 0 ? null : Math.floor((score.killed / counted) * 1000) / 10;
  }
  return [...byFile.values()].sort((a, b) => a.file.localeCompare(b.file));
}

export function readScores(dir: string): ScoreBook {
  const path = join(dir, 'scores.json');
  if (!existsSync(path)) return {};
  return JSON.parse(readFileSync(path, 'utf8')) as ScoreBook;
}

export function writeScores(dir: string, scores: ScoreBook): void {
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'scores.json'), `${JSON.stringify(scores, null, 2)}\n`);
}

/** One line per file: score, then the counts behind it; a file under the goal is marked. */
export function formatScoreTable(runs: readonly AreaRun[]): string[] {
  const files = runs.flatMap((run) => run.files);
  const width = Math.max(4, ...files.map((file) => file.file.length));
  const lines = [`${'file'.padEnd(width)}  score  killed  survived  no-cov  set-aside`];
  for (const run of runs) {
    const cpu = run.cpuSeconds == null ? '' : `, ${run.cpuSeconds} s of CPU`;
    lines.push(`${run.area} (${run.seconds} s${cpu}, ${run.finishedAt.slice(0, 16).replace('T', ' ')} UTC)`);
    for (const file of run.files) {
      const score = file.score === null ? '   -' : `${file.score.toFixed(1)}%`.padStart(6);
      const mark = file.score !== null && file.score < MUTATION_GOAL ? '  under goal' : '';
      lines.push(
        `${file.file.padEnd(width)} ${score}  ${String(file.killed).padStart(6)}  ${String(file.survived).padStart(8)}  ${String(file.noCoverage).padStart(6)}  ${String(file.ignored).padStart(9)}${mark}`,
      );
    }
  }
  return lines;
}
