// The command destination for real: small Node and Python programs read the token from standard input and
// store it. While one runs, no process on the machine has the token in its command line or environment.
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { execFileSync } from 'node:child_process';
import { afterEach, describe, expect, it } from 'vitest';
import { runTokenCommand } from '../../../src-main/core/destinations/token-command';
import { undoDestination, writeDestination } from '../../../src-main/core/destinations/write-destination';
import { EnvBackups } from '../../../src-main/core/envfile';
import { hasTranslation } from '../../../src-main/core/i18n/translate';
import { tempFolder } from '../envfile/temp-folder';

const FIXTURES = fileURLToPath(new URL('./fixtures/', import.meta.url));
const STORE_JS = `"${process.execPath}" "${join(FIXTURES, 'store-token.mjs')}"`;
const TOKEN = 'EAAGm0PX4ZCpsBAKZBxQ7vR2mN8dL5tY1wE9uI3oP6aS4dF7gH0jK2lZ5xC8vB1nM4qW7eR0tY3uI6oP9aS2d';

function processesHolding(secret: string): string[] {
  const found: string[] = [];
  for (const pid of readdirSync('/proc').filter((name) => /^\d+$/.test(name))) {
    for (const part of ['cmdline', 'environ']) {
      try {
        if (readFileSync(`/proc/${pid}/${part}`).includes(secret)) found.push(`${pid}/${part}`);
      } catch {
        // gone, or another user's process we may not read
      }
    }
  }
  return found;
}

async function waitFor(path: string): Promise<void> {
  for (let tries = 0; tries < 500 && !existsSync(path); tries += 1) await new Promise((resolve) => setTimeout(resolve, 10));
}

const context = () => ({ botId: 'bot-1', backups: new EnvBackups({ dataHome: tempFolder('dest-data-') }) });

describe('runTokenCommand', () => {
  afterEach(() => {
    delete process.env.WA_TEST_EXPORTED_TOKEN;
  });

  it('gives the token on standard input only: not in any process list, argument or environment', async () => {
    const folder = tempFolder('dest-cmd-');
    const store = join(folder, 'stored.txt');
    const release = join(folder, 'release');
    const running = runTokenCommand(`${STORE_JS} stored.txt --wait-for release`, folder, TOKEN);
    await waitFor(store);
    expect(readFileSync(store, 'utf8')).toBe(TOKEN);
    expect(processesHolding(TOKEN)).toEqual([]);
    expect(execFileSync('ps', ['-eww', '-o', 'args']).toString()).not.toContain(TOKEN.slice(0, 30));
    writeFileSync(release, '');
    await expect(running).resolves.toMatchObject({ exitCode: 0 });
  });

  it('works with a Python script that reads one line, run in its folder', async () => {
    const folder = tempFolder('dest-cmd-');
    const run = await runTokenCommand(`python3 "${join(FIXTURES, 'store_token.py')}" saved.txt`, folder, TOKEN);
    expect(readFileSync(join(folder, 'saved.txt'), 'utf8')).toBe(TOKEN);
    expect(run.output).toContain('token saved');
  });

  it('does not pass on an environment variable that holds the token', async () => {
    process.env.WA_TEST_EXPORTED_TOKEN = TOKEN;
    const folder = tempFolder('dest-cmd-');
    await runTokenCommand('env > env.txt; cat > /dev/null', folder, TOKEN);
    const environment = readFileSync(join(folder, 'env.txt'), 'utf8');
    expect(environment).toContain('PATH=');
    expect(environment).not.toContain(TOKEN);
  });

  it('fails on a non-zero exit, with the output kept but the token redacted', async () => {
    const folder = tempFolder('dest-cmd-');
    const failure = await runTokenCommand(`${STORE_JS} s.txt --echo --exit 3`, folder, TOKEN).catch((error: unknown) => error);
    expect(failure).toMatchObject({ code: 'dest_command_failed', userMessage: { key: 'destinations:errors.command_failed', params: { exitCode: 3 } } });
    const text = JSON.stringify(failure) + String((failure as Error).message);
    expect(text).not.toContain(TOKEN);
    expect(text).toContain('stored token [redacted]');
    expect(readFileSync(join(folder, 's.txt'), 'utf8')).toBe(TOKEN); // it did read stdin
  });

  it('redacts a short token that has no token shape, and the command line shown', async () => {
    const folder = tempFolder('dest-cmd-');
    const odd = 'not-a-meta-shape-secret-123';
    const run = await runTokenCommand(`${STORE_JS} s.txt --echo`, folder, odd);
    expect(run.output).not.toContain(odd);
    expect(run.output).toContain('[redacted]');
  });

  it('stops a command that runs too long, with everything it started', async () => {
    const folder = tempFolder('dest-cmd-');
    const started = Date.now();
    const failure = await runTokenCommand('sleep 30 & echo $! > child.pid; wait', folder, TOKEN, 1_000).catch((error: unknown) => error);
    expect(failure).toMatchObject({ code: 'dest_command_timed_out', userMessage: { params: { count: 1 } } });
    expect(Date.now() - started).toBeLessThan(10_000);
    const child = Number(readFileSync(join(folder, 'child.pid'), 'utf8'));
    expect(existsSync(`/proc/${child}`) && !readFileSync(`/proc/${child}/stat`, 'utf8').includes(') Z ')).toBe(false);
  });

  it('reports a program that does not exist as a failed command (the shell says 127)', async () => {
    const failure = await runTokenCommand('surely-no-such-program-here', tempFolder('dest-cmd-'), TOKEN).catch((error: unknown) => error);
    expect(failure).toMatchObject({ code: 'dest_command_failed', userMessage: { params: { exitCode: 127 } } });
  });

  it('refuses a folder that does not exist', async () => {
    const failure = await runTokenCommand('true', join(tempFolder('dest-cmd-'), 'gone'), TOKEN).catch((error: unknown) => error);
    expect(failure).toMatchObject({ code: 'bot_folder_missing' });
  });

  it('returns even when the command leaves a background program holding its output', async () => {
    const folder = tempFolder('dest-cmd-');
    const started = Date.now();
    await runTokenCommand('cat > /dev/null; (sleep 3 &) ; echo done', folder, TOKEN);
    expect(Date.now() - started).toBeLessThan(2_500);
  });
});

describe('command destinations', () => {
  it('say that they cannot be undone without an undo command', async () => {
    const folder = tempFolder('dest-cmd-');
    const destination = { kind: 'command' as const, command: `${STORE_JS} s.txt`, cwd: folder };
    const outcome = await writeDestination(destination, TOKEN, context());
    expect(outcome).toMatchObject({ changed: true, backup: null, message: { key: 'destinations:change.command_ran_no_undo' } });
    const undo = await undoDestination(destination, outcome, { ...context(), previousToken: 'EAAold' });
    expect(undo).toEqual({ undone: false, message: { key: 'destinations:undo.command_not_undoable' } });
    for (const language of ['en', 'tr', 'ar'] as const) {
      expect(hasTranslation(language, outcome.message.key)).toBe(true);
      expect(hasTranslation(language, undo.message.key)).toBe(true);
    }
  });

  it('run the undo command with the previous token on standard input', async () => {
    const folder = tempFolder('dest-cmd-');
    const previous = 'EAAPreviousTokenValue0123456789abcdefXYZ';
    const destination = { kind: 'command' as const, command: `${STORE_JS} s.txt`, undoCommand: `${STORE_JS} s.txt`, cwd: folder };
    const outcome = await writeDestination(destination, TOKEN, context());
    expect(outcome.message.key).toBe('destinations:change.command_ran');
    expect(readFileSync(join(folder, 's.txt'), 'utf8')).toBe(TOKEN);
    expect(await undoDestination(destination, outcome, { ...context(), previousToken: null })).toMatchObject({ undone: false, message: { key: 'destinations:undo.previous_token_unknown' } });
    expect(await undoDestination(destination, outcome, { ...context(), previousToken: previous })).toMatchObject({ undone: true });
    expect(readFileSync(join(folder, 's.txt'), 'utf8')).toBe(previous);
  });
});
