#!/usr/bin/env node
// `wa-token-doctor`: the same core as the app, as a command line (for servers, scripts and tests).
import { redactSecrets } from './core/redact';
import { processIo } from './cli/io';
import { runCli } from './cli/run';

runCli(process.argv.slice(2), processIo()).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(redactSecrets(`wa-token-doctor: ${error instanceof Error ? error.message : String(error)}\n`));
    process.exitCode = 4;
  },
);
