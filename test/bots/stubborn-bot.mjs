#!/usr/bin/env node
// A bot that ignores SIGTERM (as some do, or a hung one would), so only the forced stop ends it.
//   node test/bots/stubborn-bot.mjs        prints "stubborn-bot: ready" once its handler is in place.
import { setInterval } from 'node:timers';

process.on('SIGTERM', () => console.log('stubborn-bot: got SIGTERM, ignoring it'));
setInterval(() => {}, 60_000);
console.log('stubborn-bot: ready');
