// Looks at the Secret Service directly over D-Bus (gdbus), to check what the vault really stored and to put
// the keyring in states (locked) that the vault itself cannot.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

const run = promisify(execFile);

async function callService(method: string, ...args: string[]): Promise<string> {
  const { stdout } = await run('gdbus', [
    'call', '--session', '--dest', 'org.freedesktop.secrets', '--object-path', '/org/freedesktop/secrets',
    '--method', `org.freedesktop.Secret.Service.${method}`, ...args,
  ]);
  return stdout;
}

function objectPaths(text: string): string[] {
  return [...text.matchAll(/'(\/org\/freedesktop\/secrets\/[^']*)'/g)].map((match) => match[1] ?? '');
}

/** Items whose attributes include all of `attributes`, split as the Secret Service reports them. */
export async function searchItems(attributes: Record<string, string>): Promise<{ unlocked: string[]; locked: string[] }> {
  const entries = Object.entries(attributes);
  if (entries.some(([key, value]) => /['\\]/.test(key + value))) throw new Error('Quotes would break the gdbus dictionary.');
  const dictionary = entries.map(([key, value]) => `'${key}': '${value}'`).join(', ');
  // gdbus prints `([unlocked paths], [locked paths])`; either list may be the empty `@ao []`.
  const [unlockedText = '', lockedText = ''] = (await callService('SearchItems', `{${dictionary}}`)).split('],');
  return { unlocked: objectPaths(unlockedText), locked: objectPaths(lockedText) };
}

/** The collection new items go to (gnome-keyring's `login` in the test session). */
export async function defaultCollection(): Promise<string> {
  const [path] = objectPaths(await callService('ReadAlias', 'default'));
  if (!path || path === '/') throw new Error('The Secret Service has no default collection.');
  return path;
}

/** Locks a collection; unlocking again needs a password prompt, so do this only in a throwaway session. */
export async function lockCollection(path: string): Promise<void> {
  await callService('Lock', `['${path}']`);
}
