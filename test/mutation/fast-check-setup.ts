// Set-up for the tests `npm run mutation` runs: property tests without an explicit count try MUTATION_PROPERTY_RUNS
// cases (see test/support/property-runs.ts for the explicit ones).
import fc from 'fast-check';

const cap = Number(process.env.MUTATION_PROPERTY_RUNS);
if (cap > 0) fc.configureGlobal({ numRuns: cap });
