// How many cases a property test tries. Under `npm run mutation` every covering test runs once per mutant, so
// there MUTATION_PROPERTY_RUNS caps the count (the mutation setup also lowers fast-check's default to it).
export function propertyRuns(runs: number): number {
  const cap = Number(process.env.MUTATION_PROPERTY_RUNS);
  return cap > 0 ? Math.min(runs, cap) : runs;
}

/** A property test runs hundreds of cases: on a busy machine that takes longer than a unit test's 5 s. */
export const PROPERTY_TIMEOUT_MS = 60_000;
