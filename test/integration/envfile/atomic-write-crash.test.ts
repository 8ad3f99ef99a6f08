// Kills a writer process at random moments in the middle of writeFileAtomic, many times over: the file must
// always be the old content or a new one, whole, never a mix or a truncated copy.
import { spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { tempFolder } from './temp-folder';

const WRITER = fileURLToPath(new URL('./fixtures/atomic-writer.ts', import.meta.url));
const SIZE = 4 * 1024 * 1024;
const LANES = 4;
const KILLS_PER_LANE = 6;

/** Starts the writer, kills it with SIGKILL a random moment after its first write began; says if a write was cut. */
function killWriterMidWrite(target: string): Promise<{ cutMidWrite: boolean }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', WRITER, target, String(SIZE)], { stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    let stderr = '';
    let armed = false;
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (armed || !output.includes('begin')) return;
      armed = true;
      setTimeout(() => child.kill('SIGKILL'), Math.random() * 120);
    });
    child.on('error', reject);
    child.on('exit', (_code, signal) => {
      if (signal !== 'SIGKILL') {
        reject(new Error(`writer exited on its own: ${stderr}`));
        return;
      }
      const lines = output.trim().split('\n');
      resolve({ cutMidWrite: lines.at(-1)?.startsWith('begin') ?? false });
    });
  });
}

describe('writeFileAtomic under SIGKILL', () => {
  it.skipIf(process.platform === 'win32')(
    `leaves the old or a new file, never a partial one (${LANES * KILLS_PER_LANE} kills)`,
    async () => {
      const folder = tempFolder();
      const whole = new Set(['initial\n', ...['A', 'B'].map((letter) => `${letter}=${letter.repeat(SIZE)}\n`)]);
      let cuts = 0;
      await Promise.all(
        Array.from({ length: LANES }, async (_unused, lane) => {
          const target = join(folder, `lane-${lane}.env`);
          writeFileSync(target, 'initial\n');
          for (let kill = 0; kill < KILLS_PER_LANE; kill += 1) {
            const { cutMidWrite } = await killWriterMidWrite(target);
            if (cutMidWrite) cuts += 1;
            const content = readFileSync(target, 'utf8');
            expect(whole.has(content), `lane ${lane}, kill ${kill}: ${content.length} bytes starting ${content.slice(0, 10)}`).toBe(true);
          }
        }),
      );
      // Most kills land inside a write; if none did, the test proved nothing.
      expect(cuts).toBeGreaterThan(0);
    },
    60_000,
  );
});
