// What `npm run mutation` mutates, area by area, and which tests it runs against each area's mutants. Only the
// tests that exercise an area run for it, so a whole run takes 20–30 minutes on two idle cores.

export interface MutationArea {
  name: string;
  /** Source files whose mutants are made (globs; `!` excludes). */
  mutate: string[];
  /** Test files run against those mutants (globs). */
  tests: string[];
}

export const MUTATION_AREAS: readonly MutationArea[] = [
  {
    // What Meta's answers mean for the token. Left out: the calls around it (diagnose.ts, oauth.ts,
    // test-message.ts, app-credentials.ts), whose tests run against the Graph simulator over HTTP.
    name: 'graph',
    mutate: [
      'src-main/core/graph/batch.ts',
      'src-main/core/graph/classify.ts',
      'src-main/core/graph/client.ts',
      'src-main/core/graph/debug-token.ts',
      'src-main/core/graph/findings.ts',
      'src-main/core/graph/graph-error.ts',
      'src-main/core/graph/read-calls.ts',
      'src-main/core/graph/session-expiry.ts',
      'src-main/core/graph/verdict.ts',
      'src-main/core/graph/versions.ts',
      'src-main/core/graph/wording.ts',
    ],
    tests: ['test/unit/graph/*.test.ts'],
  },
  {
    // Reading and editing an owner's .env and .gitignore, and writing them safely. Left out: finding a bot's
    // files and variables (detection, not editing).
    name: 'envfile',
    mutate: [
      'src-main/core/envfile/atomic-write.ts',
      'src-main/core/envfile/backups.ts',
      'src-main/core/envfile/edit.ts',
      'src-main/core/envfile/gitignore.ts',
      'src-main/core/envfile/gitignore-rules.ts',
      'src-main/core/envfile/in-place-write.ts',
      'src-main/core/envfile/parse.ts',
      'src-main/core/envfile/read.ts',
      'src-main/core/envfile/reference-read.ts',
      'src-main/core/envfile/text-lines.ts',
      'src-main/core/envfile/update.ts',
      'src-main/core/envfile/value-format.ts',
    ],
    // Not the detection tests (no file of theirs is mutated here), nor atomic-write-crash.test.ts: it kills writer
    // processes at random moments for 16 s per run, and no mutant changes what a kill can cut.
    tests: [
      'test/unit/envfile/{edit,edit-read-back,gitignore-rules,parse,parse-rows,reference-read,text-lines,value-format}.test.ts',
      'test/integration/envfile/{atomic-write,backups,gitignore,in-place-write,inspect-write,read-env-file,update-env-file}.test.ts',
    ],
  },
  {
    name: 'destinations',
    mutate: [
      'src-main/core/destinations/json-edit.ts',
      'src-main/core/destinations/json-scan.ts',
      'src-main/core/destinations/key-path.ts',
      'src-main/core/destinations/yaml-edit.ts',
    ],
    // Not locale.test.ts: it reads the source for message keys, and Stryker's instrumented copy hides them.
    tests: ['test/unit/destinations/{json-edit,json-edit-read-back,json-scan,yaml-edit,key-path,key-path-errors,destination-arg}.test.ts'],
  },
  {
    name: 'monitor',
    mutate: ['src-main/core/monitor/*.ts', '!src-main/core/monitor/index.ts', '!src-main/core/monitor/watch-types.ts'],
    tests: ['test/unit/monitor/*.test.ts'],
  },
  {
    name: 'token',
    mutate: ['src-main/core/token/*.ts'],
    tests: ['test/unit/token/*.test.ts', 'test/unit/graph/token-shape.test.ts'],
  },
  {
    // Stopping a process tree is measured on a simulated machine (test/unit/bot/simulated-machine.ts): the real
    // stops (test/integration/bot/stop-tree.test.ts) left processes behind under a mutant that broke the stop,
    // which crashed Stryker's test runner (6 December 2026).
    name: 'processes',
    mutate: ['src-main/core/bot/process-table*.ts', 'src-main/core/bot/taskkill-tree.ts', 'src-main/core/bot/stop-process-tree.ts'],
    tests: [
      'test/unit/bot/process-table*.test.ts',
      'test/unit/bot/taskkill-tree.test.ts',
      'test/unit/bot/stop-process-tree.test.ts',
      'test/unit/bot/os-commands.test.ts',
    ],
  },
];
