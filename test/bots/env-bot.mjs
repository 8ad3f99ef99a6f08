#!/usr/bin/env node
// A stand-in for a real WhatsApp Cloud API bot, for tests. Like a real one it reads `.env` from its working
// folder ONCE at start (the dotenv way: a variable already set in the environment wins), keeps the token in
// memory, and runs until it is stopped. It never prints the token itself, only a hash and a masked form.
//
//   node test/bots/env-bot.mjs [--token-var NAME] [--report FILE] [--port N] [--check-url URL]
//
//   --token-var NAME  (env BOT_TOKEN_VAR) the variable that holds the token. Default: the first one set of
//                     WHATSAPP_TOKEN, META_ACCESS_TOKEN, WHATSAPP_ACCESS_TOKEN, WHATSAPP_API_TOKEN, ACCESS_TOKEN.
//   --report FILE     (env BOT_REPORT_FILE) written once at start, atomically (temp file + rename), as JSON:
//                     { pid, cwd, tokenVar, tokenSha256, tokenMasked, tokenLength, port, startedAt }
//                     tokenSha256 is the hex SHA-256 of the token (null when no token was found).
//   --port N          (env BOT_PORT) serve GET /health on 127.0.0.1:N → 200 {"ok":true,"tokenSha256":…};
//                     0 picks a free port (see "port" in the report). Without it, no server.
//   --check-url URL   (env BOT_CHECK_URL) once at start, GET URL with "Authorization: Bearer <token>" and log
//                     "env-bot: check <status> <body>". Point it at the Graph simulator: an expired token then
//                     logs Meta's 190 error in the bot's output, exactly where a real bot would.
//
// stdout: "env-bot: loaded <VAR> sha256=<hash> (<masked>)" then "env-bot: ready". Exits 0 on SIGTERM/SIGINT.
import { createHash } from 'node:crypto';
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { clearInterval, setInterval } from 'node:timers';

const DEFAULT_VARS = ['WHATSAPP_TOKEN', 'META_ACCESS_TOKEN', 'WHATSAPP_ACCESS_TOKEN', 'WHATSAPP_API_TOKEN', 'ACCESS_TOKEN'];

function option(flag, envName) {
  const index = process.argv.indexOf(flag);
  if (index >= 0 && index + 1 < process.argv.length) return process.argv[index + 1];
  return process.env[envName] || undefined;
}

/** Minimal dotenv: KEY=value, optional `export `, quotes, comments; the last duplicate wins; set vars are kept. */
function loadDotenv(path) {
  let text;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    return;
  }
  const values = {};
  for (const line of text.replace(/^\uFEFF/, '').split(/\r?\n/)) {
    const match = /^\s*(?:export\s+)?([A-Za-z_][A-Za-z0-9_.]*)\s*=\s*(.*)$/.exec(line);
    if (!match) continue;
    let value = match[2].trim();
    const quote = value[0];
    if ((quote === '"' || quote === "'" || quote === '`') && value.indexOf(quote, 1) > 0) {
      value = value.slice(1, value.indexOf(quote, 1));
    } else {
      value = value.replace(/\s+#.*$/, '');
    }
    values[match[1]] = value;
  }
  for (const [key, value] of Object.entries(values)) if (process.env[key] === undefined) process.env[key] = value;
}

loadDotenv('.env');
const tokenVar = option('--token-var', 'BOT_TOKEN_VAR') ?? DEFAULT_VARS.find((name) => process.env[name]) ?? DEFAULT_VARS[0];
const token = process.env[tokenVar] || null;
const tokenSha256 = token ? createHash('sha256').update(token).digest('hex') : null;
const tokenMasked = token ? (token.length < 16 ? '…' : `${token.slice(0, 4)}…${token.slice(-5)}`) : null;
console.log(`env-bot: loaded ${tokenVar} sha256=${tokenSha256 ?? 'none'} (${tokenMasked ?? 'no token'})`);

const reportFile = option('--report', 'BOT_REPORT_FILE');
function writeReport(port) {
  if (!reportFile) return;
  const report = {
    pid: process.pid,
    cwd: process.cwd(),
    tokenVar,
    tokenSha256,
    tokenMasked,
    tokenLength: token ? token.length : 0,
    port,
    startedAt: new Date().toISOString(),
  };
  writeFileSync(`${reportFile}.tmp`, JSON.stringify(report));
  renameSync(`${reportFile}.tmp`, reportFile);
}

const portOption = option('--port', 'BOT_PORT');
if (portOption !== undefined) {
  const server = createServer((request, response) => {
    const ok = request.url === '/health';
    response.writeHead(ok ? 200 : 404, { 'content-type': 'application/json' });
    response.end(JSON.stringify(ok ? { ok: true, tokenSha256 } : { ok: false }));
  });
  server.listen(Number(portOption), '127.0.0.1', () => writeReport(server.address().port));
} else {
  writeReport(null);
}

const checkUrl = option('--check-url', 'BOT_CHECK_URL');
if (checkUrl) {
  globalThis.fetch(checkUrl, { headers: token ? { authorization: `Bearer ${token}` } : {} })
    .then(async (response) => console.log(`env-bot: check ${response.status} ${(await response.text()).slice(0, 2000)}`))
    .catch((error) => console.log(`env-bot: check failed ${error.message}`));
}

console.log('env-bot: ready');
const keepAlive = setInterval(() => {}, 60_000);
for (const signal of ['SIGTERM', 'SIGINT']) {
  process.on(signal, () => {
    clearInterval(keepAlive);
    process.exit(0);
  });
}
