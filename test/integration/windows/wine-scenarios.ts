// Runs INSIDE Windows (node.exe under Wine), bundled with the core it imports: each scenario drives the real
// Windows code path and reports what happened as JSON; under-wine.test.ts asserts on the report.
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { open } from 'node:fs/promises';
import { startManagedBot } from '../../../src-main/core/bot/managed';
import { readManagedState } from '../../../src-main/core/bot/bot-files';
import { runShellCommand } from '../../../src-main/core/bot/shell-command';
import { crashHint } from '../../../src-main/core/bot/log-scan';
import { writeFileAtomic } from '../../../src-main/core/envfile/atomic-write';

export interface ScenarioInput {
  /** Where the report goes. */
  report: string;
  node: string;
  probe: string;
  /** C:\Users\Şükrü\Desktop\tevkil projesi, as on the owner's PC. */
  turkishFolder: string;
  /** The same kind of folder on a mapped drive (Y:). */
  mappedFolder: string;
  /** And through a UNC path. */
  uncFolder: string;
  /** A folder whose name the console code page (437 under Wine) can write: `Ürün Botu`. */
  codePageFolder: string;
  dataHome: string;
  heartbeat: string;
  envFile: string;
}

type Outcome = { ok: true; value: unknown } | { ok: false; error: string; code?: string };

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const quoted = (path: string) => `"${path}"`;

/** The bot is unref'd (the app does not wait for it), so its log is watched instead of its exit. */
async function logOnceWritten(file: string, offset: number): Promise<string> {
  for (let waited = 0; waited < 10_000; waited += 100) {
    const text = await readFile(file, 'utf8');
    if (Buffer.byteLength(text) > offset) return text;
    await sleep(100);
  }
  return readFile(file, 'utf8');
}

async function scenarios(input: ScenarioInput): Promise<Record<string, () => Promise<unknown>>> {
  const probe = `${quoted(input.node)} ${quoted(input.probe)}`;
  const shell = (command: string, folder: string) => runShellCommand(command, folder, { timeoutMs: 30_000, env: process.env });
  return {
    quoting: () => shell(`${probe} "two words" Şükrü "emoji 👋"`, input.turkishFolder),
    chain: () => shell(`echo first& ${probe} second`, input.turkishFolder),
    uncFolder: () => shell(probe, input.uncFolder),
    // cmd.exe's own output is in the console code page, not UTF-8.
    consoleCodePage: () => shell('cd', input.codePageFolder),
    commandNotFound: async () => {
      const end = await shell('wtd_no_such_program', input.turkishFolder);
      return { exitCode: end.exitCode, hint: crashHint(end.output, { code: end.exitCode, signal: null }) };
    },
    managed: async () => {
      const start = await startManagedBot({
        botId: 'wine-bot',
        command: `${probe} --heartbeat ${quoted(input.heartbeat)} --for 60000`,
        cwd: input.mappedFolder,
        dataHome: input.dataHome,
      });
      return {
        state: start.state,
        recorded: await readManagedState('wine-bot', input.dataHome),
        log: await logOnceWritten(start.state.logFile, start.state.logOffset),
      };
    },
    managedOnShare: async () => {
      const start = await startManagedBot({ botId: 'wine-unc', command: probe, cwd: input.uncFolder, dataHome: input.dataHome });
      return { log: await logOnceWritten(start.state.logFile, start.state.logOffset) };
    },
    // Wine's powershell.exe is a stub that runs nothing; told to (WINEDEBUG), it prints the arguments it was given.
    // (restartBot itself cannot run here: its lock reads the process table through PowerShell.)
    powershellStart: async () => {
      const start = await startManagedBot({
        botId: 'wine-powershell',
        command: 'Get-Process python | Stop-Process -Force; python run_flask.py',
        shell: 'powershell',
        cwd: input.turkishFolder,
        dataHome: input.dataHome,
        env: { ...process.env, WINEDEBUG: 'fixme+powershell' },
      });
      // The start is unref'd (the app never waits for its bot): the time limit keeps this process alive meanwhile.
      let timer: NodeJS.Timeout | undefined;
      const limit = new Promise<null>((resolve) => (timer = setTimeout(() => resolve(null), 30_000)));
      const exit = await Promise.race([start.exited, limit]);
      clearTimeout(timer);
      return { exitCode: exit ? exit.code : 'still running', recorded: await readManagedState('wine-powershell', input.dataHome), log: await readFile(start.state.logFile, 'utf8') };
    },
    renameWaitsForAHolder: async () => {
      const holder = await open(input.envFile, 'r');
      const released = sleep(1_200).then(() => holder.close());
      const began = Date.now();
      await writeFileAtomic(input.envFile, 'WHATSAPP_TOKEN=new\n');
      const tookMs = Date.now() - began;
      await released;
      return { tookMs, content: await readFile(input.envFile, 'utf8') };
    },
    renameGivesUpInTheEnd: async () => {
      await writeFile(input.envFile, 'WHATSAPP_TOKEN=old\n');
      const holder = await open(input.envFile, 'r');
      try {
        await writeFileAtomic(input.envFile, 'WHATSAPP_TOKEN=new\n', { renameDeadlineMs: 400 });
        return { error: null };
      } catch (error) {
        const folder = input.envFile.slice(0, input.envFile.lastIndexOf('\\'));
        return {
          error: (error as { code?: string }).code ?? String(error),
          content: await readFile(input.envFile, 'utf8'),
          leftovers: (await readdir(folder)).filter((name) => name.endsWith('.tmp')),
        };
      } finally {
        await holder.close();
      }
    },
  };
}

async function main(): Promise<void> {
  const input = JSON.parse(await readFile(process.argv[2]!, 'utf8')) as ScenarioInput;
  const report: Record<string, Outcome> = {};
  for (const [name, run] of Object.entries(await scenarios(input))) {
    try {
      report[name] = { ok: true, value: await run() };
    } catch (error) {
      report[name] = { ok: false, error: String((error as Error).stack ?? error), code: (error as { code?: string }).code };
    }
    // Written after each scenario, so a scenario that hangs is named by the report it leaves.
    await writeFile(input.report, JSON.stringify(report, null, 2));
  }
}

await main();
