#!/usr/bin/env node
// `wa-token-doctor`: the same core as the app, as a command line (for servers, scripts and tests).
import { redactSecrets } from './core/redact';
import { cliText, processIo } from './cli/io';
import { runCli } from './cli/run';

const io = processIo();
runCli(process.argv.slice(2), io).then(
  (code) => {
    process.exitCode = code;
  },
  // runCli answers every failure itself; this is the last resort if even that went wrong.
  (error: unknown) => {
    const detail = error instanceof Error ? error.message : String(error);
    process.stderr.write(redactSecrets(`wa-token-doctor: ${cliText(io).t('cli:errors.unexpected', { detail })}\n`));
    process.exitCode = 4;
  },
);
