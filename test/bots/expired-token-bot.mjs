#!/usr/bin/env node
// A bot whose token Meta refuses: shortly after start it logs Meta's real answer for an expired token
// (code 190, subcode 463, as requests/axios print it) and keeps running, as real bots do.
//   node test/bots/expired-token-bot.mjs [--token TOKEN]   TOKEN (e.g. a fake EAA… one) is echoed in the
//   failing request line, to check that log excerpts are redacted.
import { setInterval, setTimeout } from 'node:timers';

const args = process.argv.slice(2);
const token = args.includes('--token') ? args[args.indexOf('--token') + 1] : null;
console.log('expired-token-bot: ready');
setTimeout(() => {
  if (token) console.log(`POST https://graph.facebook.com/v21.0/123/messages?access_token=${token}`);
  console.log(
    'Error sending message: {"error":{"message":"Error validating access token: Session has expired on Tuesday, ' +
      '01-Jul-25 10:00:00 PDT. The current time is Wednesday, 02-Jul-25 09:12:44 PDT.","type":"OAuthException",' +
      '"code":190,"error_subcode":463,"fbtrace_id":"AbCdEfGhIjK"}}',
  );
}, 100);
setInterval(() => {}, 60_000);
