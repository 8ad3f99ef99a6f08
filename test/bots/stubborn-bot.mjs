#!/usr/bin/env node
// A bot that ignores SIGTERM (as some do, or a hung one would), so only the forced stop ends it.
//   node test/bots/stubborn-bot.mjs [--ready FILE]
// Once its SIGTERM handler is in place it prints "stubborn-bot: ready" and, with --ready, creates FILE:
// wait for either before stopping it, or the signal may arrive before the handler exists.
import { writeFileSync } from 'node:fs';
import { setInterval } from 'node:timers';

process.on('SIGTERM', () => console.log('stubborn-bot: got SIGTERM, ignoring it'));
setInterval(() => {}, 60_000);
console.log('stubborn-bot: ready');
const readyIndex = process.argv.indexOf('--ready');
if (readyIndex > 0 && process.argv[readyIndex + 1]) writeFileSync(process.argv[readyIndex + 1], String(process.pid));
