#!/usr/bin/env node
// A bot that starts a child, which starts a grandchild (a reloader and its worker, say), to test that a stop
// ends the whole tree. Each process appends "<role> <pid>" to the --pids FILE once it runs.
//   node test/bots/family-bot.mjs --pids FILE [--stubborn-grandchild]
//   --stubborn-grandchild: the grandchild ignores SIGTERM, so only the forced stop ends it.
// The children are started with their own stdio ignored, the way a daemonising worker would.
import { spawn } from 'node:child_process';
import { appendFileSync } from 'node:fs';
import { setInterval } from 'node:timers';
import { fileURLToPath } from 'node:url';

const args = process.argv.slice(2);
const pidsFile = args[args.indexOf('--pids') + 1];
const role = args.includes('--role') ? args[args.indexOf('--role') + 1] : 'parent';
const stubborn = args.includes('--stubborn-grandchild');

if (role === 'grandchild' && stubborn) process.on('SIGTERM', () => {});
const next = { parent: 'child', child: 'grandchild' }[role];
if (next) {
  const passOn = ['--pids', pidsFile, '--role', next, ...(stubborn ? ['--stubborn-grandchild'] : [])];
  spawn(process.execPath, [fileURLToPath(import.meta.url), ...passOn], { stdio: 'ignore' });
}
appendFileSync(pidsFile, `${role} ${process.pid}\n`);
setInterval(() => {}, 60_000);
