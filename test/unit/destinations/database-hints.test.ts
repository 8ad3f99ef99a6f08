// The comment heuristics on the real-world .env files: they fire on exactly the bots whose notes say the token
// lives in a database or an admin page (021, 023, 026, 027), and on nothing else.
import { describe, expect, it } from 'vitest';
import { databaseHintInEnv } from '../../../src-main/core/destinations/database-hints';
import { decodeEnvBytes, parseEnv } from '../../../src-main/core/envfile';
import { realWorldEnvFiles } from '../envfile/real-world-files';

describe('databaseHintInEnv', () => {
  it('on the real-world files', () => {
    const hints = Object.fromEntries(
      realWorldEnvFiles()
        .filter((file) => file.meta.token_var !== null)
        .map((file) => [file.name, databaseHintInEnv(parseEnv(decodeEnvBytes(file.bytes, file.path)), file.meta.token_var!)]),
    );
    const fired = Object.fromEntries(Object.entries(hints).filter(([, hint]) => hint !== null));
    expect(fired).toEqual({
      '021.env': { kind: 'tokens_in_database_comment', line: 28 }, // "Used to AES-encrypt WhatsApp Meta tokens in DB"
      '023.env': { kind: 'fallback_comment', line: 33 }, // "Set these per-business in the admin UI … only a global fallback"
      '026.env': { kind: 'seed_comment', line: 23 }, // "Initial long-lived access token (will be persisted to Mongo …)"
      '027.env': { kind: 'tokens_in_database_comment', line: 54 }, // "cifrare a riposo i token dei clienti su Firestore"
    });
  });

  it('reads an inline comment, and only the comments right above for "initial"', () => {
    expect(databaseHintInEnv(parseEnv('TOKEN=EAAx # bootstrap value, stored in the database\n'), 'TOKEN')).toEqual({ kind: 'seed_comment', line: 1 });
    expect(databaseHintInEnv(parseEnv('# Initial setup\nA=1\nTOKEN=EAAx\n'), 'TOKEN')).toBeNull();
    expect(databaseHintInEnv(parseEnv('# Initial setup\n\nTOKEN=EAAx\n'), 'TOKEN')).toBeNull();
  });

  it('reads a group heading for "fallback", but not across a blank line', () => {
    expect(databaseHintInEnv(parseEnv('# Used only as a fallback\nPHONE=1\nTOKEN=EAAx\n'), 'TOKEN')).toEqual({ kind: 'fallback_comment', line: 3 });
    expect(databaseHintInEnv(parseEnv('# Used only as a fallback\nPHONE=1\n\nTOKEN=EAAx\n'), 'TOKEN')).toBeNull();
  });
});
