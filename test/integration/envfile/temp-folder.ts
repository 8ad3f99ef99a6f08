// A fresh temporary folder per test, removed afterwards (also when the test made it read-only).
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach } from 'vitest';

const created: string[] = [];

afterEach(() => {
  for (const folder of created.splice(0)) {
    try {
      chmodSync(folder, 0o700);
    } catch {
      // already gone: the test removed it on purpose
    }
    rmSync(folder, { recursive: true, force: true });
  }
});

export function tempFolder(prefix = 'envfile-'): string {
  const folder = mkdtempSync(join(tmpdir(), prefix));
  created.push(folder);
  return folder;
}
