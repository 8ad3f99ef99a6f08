// A stand-in bot for the Windows tests: says where it runs, with what, in Turkish, Arabic and emoji; with
// --heartbeat FILE it keeps writing the time there for --for MS, so a test can see it outlive its starter.
import { renameSync, writeFileSync } from 'node:fs';
import { clearInterval, setInterval } from 'node:timers';
const args = process.argv.slice(2);
const option = (name) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
console.log(
  JSON.stringify({
    cwd: process.cwd(),
    args: args.filter((_, i) => !['--heartbeat', '--for'].includes(args[i - 1]) && !args[i].startsWith('--')),
    env: { PYTHONUNBUFFERED: process.env.PYTHONUNBUFFERED ?? null, PYTHONIOENCODING: process.env.PYTHONIOENCODING ?? null },
    text: 'Şükrü Ğİı 👋 تم الإرسال',
  }),
);
const heartbeat = option('--heartbeat');
if (heartbeat) {
  const until = Date.now() + Number(option('--for') ?? 3000);
  const beat = setInterval(() => {
    // Whole or not at all: the test reads it from outside at any moment.
    writeFileSync(`${heartbeat}.tmp`, String(Date.now()));
    renameSync(`${heartbeat}.tmp`, heartbeat);
    if (Date.now() > until) clearInterval(beat);
  }, 100);
}
