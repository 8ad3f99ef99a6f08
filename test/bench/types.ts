// What a bench section returns: figures the runner prints in one table, failing the run when one misses its target.

export interface Figure {
  name: string;
  value: number;
  unit: string;
  /** What the figure should be, as shown to the reader (e.g. 1.3 for "≤ 1.3×", or "≤ 200 KB"). */
  target?: number | string;
  /** Whether the target is met; a figure without `ok` is informative only. */
  ok?: boolean;
}

/**
 * A section is a file in test/bench/sections/ exporting one function that returns its figures (the default
 * export, or else its exported function), and optionally a `title`:
 *   export const title = 'Diagnosis';
 *   export default async function diagnosisBench(): Promise<Figure[]> { … }
 */
export type BenchRun = () => Figure[] | Promise<Figure[]>;
