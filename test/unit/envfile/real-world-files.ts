// The real-world .env files of ../shared/real-world/env (beside the repository), with what is known about each.
import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const REAL_WORLD_ENV_FOLDER = fileURLToPath(new URL('../../../../shared/real-world/env/', import.meta.url));

export interface RealWorldMeta {
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
