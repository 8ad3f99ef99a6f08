// The dry form of a destination's write, on real files: what would change (masked), whether it would be written in
// place, and why the real write would fail — and the file is never touched.
import { chmodSync, linkSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { previewDestination } from '../../../src-main/core/destinations/preview-destination';
import type { Destination } from '../../../src-main/core/destinations/types';
import { maskToken } from '../../../src-main/core/token/mask';

const folder = mkdtempSync(join(tmpdir(), 'dest-preview-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

const TOKEN = `EAAG${'Pr3v1ew'.repeat(20)}`;
const OLD = `EAAG${'0ldT0ken'.repeat(20)}`;

function file(name: string, content: string): string {
  const path = join(folder, name);
  writeFileSync(path, content);
  return path;
}

describe('previewDestination', () => {
  it.each<[string, () => Destination, object]>([
    ['a .env value to replace', () => ({ kind: 'env', file: file('a.env', `X=1\nWHATSAPP_TOKEN=${OLD}\n`), variable: 'WHATSAPP_TOKEN' }), { change: 'replace', line: 2, before: maskToken(OLD) }],
    ['a .env variable to add', () => ({ kind: 'env', file: file('b.env', 'X=1\n'), variable: 'WHATSAPP_TOKEN' }), { change: 'append', line: 2, before: null }],
    ['a .env that already holds the token', () => ({ kind: 'env', file: file('c.env', `WHATSAPP_TOKEN="${TOKEN}"\n`), variable: 'WHATSAPP_TOKEN' }), { change: 'unchanged', before: maskToken(TOKEN) }],
    ['a YAML key to add', () => ({ kind: 'yaml', file: file('d.yml', 'whatsapp:\n  phone: "90555"\n'), keyPath: 'whatsapp.token' }), { change: 'append', line: null, before: null }],
    ['a JSON key to replace', () => ({ kind: 'json', file: file('e.json', `{"token": "${OLD}"}\n`), keyPath: 'token' }), { change: 'replace', before: maskToken(OLD) }],
    ['a command', () => ({ kind: 'command', command: 'cat > stored.txt', cwd: folder }), { change: 'command', before: null }],
  ])('%s', async (_what, make, expected) => {
    const destination = make();
    const before = destination.kind === 'command' ? null : readFileSync(destination.file, 'utf8');
    const preview = await previewDestination(destination, TOKEN, folder);
    expect(preview).toMatchObject({ ...expected, inPlace: null, problem: null });
    if (destination.kind !== 'command') expect(readFileSync(destination.file, 'utf8')).toBe(before);
    expect(JSON.stringify(preview)).not.toContain(OLD);
  });

  it('says a hard-linked file would be written in place, and leaves it alone', async () => {
    const path = file('linked.env', `WHATSAPP_TOKEN=${OLD}\n`);
    linkSync(path, join(folder, 'other-name.env'));
    const inode = statSync(path).ino;
    expect(await previewDestination({ kind: 'env', file: path, variable: 'WHATSAPP_TOKEN' }, TOKEN)).toMatchObject({ change: 'replace', inPlace: 'hard_links' });
    expect(statSync(path).ino).toBe(inode);
    expect(readFileSync(path, 'utf8')).toBe(`WHATSAPP_TOKEN=${OLD}\n`);
  });

  it('gives the reason the real write would fail: a read-only file, a missing file, a file that is not JSON', async () => {
    const readOnly = file('ro.env', 'WHATSAPP_TOKEN=old\n');
    chmodSync(readOnly, 0o444);
    expect((await previewDestination({ kind: 'env', file: readOnly, variable: 'WHATSAPP_TOKEN' }, TOKEN)).problem).toMatchObject({ key: 'envfile:errors.read_only' });
    expect((await previewDestination({ kind: 'env', file: join(folder, 'none.env'), variable: 'WHATSAPP_TOKEN' }, TOKEN)).problem).toMatchObject({
      key: 'envfile:errors.not_found',
    });
    const broken = file('broken.json', '{ "token": ');
    expect((await previewDestination({ kind: 'json', file: broken, keyPath: 'token' }, TOKEN)).problem).not.toBeNull();
  });
});
