#!/usr/bin/env node
// A bot that dies at start, the way a bot with a missing dependency does: it prints Node's own error and exits 1.
//   node test/bots/crash-bot.mjs
console.error("Error: Cannot find module 'whatsapp-cloud-sdk'");
console.error('    at Module._resolveFilename (node:internal/modules/cjs/loader:1145:15)');
process.exit(1);
