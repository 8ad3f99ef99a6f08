// A managed bot's log in the app's data folder: opened for appending at each start, rotated when it grows
// too big, and read back (always redacted) for the health check and the UI's "Logs" button.
import { mkdir, open, rename, stat, type FileHandle } from 'node:fs/promises';
import { dirname } from 'node:path';
import { dataHome } from '../paths';
import { redactSecrets } from '../redact';
import { botLogFile } from './bot-files';

export const DEFAULT_LOG_CAP_BYTES = 5 * 1024 * 1024;
const TAIL_WINDOW_BYTES = 256 * 1024;

export interface OpenedLog {
  /** For the bot's stdout and stderr; the caller closes it once the bot has its own copy. */
  handle: FileHandle;
  /** Where this run's lines begin. */
  offset: number;
}

/**
 * Opens `logFile` for a new run: rotates it to `<file>.1` when it passed `capBytes` (a running bot cannot
 * be cut off mid-write, so the cap is applied at each start), then appends a line saying what started.
 */
export async function openLogForRun(logFile: string, header: string, capBytes = DEFAULT_LOG_CAP_BYTES): Promise<OpenedLog> {
  await mkdir(dirname(logFile), { recursive: true, mode: 0o700 });
  if ((await fileSize(logFile)) > capBytes) await rename(logFile, `${logFile}.1`);
  // The bot's output may contain its token in clear, so the log is readable by the owner only.
  const handle = await open(logFile, 'a', 0o600);
  await handle.write(`${header}\n`);
  const offset = (await handle.stat()).size;
  return { handle, offset };
}

/** Bytes in `file`, 0 when it does not exist. */
export async function fileSize(file: string): Promise<number> {
  return stat(file).then((info) => info.size, () => 0);
}

/**
 * The text written to `file` since `offset` (at most the last `maxBytes` of it), NOT redacted: callers scan
 * it, then redact. A file that was rotated or truncated since is read from its start.
 */
export async function readLogSince(file: string, offset: number, maxBytes = TAIL_WINDOW_BYTES): Promise<string> {
  const size = await fileSize(file);
  const from = offset > size ? 0 : offset;
  return readRange(file, Math.max(from, size - maxBytes), size, from);
}

/** The last `lines` lines of `file`, redacted; empty when there is no log yet. */
export async function readLogTail(file: string, lines: number, knownSecrets: readonly string[] = []): Promise<string> {
  const size = await fileSize(file);
  const text = await readRange(file, Math.max(0, size - TAIL_WINDOW_BYTES), size, 0);
  return redactSecrets(lastLines(text, lines), knownSecrets);
}

/** The UI's "Logs" button: the last `lines` lines of a managed bot's log, with secrets redacted. */
export function readBotLog(
  botId: string,
  lines = 200,
  options: { dataHome?: string; knownSecrets?: readonly string[] } = {},
): Promise<string> {
  return readLogTail(botLogFile(botId, options.dataHome ?? dataHome()), lines, options.knownSecrets);
}

/**
 * The end of `text`, at most `maxChars`, cut at a line start: a cut through the middle of a token would leave
 * a piece that no longer looks like a token and so would escape redaction.
 */
export function keepTail(text: string, maxChars: number): string {
  if (text.length <= maxChars) return text;
  return dropPartialFirstLine(text.slice(-maxChars));
}

export function lastLines(text: string, count: number): string {
  const all = text.replace(/\r\n/g, '\n').replace(/\n+$/, '').split('\n');
  return all.slice(Math.max(0, all.length - count)).join('\n');
}

/** Reads bytes `start`..`end`; when `start` is past `lineStart` (a cut in the middle), the partial first line goes. */
async function readRange(file: string, start: number, end: number, lineStart: number): Promise<string> {
  if (end <= start) return '';
  const handle = await open(file, 'r').catch(() => null);
  if (!handle) return '';
  try {
    const buffer = Buffer.alloc(end - start);
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, start);
    const text = buffer.subarray(0, bytesRead).toString('utf8');
    return start > lineStart ? dropPartialFirstLine(text) : text;
  } finally {
    await handle.close();
  }
}

function dropPartialFirstLine(text: string): string {
  const newline = text.indexOf('\n');
  return newline < 0 ? '' : text.slice(newline + 1);
}
