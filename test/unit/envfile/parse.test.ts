// The lossless .env reader: exact round trips (real files and generated ones) and the values dotenv would load.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { envValues, findEntries, parseEnv, serializeEnv } from '../../../src-main/core/envfile/parse';
import { PROPERTY_TIMEOUT_MS, propertyRuns } from '../../support/property-runs';
import { envFileArbitrary } from './env-arbitraries';
import { realWorldEnvFiles } from './real-world-files';

const utf8 = (bytes: Uint8Array) => new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
const realWorld = realWorldEnvFiles();
const byName = (name: string) => parseEnv(utf8(realWorld.find((file) => file.name === name)!.bytes));

describe('parseEnv on the real-world files', () => {
  it('finds all 31 files', () => {
    expect(realWorld).toHaveLength(31);
  });

  it.each(realWorld.map((file) => [file.name, file] as const))('%s re-serialises to the identical bytes', (_name, file) => {
    const doc = parseEnv(utf8(file.bytes));
    expect(Buffer.from(serializeEnv(doc), 'utf8').equals(file.bytes)).toBe(true);
    const covered = doc.segments.map((segment) => doc.text.slice(segment.start, segment.end) + segment.lineBreak).join('');
    expect(covered).toBe(doc.text);
  });

  it('reads quoted empty values, an inline comment after quotes, and no final newline (002)', () => {
    const doc = byName('002.env');
    const waid = findEntries(doc, 'RECIPIENT_WAID')[0]!;
    expect(waid).toMatchObject({ value: '', quote: 'double' });
    expect(envValues(doc).get('VERSION')).toBe('v18.0');
    expect(doc.endsWithNewline).toBe(false);
    expect(doc.segments[0]?.kind).toBe('blank');
  });

  it('trims a trailing tab and reads `KEY = \'value\'` (015)', () => {
    const values = envValues(byName('015.env'));
    expect(values.get('PHONE_NUMBER_ID')).toBe('xxxxxxxx');
    expect(values.get('DIFY_URL')).toBe('https://api.dify.ai/v1/chat-messages');
  });

  it('reads `KEY =value`, `KEY = value` with spaces inside, and keeps whitespace-only lines as blank (013)', () => {
    const doc = byName('013.env');
    const values = envValues(doc);
    expect(values.get('WHATSAPP_TOKEN')).toMatch(/^EAA[A-Za-z0-9]+$/);
    expect(values.get('WHATSAPP_RECIPIENT_NUMBER_ID')).toBe('+071 081 735 8208');
    expect(doc.segments.filter((segment) => segment.kind === 'blank' && segment.raw.trim() === '' && segment.raw !== '').length).toBe(2);
  });

  it('skips a tab between "= " and the value (020)', () => {
    expect(envValues(byName('020.env')).get('EVA_ENV_UUID')).toBe('0243de4f-1661-458d-025c-dd4b0fbfbc3a');
  });

  it('keeps CRLF line ends and a leading blank CRLF line (022)', () => {
    const doc = byName('022.env');
    expect(doc.newline).toBe('\r\n');
    expect(doc.segments[0]).toMatchObject({ kind: 'blank', raw: '', lineBreak: '\r\n' });
    expect(findEntries(doc, 'ACCESS_TOKEN')[0]).toMatchObject({ line: 5, value: '' });
  });

  it('gives the last of duplicated keys and keeps junk lines as junk (023)', () => {
    const doc = byName('023.env');
    expect(findEntries(doc, 'WHATSAPP_VERIFY_TOKEN')).toHaveLength(2);
    expect(envValues(doc).get('WHATSAPP_VERIFY_TOKEN')).toBe('sdbcpmfkuausu1234');
    const junk = doc.segments.filter((segment) => segment.kind === 'junk').map((segment) => segment.raw);
    expect(junk).toEqual([expect.stringMatching(/^postgresql:\/\//), 'npx neonctl@latest init']);
  });

  it('reads multi-line double-quoted PEM keys whose closing quote is alone on a line (024)', () => {
    const doc = byName('024.env');
    const key = findEntries(doc, '_PRIVATE_KEY')[0]!;
    expect(key.value.startsWith('-----BEGIN RSA PRIVATE KEY-----\nProc-Type: 4,ENCRYPTED\n')).toBe(true);
    expect(key.value.endsWith('-----END RSA PRIVATE KEY-----\n')).toBe(true);
    expect(key.lineCount).toBeGreaterThan(30);
    expect(envValues(doc).get('PASSPHRASE')).toBe('SJCK');
    expect(envValues(doc).get('APP_SECRET')).toBe('3df62a968660f920b89a53be134de23e');
  });

  it('never takes a commented-out assignment for an entry (007, 021)', () => {
    const capture = byName('007.env');
    expect(findEntries(capture, 'WA_ACCESS_TOKEN')).toHaveLength(1);
    expect(findEntries(capture, 'WA_ACCESS_TOKEN')[0]!.raw.startsWith('WA_ACCESS_TOKEN=EAA')).toBe(true);
    expect(findEntries(byName('021.env'), 'WHATSAPP_ACCESS_TOKEN')).toHaveLength(0);
  });

  it('cuts an inline comment after spaces but keeps spaces inside an unquoted value (025)', () => {
    const values = envValues(byName('025.env'));
    expect(values.get('WHATSAPP_ENABLE_LOCATION_REQUEST')).toBe('true');
    expect(values.get('MEDIA_MAX_BYTES')).toBe('10485760');
    expect(values.get('FORWARD_AUTH_HEADER')).toBe('Bearer some-shared-secret');
  });
});

describe('parseEnv on written cases', () => {
  it('keeps a BOM apart from the first key, and reads export prefixes and every quote style', () => {
    const text = '\uFEFFexport A=1\nB="two words" # note\nC=\'it\\\'s\'\nD=`back tick`\n';
    const doc = parseEnv(text);
    expect(doc.bom).toBe(true);
    expect(doc.entries.map((entry) => [entry.key, entry.value, entry.quote, entry.exported])).toEqual([
      ['A', '1', 'none', true],
      ['B', 'two words', 'double', false],
      ['C', "it's", 'single', false],
      ['D', 'back tick', 'backtick', false],
    ]);
    expect(serializeEnv(doc)).toBe(text);
  });

  it('decodes the escapes python-dotenv decodes in double quotes', () => {
    expect(envValues(parseEnv('K="a\\nb\\tc\\"d\\\\e"')).get('K')).toBe('a\nb\tc"d\\e');
  });

  it('treats a quoted value followed by text as junk, and an unterminated quote as one junk line', () => {
    const doc = parseEnv('A="x" y\nB="open\nC=3\n');
    expect(doc.segments.map((segment) => segment.kind)).toEqual(['junk', 'junk', 'entry']);
    expect(envValues(doc)).toEqual(new Map([['C', '3']]));
    expect(parseEnv('A="\nB=1').segments.map((segment) => segment.kind)).toEqual(['junk', 'entry']);
  });

  it('reads a value that starts with # after `= ` as the value, like python-dotenv', () => {
    expect(envValues(parseEnv('K= #hash\nL=a #comment')).get('K')).toBe('#hash');
    expect(envValues(parseEnv('K= #hash\nL=a #comment')).get('L')).toBe('a');
  });

  it('counts lines across CR-only, CRLF and multi-line values', () => {
    const doc = parseEnv('A=1\rB="x\r\ny"\r\nC=3');
    expect(doc.entries.map((entry) => [entry.key, entry.line])).toEqual([['A', 1], ['B', 2], ['C', 4]]);
    expect(envValues(doc).get('B')).toBe('x\r\ny');
  });

  it('parses an empty file and a BOM-only file to no segments', () => {
    expect(parseEnv('').segments).toEqual([]);
    expect(parseEnv('\uFEFF')).toMatchObject({ bom: true, segments: [], endsWithNewline: false });
  });
});

describe('parseEnv properties', () => {
  it('round-trips any text at all', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 300 }), (text) => serializeEnv(parseEnv(text)) === text),
      { numRuns: propertyRuns(500) },
    );
  }, PROPERTY_TIMEOUT_MS);

  it('round-trips generated .env files and reads back every generated value', () => {
    fc.assert(
      fc.property(envFileArbitrary(), (file) => {
        const doc = parseEnv(file.text);
        expect(serializeEnv(doc)).toBe(file.text);
        expect(envValues(doc)).toEqual(file.values);
        for (const entry of doc.entries) {
          expect(doc.text.slice(entry.start, entry.end)).toBe(entry.raw);
          expect(entry.valueStart).toBeGreaterThanOrEqual(entry.start);
          expect(entry.valueEnd).toBeLessThanOrEqual(entry.end);
        }
      }),
      { numRuns: propertyRuns(300) },
    );
  }, PROPERTY_TIMEOUT_MS);
});
