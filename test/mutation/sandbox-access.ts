// Set-up for the tests `npm run mutation` runs: Stryker copies the project into a sandbox folder it creates with
// mode 0700, and in-place-write.test.ts runs a writer as `nobody`, who could then not read the writer's code.
// The sandbox is a throw-away copy: opening it to other users the way the project folder is open costs nothing.
import { chmodSync, statSync } from 'node:fs';
import { basename, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = dirname(dirname(dirname(fileURLToPath(import.meta.url))));
if (basename(root).startsWith('sandbox-')) chmodSync(root, statSync(root).mode | 0o055);
