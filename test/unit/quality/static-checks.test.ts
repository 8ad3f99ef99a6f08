// The house rules that tools check: strict types in every project (the shell against the real electron.d.ts),
// the architecture's import boundaries (eslint), and logical CSS properties only (stylelint). Part of `npm test`
// so a change that breaks them cannot land.
import { execFile } from 'node:child_process';
import { resolve } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const run = promisify(execFile);
const bin = (name: string) => resolve('node_modules/.bin', name);

async function passes(command: string, args: string[]): Promise<string> {
  try {
    await run(bin(command), args, { maxBuffer: 16 * 1024 * 1024 });
    return '';
  } catch (error) {
    const failure = error as { stdout?: string; stderr?: string; message: string };
    return `${failure.stdout ?? ''}${failure.stderr ?? ''}` || failure.message;
  }
}

describe('static checks', () => {
  for (const project of ['src-main', 'src-renderer', 'test']) {
    it(`type-checks ${project}`, async () => {
      expect(await passes('tsc', ['-p', project])).toBe('');
    }, 240_000);
  }

  it('keeps the lint rules, including core ↛ electron and renderer ↛ node', async () => {
    expect(await passes('eslint', ['.'])).toBe('');
  }, 240_000);

  it('uses only logical CSS properties in the renderer', async () => {
    expect(await passes('stylelint', ['src-renderer/**/*.css'])).toBe('');
  }, 120_000);
});
