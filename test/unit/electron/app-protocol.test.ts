import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  APP_SCHEME_PRIVILEGES,
  createRendererRequestHandler,
  resolveRendererFile,
} from '../../../src-main/electron/security/app-protocol';
import { CONTENT_SECURITY_POLICY } from '../../../src-main/electron/security/content-security-policy';

let base: string;
let root: string;

beforeAll(async () => {
  base = await mkdtemp(join(tmpdir(), 'app-protocol-'));
  root = join(base, 'renderer');
  await mkdir(join(root, 'assets'), { recursive: true });
  await writeFile(join(root, 'index.html'), '<!doctype html><title>ok</title>');
  await writeFile(join(root, 'assets', 'index.js'), 'console.log(1)');
  await writeFile(join(base, 'secret.txt'), 'outside the renderer');
});
afterAll(() => rm(base, { recursive: true, force: true }));

describe('app:// path resolution', () => {
  it('maps our URLs to files inside the renderer folder', () => {
    expect(resolveRendererFile(root, 'app://doctor/')).toBe(join(root, 'index.html'));
    expect(resolveRendererFile(root, 'app://doctor/index.html')).toBe(join(root, 'index.html'));
    expect(resolveRendererFile(root, 'app://doctor/assets/index.js?v=1#x')).toBe(join(root, 'assets', 'index.js'));
  });

  it.each([
    ['dot segments', 'app://doctor/../secret.txt'],
    ['encoded dot segments', 'app://doctor/%2e%2e/secret.txt'],
    ['a doubled slash', 'app://doctor//etc/passwd/../../../../etc/passwd'],
  ])('keeps %s inside the renderer folder (URL parsing already removed them)', (_what, url) => {
    expect(resolveRendererFile(root, url)?.startsWith(join(root, '/'))).toBe(true);
  });

  it.each([
    ['encoded slashes', 'app://doctor/..%2f..%2fsecret.txt'],
    ['encoded slashes below a folder', 'app://doctor/assets/..%2f..%2fsecret.txt'],
    ['encoded backslashes', 'app://doctor/..%5c..%5csecret.txt'],
    ['a NUL byte', 'app://doctor/index.html%00.png'],
    ['broken escapes', 'app://doctor/%E0%A4%A'],
    ['another host', 'app://evil/index.html'],
    ['another scheme', 'file:///etc/passwd'],
  ])('refuses %s', (_what, url) => {
    expect(resolveRendererFile(root, url)).toBeNull();
  });
});

describe('the app:// request handler', () => {
  it('serves a file with its type, nosniff and the CSP header', async () => {
    const handle = createRendererRequestHandler(root);
    const response = await handle(new Request('app://doctor/index.html'));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await response.text()).toContain('<title>ok</title>');
    const script = await handle(new Request('app://doctor/assets/index.js'));
    expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
  });

  it('never serves a file outside the renderer folder', async () => {
    const handle = createRendererRequestHandler(root);
    for (const url of ['app://doctor/..%2fsecret.txt', 'app://doctor/%2e%2e%2fsecret.txt']) {
      const response = await handle(new Request(url));
      expect(response.status).toBe(403);
      expect(await response.text()).not.toContain('outside the renderer');
    }
  });

  it('answers 404 for a missing file or a folder, 405 for anything but GET/HEAD', async () => {
    const handle = createRendererRequestHandler(root);
    expect((await handle(new Request('app://doctor/missing.js'))).status).toBe(404);
    expect((await handle(new Request('app://doctor/assets'))).status).toBe(404);
    expect((await handle(new Request('app://doctor/index.html', { method: 'POST', body: 'x' }))).status).toBe(405);
  });
});

describe('the app:// scheme and its CSP', () => {
  it('is standard and secure but never bypasses CSP or opens CORS', () => {
    expect(APP_SCHEME_PRIVILEGES.scheme).toBe('app');
    expect(APP_SCHEME_PRIVILEGES.privileges).toMatchObject({ standard: true, secure: true });
    expect(APP_SCHEME_PRIVILEGES.privileges?.bypassCSP).not.toBe(true);
    expect(APP_SCHEME_PRIVILEGES.privileges?.corsEnabled).not.toBe(true);
  });

  it('allows only our own files: no inline or eval script, no remote host, no frames, no plugins', () => {
    const directives = new Map(
      CONTENT_SECURITY_POLICY.split(';').map((part) => {
        const [name = '', ...sources] = part.trim().split(/\s+/);
        return [name, sources] as const;
      }),
    );
    expect(directives.get('default-src')).toEqual(["'none'"]);
    expect(directives.get('script-src')).toEqual(["'self'"]);
    expect(directives.get('frame-ancestors')).toEqual(["'none'"]);
    expect(directives.get('base-uri')).toEqual(["'none'"]);
    expect(directives.get('form-action')).toEqual(["'none'"]);
    expect(directives.has('object-src')).toBe(false); // falls back to default-src 'none'
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-|https?:|\*|blob:/);
  });
});
