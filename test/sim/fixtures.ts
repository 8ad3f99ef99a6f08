// Reads Meta's response fixtures (test/fixtures/graph-api, copied into the repository) at run time, so the simulator answers
// with exactly the shapes the project's facts describe. Each read returns a fresh copy the caller may change.
import { readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = fileURLToPath(new URL('../..', import.meta.url));

/** The fixtures folder inside the repository (see test/fixtures/README.md for where they come from). */
export const DEFAULT_FIXTURES_DIR = resolve(repoRoot, 'test/fixtures/graph-api');

export type FixtureName =
  | 'batch_mixed_response'
  | 'debug_token_business_token_embedded_signup'
  | 'debug_token_expired'
  | 'debug_token_invalid_cannot_parse'
  | 'debug_token_missing_access_token_error'
  | 'debug_token_system_user_never_expires'
  | 'debug_token_valid_60_day'
  | 'error_100_unknown_phone_number_id'
  | 'error_131030_recipient_not_allowed'
  | 'error_131047_reengagement'
  | 'error_132001_template_missing'
  | 'error_190_460_password_changed'
  | 'error_190_463_expired'
  | 'error_190_467_invalid'
  | 'error_190_467_logged_out'
  | 'error_200_permission_missing'
  | 'error_4_app_rate_limit'
  | 'error_80007_waba_rate_limit'
  | 'message_send_success'
  | 'message_send_template_success'
  | 'message_templates_hello_world'
  | 'oauth_exchange_success'
  | 'phone_number_info_success'
  | 'rate_limit_headers_example'
  | 'waba_info'
  | 'waba_phone_numbers';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- fixtures are free-form JSON, shaped by Meta
export type Json = any;

export interface Fixtures {
  dir: string;
  /** A deep copy of one fixture file. */
  get(name: FixtureName): Json;
  names(): string[];
}

export function loadFixtures(dir: string = DEFAULT_FIXTURES_DIR): Fixtures {
  const cache = new Map<string, string>();
  for (const file of readdirSync(dir)) {
    if (file.endsWith('.json')) cache.set(file.slice(0, -'.json'.length), readFileSync(join(dir, file), 'utf8'));
  }
  return {
    dir,
    get(name) {
      const text = cache.get(name);
      if (text === undefined) throw new Error(`Fixture ${name}.json is missing from ${dir}`);
      return JSON.parse(text);
    },
    names: () => [...cache.keys()],
  };
}
