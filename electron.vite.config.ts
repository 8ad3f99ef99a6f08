// Builds the three Electron bundles (main + CLI, preload, renderer) from the folders DESIGN.md names.
import { chmod } from 'node:fs/promises';
import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import type { Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { localeMessagesOnly } from './src-renderer/build/locale-messages-only';

const root = import.meta.dirname;

/**
 * `npm run dev` only: the dev server injects an inline script (React Refresh) that the page's strict CSP refuses.
 * Built and packaged pages keep the meta tag, and main sends the same policy as a header.
 */
const devServerWithoutCsp: Plugin = {
  name: 'wa-token-doctor:dev-server-without-csp',
  apply: 'serve',
  transformIndexHtml: (html) => html.replace(/<meta\s+http-equiv="Content-Security-Policy"[\s\S]*?\/>/, ''),
};

/** The built CLI is `package.json`'s `bin`: `npx wa-token-doctor` right after a build needs it executable. */
const executableCli: Plugin = {
  name: 'wa-token-doctor:executable-cli',
  apply: 'build',
  writeBundle: async (options) => {
    if (options.dir) await chmod(resolve(options.dir, 'cli.js'), 0o755);
  },
};

export default defineConfig({
  main: {
    plugins: [executableCli],
    build: {
      outDir: resolve(root, 'out/main'),
      rolldownOptions: {
        input: {
          index: resolve(root, 'src-main/electron/main.ts'),
          cli: resolve(root, 'src-main/cli.ts'),
        },
      },
    },
  },
  preload: {
    build: {
      outDir: resolve(root, 'out/preload'),
      // A sandboxed preload can require only 'electron': the contract's valibot must be bundled in, not required.
      externalizeDeps: false,
      rolldownOptions: {
        input: { index: resolve(root, 'src-main/electron/preload.ts') },
        // A sandboxed preload cannot be an ES module.
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: resolve(root, 'src-renderer'),
    plugins: [react(), localeMessagesOnly(), devServerWithoutCsp],
    build: {
      outDir: resolve(root, 'out/renderer'),
      // electron-vite leaves the renderer unminified by default; the renderer's JS budget is 180 KB gzipped.
      minify: true,
      // Source maps stay out of the shipped app; nothing in the renderer bundle is secret, but nothing needs them either.
      sourcemap: false,
      rolldownOptions: {
        input: { index: resolve(root, 'src-renderer/index.html') },
      },
    },
  },
});
