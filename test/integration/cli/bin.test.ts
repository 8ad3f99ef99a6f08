// The built CLI is package.json's `bin`: right after `npm run build` it runs by itself and as `npx wa-token-doctor`.
import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { translate } from '../../../src-main/core/i18n/translate';
import { assertBuilt, CLI_PATH } from './run-cli';

const run = promisify(execFile);
let npmCache: string;

beforeAll(async () => {
  assertBuilt();
  npmCache = await mkdtemp(join(tmpdir(), 'wtd-npx-cache-'));
});
afterAll(() => rm(npmCache, { recursive: true, force: true }));

const usageStart = translate('en', { key: 'cli:usage.main' }).split('\n')[0]!;

describe('the wa-token-doctor command', () => {
  it('runs as a program of its own (executable, with a node shebang)', async () => {
    const { stdout } = await run(CLI_PATH, ['--help'], { env: { ...process.env, WA_TOKEN_DOCTOR_LANG: 'en' } });
    expect(stdout).toContain(usageStart);
  });

  it('runs as `npx wa-token-doctor` from the project, offline, with an empty npm cache', async () => {
    const env = { ...process.env, WA_TOKEN_DOCTOR_LANG: 'en', npm_config_cache: npmCache };
    const { stdout } = await run('npx', ['--offline', 'wa-token-doctor', '--help'], { env });
    expect(stdout).toContain(usageStart);
  }, 60_000);
});
