// Run by keychain-failures.test.ts in a child process whose D-Bus world is broken on purpose (no bus, no
// Secret Service, a locked keyring). Prints one JSON line: what each vault call returned or threw.
// Usage: tsx keychain-child.ts <plain|locked|silent> <secret>
// `silent`: the bus accepts the connection and never answers; the calls run with short time limits, and the
// last line also says how long the event loop was ever kept waiting (it must stay free).
import { KeyringVault } from '../../../src-main/core/vault/keyring-vault';
import { setAppCredentials } from '../../../src-main/core/vault/app-credentials';
import { botAccount } from '../../../src-main/core/vault/vault';
import { defaultCollection, lockCollection } from './secret-service';

export interface CallOutcome {
  call: string;
  /** What came back (its type only, so a leaked secret would show up in `text` instead), or the error. */
  returned?: string;
  code?: string;
  key?: string;
  /** Everything the error carries as text, for the "no secret in an error" check. */
  text?: string;
}

const [scenario, secret = ''] = process.argv.slice(2);
const vault = scenario === 'silent' ? new KeyringVault('linux', { openMs: 1_000, useMs: 5_000 }) : new KeyringVault('linux');
let longestStallMs = 0;
let lastTick = Date.now();
const ticker = setInterval(() => {
  longestStallMs = Math.max(longestStallMs, Date.now() - lastTick - 20);
  lastTick = Date.now();
}, 20);
const stored = botAccount('stored-before-lock');
const neverStored = botAccount('never-stored');

async function outcome(call: string, run: () => Promise<unknown>): Promise<CallOutcome> {
  try {
    const value = await run();
    return { call, returned: value === null ? 'null' : typeof value };
  } catch (error) {
    const fields = error as { code?: string; userMessage?: { key?: string }; message?: string; stack?: string; cause?: unknown };
    return {
      call,
      code: fields.code ?? 'none',
      key: fields.userMessage?.key ?? 'none',
      text: [fields.message, fields.stack, String(fields.cause), JSON.stringify(error)].join('\n'),
    };
  }
}

if (scenario === 'locked') {
  await vault.setSecret(stored, secret);
  await lockCollection(await defaultCollection());
}
const callsBegan = Date.now();
const outcomes = [
  await outcome('get', () => vault.getSecret(stored)),
  await outcome('getNeverStored', () => vault.getSecret(neverStored)),
  await outcome('set', () => vault.setSecret(stored, secret)),
  await outcome('setNew', () => vault.setSecret(neverStored, secret)),
  await outcome('delete', () => vault.deleteSecret(stored)),
  await outcome('setAppCredentials', () => setAppCredentials(vault, { appId: '1234567890', appSecret: secret })),
  await outcome('probe', async () => {
    const status = await vault.probe();
    if (status.state === 'available') return status.state;
    throw status.error;
  }),
];
clearInterval(ticker);
outcomes.push({ call: 'calls', returned: String(Date.now() - callsBegan) }, { call: 'eventLoop', returned: String(longestStallMs) });
process.stdout.write(`${JSON.stringify(outcomes)}\n`);
