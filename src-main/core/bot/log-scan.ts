// Reads a bot's fresh log lines the way a support engineer would: is Meta refusing the token, and if the bot
// died, is there an obvious reason (port taken, a package missing, a command that does not exist)?
import type { UserMessage } from '../errors';
import type { ExitInfo } from './types';

// Meta's texts for a dead token, as bots print them (JSON, Python dict repr, SDK exceptions).
const TOKEN_ERROR_MARKERS: readonly RegExp[] = [
  /["']code["']\s*:\s*190\b/,
  /\(#190\)/,
  /\bcode[\s=:]+190\b/i,
  /Session has expired/i,
  /Cannot parse access token/i,
  /Error validating access token/i,
  /Invalid OAuth access token/i,
  /access token could not be decrypted/i,
  /session has been invalidated/i,
];

/**
 * `OAuthException` is also the type of errors that have nothing to do with the token (131030 "recipient not
 * in allowed list", #10 permissions): alone on a line it counts only when no other error code is there.
 */
const OAUTH_EXCEPTION = /OAuthException/;
const OTHER_ERROR_CODE = /["']code["']\s*:\s*(\d+)|\(#(\d+)\)/g;

/** The first line of `text` that shows Meta refusing the token, or null. */
export function findTokenErrorLine(text: string): string | null {
  for (const line of text.split(/\r?\n/)) {
    if (TOKEN_ERROR_MARKERS.some((marker) => marker.test(line))) return line;
    if (OAUTH_EXCEPTION.test(line) && !hasNon190Code(line)) return line;
  }
  return null;
}

function hasNon190Code(line: string): boolean {
  for (const match of line.matchAll(OTHER_ERROR_CODE)) {
    if ((match[1] ?? match[2]) !== '190') return true;
  }
  return false;
}

const CRASH_HINTS: ReadonlyArray<{ pattern: RegExp; message: (match: RegExpExecArray) => UserMessage }> = [
  {
    // Windows says it in the PC's language; its error number is the same everywhere.
    pattern: /EADDRINUSE|address already in use|Only one usage of each socket address|WinError 10048|\berror 10048\b/i,
    message: () => ({ key: 'bot:health.hint.portInUse' }),
  },
  {
    pattern: /No module named ['"]?([\w.]+)|Cannot find module ['"]([^'"]+)['"]/,
    message: (match) => ({ key: 'bot:health.hint.missingModule', params: { module: match[1] ?? match[2] ?? '' } }),
  },
  {
    pattern: new RegExp(
      [
        'command not found',
        ': not found$',
        'No such file or directory',
        'is not recognized as an internal or external command', // cmd.exe
        'iç veya dış komut', // cmd.exe, Turkish Windows
        'كأمر داخلي أو خارجي', // cmd.exe, Arabic Windows
        'is not recognized as the name of a cmdlet', // PowerShell
        'bir cmdlet, işlev, betik dosyası veya çalıştırılabilir program adı olarak tanınmıyor', // PowerShell, Turkish
        'Python was not found; run without arguments to install from the Microsoft Store', // the Store stub
      ].join('|'),
      'm',
    ),
    message: () => ({ key: 'bot:health.hint.commandNotFound' }),
  },
];

/** A likely reason for a crash at start, from the run's output and exit status; null when nothing is obvious. */
export function crashHint(output: string, exit: ExitInfo | null): UserMessage | null {
  for (const hint of CRASH_HINTS) {
    const match = hint.pattern.exec(output);
    if (match) return hint.message(match);
  }
  // 127 is the shells' own "command not found"; 9009 is cmd.exe's.
  if (exit?.code === 127 || exit?.code === 9009) return { key: 'bot:health.hint.commandNotFound' };
  return null;
}
