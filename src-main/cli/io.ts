// What a command may touch: its output streams, stdin, the environment and the working folder. Tests pass their own.
import type { Language } from '../../assets/locales';
import { languageFromEnvironment, translate } from '../core/i18n/translate';
import type { UserMessage } from '../core/errors';
import { redactSecrets } from '../core/redact';

export interface CliStream {
  write(text: string): unknown;
  isTTY?: boolean;
}

export interface CliIo {
  stdout: CliStream;
  stderr: CliStream;
  /**
   * Standard input as text, or null as soon as more than `maxBytes` came: the rest is never read (a token is a
   * few hundred bytes; a file or an endless pipe by mistake must not fill the memory).
   */
  readStdin(maxBytes: number): Promise<string | null>;
  env: NodeJS.ProcessEnv;
  cwd: string;
  /** The OS the command acts for, when not this one's (tests of Windows-only flags). */
  platform?: NodeJS.Platform;
}

export function processIo(): CliIo {
  return {
    stdout: process.stdout,
    stderr: process.stderr,
    readStdin: (maxBytes) => readCapped(process.stdin, maxBytes),
    env: process.env,
    cwd: process.cwd(),
  };
}

/** Reads `stream` to its end, or stops (and closes it) once it passed `maxBytes`: null then. */
export async function readCapped(stream: AsyncIterable<unknown>, maxBytes: number): Promise<string | null> {
  const chunks: Buffer[] = [];
  let size = 0;
  // Leaving the loop early closes the stream: whatever is still coming is never read.
  for await (const chunk of stream) {
    const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk));
    size += buffer.length;
    if (size > maxBytes) return null;
    chunks.push(buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/** The reader's language and a `say` that translates, for one command run. */
export interface CliText {
  language: Language;
  say(message: UserMessage): string;
  t(key: string, params?: Record<string, string | number>): string;
}

export function cliText(io: CliIo): CliText {
  const language = languageFromEnvironment(io.env);
  const say = (message: UserMessage) => translate(language, message);
  return { language, say, t: (key, params) => say(params ? { key, params } : { key }) };
}

/** Writes text, with every token-shaped string (and the secrets named) masked on the way out. */
export function writeText(stream: CliStream, text: string, secrets: readonly string[] = []): void {
  stream.write(redactSecrets(text, secrets));
}

export function writeLine(stream: CliStream, text: string, secrets: readonly string[] = []): void {
  writeText(stream, `${text}\n`, secrets);
}

/** ANSI colours, only for a terminal and never when NO_COLOR is set (https://no-color.org). */
export function paint(stream: CliStream, env: NodeJS.ProcessEnv) {
  const enabled = Boolean(stream.isTTY) && !env.NO_COLOR && env.TERM !== 'dumb';
  const wrap = (code: string) => (text: string) => (enabled ? `\u001b[${code}m${text}\u001b[0m` : text);
  return { green: wrap('32'), yellow: wrap('33'), red: wrap('31'), bold: wrap('1'), dim: wrap('2') };
}
