// Run by restart-lock.test.ts as a separate process: takes the bot's restart lock, appends "enter <pid> <ms>"
// and "leave <pid> <ms>" to a journal around a pause, and exits. Overlapping lines in the journal would mean two
// processes held the lock at once.
// Usage: node --import tsx lock-child.ts <dataHome> <botId> <journal> <holdMs>
import { appendFile } from 'node:fs/promises';
import { withRestartLock } from '../../../src-main/core/bot/restart-lock';

const [home, botId, journal, holdMs] = process.argv.slice(2) as [string, string, string, string];
await withRestartLock(botId, { dataHome: home, waitMs: 30_000, pollMs: 10 }, async () => {
  await appendFile(journal, `enter ${process.pid} ${Date.now()}\n`);
  await new Promise((resolve) => setTimeout(resolve, Number(holdMs)));
  await appendFile(journal, `leave ${process.pid} ${Date.now()}\n`);
});
