// The architecture's boundaries are lint rules; these prove the rules bite (a rule that never fires enforces nothing).
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint();

async function ruleIds(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).map((message) => message.ruleId ?? 'parse-error');
}

// ESLint's first lint loads the whole TypeScript toolchain: seconds on a busy machine, not a test's default 5.
describe('import boundaries', { timeout: 60_000 }, () => {
  it('core may not import electron', async () => {
    expect(await ruleIds('src-main/core/example.ts', "import { app } from 'electron';\nexport const name = app.name;\n")).toContain('no-restricted-imports');
  });

  it('the metrics are pure: no Node built-ins (no files, no network), no electron', async () => {
    expect(await ruleIds('src-main/core/metrics/example.ts', "import { writeFile } from 'node:fs/promises';\nexport { writeFile };\n")).toContain('no-restricted-imports');
    expect(await ruleIds('src-main/core/metrics/example.ts', "import { app } from 'electron';\nexport const name = app.name;\n")).toContain('no-restricted-imports');
    expect(await ruleIds('src-main/core/metrics/example.ts', "import { TOKEN_STATUSES } from '../graph/types';\nexport { TOKEN_STATUSES };\n")).toEqual([]);
  });

  it('the renderer may not import Node built-ins, electron, or main code', async () => {
    expect(await ruleIds('src-renderer/example.ts', "import { readFile } from 'node:fs';\nexport { readFile };\n")).toContain('@typescript-eslint/no-restricted-imports');
    expect(await ruleIds('src-renderer/example.ts', "import { shell } from 'electron';\nexport { shell };\n")).toContain('@typescript-eslint/no-restricted-imports');
    expect(await ruleIds('src-renderer/example.ts', "import { dataHome } from '../src-main/core/paths';\nexport { dataHome };\n")).toContain('@typescript-eslint/no-restricted-imports');
  });

  it('the renderer may import the contract, but only its types', async () => {
    expect(await ruleIds('src-renderer/example.ts', "import type { BotView } from '../src-main/contract';\nexport type View = BotView;\n")).toEqual([]);
    expect(await ruleIds('src-renderer/example.ts', "import { calls } from '../src-main/contract';\nexport { calls };\n")).toContain('@typescript-eslint/no-restricted-imports');
  });

  it('only the IPC wrapper touches ipcMain', async () => {
    const code = "import { ipcMain } from 'electron';\nipcMain.handle('x', () => 1);\n";
    expect(await ruleIds('src-main/electron/tray.ts', code)).toContain('no-restricted-syntax');
    expect(await ruleIds('src-main/electron/ipc/register.ts', code)).not.toContain('no-restricted-syntax');
  });
});
