// The keychain when it cannot be used: no D-Bus session, a bus without a Secret Service, a locked keyring.
// Each case runs in a child process with its own (broken) D-Bus world, so the shared test keyring stays usable.
import { execFile } from 'node:child_process';
import { createServer, type Socket } from 'node:net';
import { mkdtemp, rm, writeFile, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { CallOutcome } from './keychain-child';
import { requireTestKeyring } from '../../support/require-keyring';

const root = fileURLToPath(new URL('../../..', import.meta.url));
const tsx = join(root, 'node_modules/.bin/tsx');
const child = fileURLToPath(new URL('./keychain-child.ts', import.meta.url));
const withKeyring = join(root, 'test/support/with-keyring.sh');
const SECRET = 'EAAGm0PX4ZCpsBAKZCZAZBnevershowthistoken0002';

let scratch = '';
beforeAll(async () => {
  scratch = await mkdtemp(join(tmpdir(), 'wa-vault-'));
});
afterAll(() => rm(scratch, { recursive: true, force: true }));
beforeEach(requireTestKeyring);

// Without a display the keyring's unlock prompt cannot appear, on a developer's desktop too: nobody has to
// click anything, and the prompt is reported as dismissed.
const { DISPLAY: _display, WAYLAND_DISPLAY: _wayland, ...headless } = process.env;

async function runChild(command: string[], env: NodeJS.ProcessEnv = headless): Promise<Record<string, CallOutcome>> {
  const { stdout, stderr } = await promisify(execFile)(command[0] ?? '', command.slice(1), { cwd: root, env, timeout: 45_000 });
  expect(stderr).not.toContain(SECRET);
  const outcomes = JSON.parse(stdout.trim().split('\n').at(-1) ?? '[]') as CallOutcome[];
  for (const outcome of outcomes) expect(outcome.text ?? '').not.toContain(SECRET);
  return Object.fromEntries(outcomes.map((outcome) => [outcome.call, outcome]));
}

function expectAllFailWith(outcomes: Record<string, CallOutcome>, code: string, key: string): void {
  for (const call of ['get', 'getNeverStored', 'set', 'setNew', 'delete', 'setAppCredentials', 'probe']) {
    expect(outcomes[call], call).toMatchObject({ code, key });
  }
}

describe('KeyringVault when the keychain cannot be used', () => {
  it('reports keychain_unavailable when there is no D-Bus session at all', async () => {
    const deadBus = `unix:path=${join(scratch, 'no-bus-here')}`;
    const outcomes = await runChild([tsx, child, 'plain', SECRET], { ...headless, DBUS_SESSION_BUS_ADDRESS: deadBus });
    // Every call failing (writes included) is also the proof that nothing fell back to the kernel keyring.
    expectAllFailWith(outcomes, 'keychain_unavailable', 'vault:unavailable.linux');
  });

  it('reports keychain_unavailable on a D-Bus session where nothing provides the Secret Service', async () => {
    const noServices = join(scratch, 'no-services');
    await mkdir(noServices, { recursive: true });
    const config = join(scratch, 'bus-without-secrets.conf');
    await writeFile(
      config,
      `<!DOCTYPE busconfig PUBLIC "-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN"
 "http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd">
<busconfig>
  <type>session</type>
  <listen>unix:tmpdir=${scratch}</listen>
  <auth>EXTERNAL</auth>
  <servicedir>${noServices}</servicedir>
  <policy context="default"><allow send_destination="*" eavesdrop="true"/><allow eavesdrop="true"/><allow own="*"/></policy>
</busconfig>
`,
    );
    const outcomes = await runChild(['dbus-run-session', `--config-file=${config}`, '--', tsx, child, 'plain', SECRET]);
    expectAllFailWith(outcomes, 'keychain_unavailable', 'vault:unavailable.linux');
  });

  it('never freezes the app on a bus that accepts the connection and never answers: each call gives up on time', async () => {
    const socket = join(scratch, 'silent-bus');
    const held: Socket[] = [];
    // It hangs up after 2 s (longer than the calls wait), as a real bus eventually would: until then a thread stuck in the library also
    // holds back its process's exit (nothing can interrupt native code), though never its event loop.
    const silent = createServer((connection) => {
      held.push(connection);
      setTimeout(() => connection.destroy(), 2_000).unref();
    });
    await new Promise<void>((resolve) => silent.listen(socket, resolve));
    try {
      const outcomes = await runChild([tsx, child, 'silent', SECRET], { ...headless, DBUS_SESSION_BUS_ADDRESS: `unix:path=${socket}` });
      expectAllFailWith(outcomes, 'keychain_unavailable', 'vault:unavailable.linux');
      expect(outcomes.get?.text).toContain('did not answer within 1 s');
      // Seven calls at a 1 s limit each, and the event loop never waited on the bus meanwhile.
      expect(Number(outcomes.calls?.returned)).toBeLessThan(7 * 1_000 + 3_000);
      expect(Number(outcomes.eventLoop?.returned)).toBeLessThan(500);
    } finally {
      for (const connection of held) connection.destroy();
      silent.close();
    }
  });

  // With a locked collection gnome-keyring asks for an unlock prompt; with no display the prompt cannot
  // appear and the library reports "unlock prompt was dismissed", exactly as when a user cancels it.
  it('reports keychain_locked for a locked keyring, except reading an account it never had', async () => {
    const outcomes = await runChild(['dbus-run-session', '--', withKeyring, tsx, child, 'locked', SECRET]);
    for (const call of ['get', 'set', 'setNew', 'delete', 'setAppCredentials', 'probe']) {
      expect(outcomes[call], call).toMatchObject({ code: 'keychain_locked', key: 'vault:locked.linux' });
    }
    // Searching a locked collection finds no unlocked match, so the library answers "nothing stored" without
    // unlocking. Callers cannot tell "locked" from "absent" on a read: probe() before relying on an empty answer.
    expect(outcomes.getNeverStored).toEqual({ call: 'getNeverStored', returned: 'null' });
  });
});
