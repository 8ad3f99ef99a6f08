// Lint encodes the architecture: core never sees Electron, the renderer never sees Node or main's code
// (only the contract's types), and raw IPC lives in exactly one wrapper per side.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import { builtinModules } from 'node:module';

const nodeBuiltins = [...builtinModules, ...builtinModules.map((name) => `node:${name}`)];

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'coverage/**', 'test/e2e/screenshots/**', 'reports/**', '.stryker-tmp/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-console': 'off',
    },
  },
  {
    files: ['src-main/core/**/*.ts', 'src-main/cli.ts', 'src-main/cli/**/*.ts', 'src-main/contract.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { paths: [{ name: 'electron', message: 'core/ is plain Node: it must run in the CLI and in tests.' }] },
      ],
    },
  },
  {
    // The metrics are a pure function of the bots' last verdicts; the CLI does the reading and the writing.
    files: ['src-main/core/metrics/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'electron', message: 'core/ is plain Node: it must run in the CLI and in tests.' },
            ...nodeBuiltins.map((name) => ({ name, message: 'core/metrics is pure, no I/O: the CLI reads and writes.' })),
          ],
        },
      ],
    },
  },
  {
    files: ['src-renderer/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: [
            ...nodeBuiltins.map((name) => ({ name, message: 'The renderer is a sandboxed web page: no Node.' })),
            { name: 'electron', message: 'The renderer talks to main only through window.doctor.' },
          ],
          patterns: [
            {
              group: ['**/src-main/**', '!**/src-main/contract'],
              message: 'The renderer may only import the contract from src-main.',
            },
            {
              group: ['**/src-main/contract'],
              allowTypeImports: true,
              message: 'Import only types from the contract (import type).',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src-main/electron/**/*.ts'],
    ignores: ['src-main/electron/ipc/**', 'src-main/electron/preload.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        { selector: "MemberExpression[object.name='ipcMain']", message: 'Register IPC handlers through the ipc wrapper only.' },
      ],
    },
  },
  {
    files: ['test/**/*.{ts,tsx,mjs}', '*.config.ts', 'eslint.config.js'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly' } },
  },
);
