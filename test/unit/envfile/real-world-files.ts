// The real-world .env files of test/fixtures/real-world/env, with what is known about each.
import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const REAL_WORLD_ENV_FOLDER = fileURLToPath(new URL('../../fixtures/real-world/env/', import.meta.url));

export interface RealWorldMeta {
  /** The public repository the file comes from, and where in it the file lives. */
  repo: string;
  path: string;
  token_var: string | null;
  phone_id_var: string | null;
  waba_var: string | null;
  app_id_var: string | null;
  app_secret_var: string | null;
  api_version_var: string | null;
  base_url_var: string | null;
  features: string[];
}

export interface RealWorldEnvFile {
  name: string;
  path: string;
  bytes: Buffer;
  meta: RealWorldMeta;
}

export function realWorldEnvFiles(): RealWorldEnvFile[] {
  return readdirSync(REAL_WORLD_ENV_FOLDER)
    .filter((name) => name.endsWith('.env'))
    .sort()
    .map((name) => {
      const path = `${REAL_WORLD_ENV_FOLDER}${name}`;
      const meta = JSON.parse(readFileSync(path.replace(/\.env$/, '.meta.json'), 'utf8')) as RealWorldMeta;
      return { name, path, bytes: readFileSync(path), meta };
    });
}

/** A fake access token of a real one's shape: `EAA` and 217 more letters and digits (220 in all). */
export function fakeAccessToken(seed = 1): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
  let state = seed;
  let token = 'EAA';
  while (token.length < 220) {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    token += alphabet[state % alphabet.length];
  }
  return token;
}

/**
 * The expected file, worked out with plain regexes rather than the parser: the last uncommented line assigning
 * `key` keeps everything but its value (quotes kept); the token has no character that needs quoting.
 */
export function expectedAfterReplacing(text: string, key: string, value: string): string {
  const line = new RegExp(`^([ \\t]*(?:export[ \\t]+)?${key}[ \\t]*=[ \\t]*)(["'\`]?)(.*)$`, 'gm');
  const last = [...text.matchAll(line)].at(-1);
  if (!last || last.index === undefined) throw new Error(`no ${key} line`);
  const [whole, before = '', quote = '', rest = ''] = last;
  const afterValue = quote ? rest.slice(rest.indexOf(quote) + 1) : rest.slice(/^(.*?)(?=\s+#|\s*$)/.exec(rest)![1]!.length);
  const newLine = `${before}${quote}${value}${quote}${afterValue}`;
  return text.slice(0, last.index) + newLine + text.slice(last.index + whole.length);
}
