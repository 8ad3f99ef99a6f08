// How many cases a property test tries. Under `npm run mutation` every covering test runs once per mutant, so
// there MUTATION_PROPERTY_RUNS caps the count (the mutation setup also lowers fast-check's default to it).
export function propertyRuns(runs: number): number {
  const cap = Number(process.env.MUTATION_PROPERTY_RUNS);
  return cap > 0 ? Math.min(runs, cap) : runs;
}
