// The vitest set-up Stryker runs an area's tests with (`npm run mutation`): plain-Node tests only, without the
// React plugin or the summary reporter of the full run. run.ts names the area's test files in MUTATION_TESTS (a
// JSON list of globs); they are chosen here rather than with Stryker's `testFiles`, which activates module-level
// mutants too late (stryker-js issue 6144: every mutant of a constant table would "survive").
import { defineConfig } from 'vitest/config';

const selected = process.env.MUTATION_TESTS ? (JSON.parse(process.env.MUTATION_TESTS) as string[]) : null;

export default defineConfig({
  test: {
    include: selected && selected.length > 0 ? selected : ['test/unit/**/*.test.ts'],
    environment: 'node',
    setupFiles: ['test/mutation/fast-check-setup.ts', 'test/mutation/sandbox-access.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
