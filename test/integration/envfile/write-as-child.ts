// Run by in-place-write.test.ts as another user (setpriv): writes a file with writeFileAtomic and prints the
// result as one JSON line. Usage: node --import tsx write-as-child.ts <path> <content>
import { writeFileAtomic } from '../../../src-main/core/envfile/atomic-write';

const [path, content] = process.argv.slice(2) as [string, string];
process.stdout.write(`${JSON.stringify(await writeFileAtomic(path, content))}\n`);
