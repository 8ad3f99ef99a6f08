// setEnvValue changes one value's bytes and nothing else: real files, written cases and generated files.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { setEnvValue } from '../../../src-main/core/envfile/edit';
import { envValues, parseEnv } from '../../../src-main/core/envfile/parse';
import { DoctorError } from '../../../src-main/core/errors';
import { PROPERTY_TIMEOUT_MS, propertyRuns } from '../../support/property-runs';
import { anyValue, envFileArbitrary, GENERATED_KEYS } from './env-arbitraries';
import { expectedAfterReplacing, fakeAccessToken, realWorldEnvFiles } from './real-world-files';

const token = fakeAccessToken(7);
const valueOf = (text: string, key: string) => envValues(parseEnv(text)).get(key);

describe('setEnvValue regressions found by the properties', () => {
  it('quotes an empty value before an inline comment, or python-dotenv would read the comment as the value', () => {
    const { text } = setEnvValue('_K=a # a note', '_K', '');
    expect(envValues(parseEnv(text)).get('_K')).toBe('');
    expect(text.endsWith(' # a note')).toBe(true);
  });
});

describe('setEnvValue on every real-world file', () => {
  const files = realWorldEnvFiles();

  it.each(files.filter((file) => file.meta.token_var).map((file) => [file.name, file] as const))(
    '%s: only the token value changes',
    (_name, file) => {
      const text = file.bytes.toString('utf8');
      const key = file.meta.token_var!;
      const result = setEnvValue(text, key, token);
      expect(result.change).toBe('replaced');
      expect(result.text).toBe(expectedAfterReplacing(text, key, token));
      expect(valueOf(result.text, key)).toBe(token);
      const before = envValues(parseEnv(text));
      before.set(key, token);
      expect(envValues(parseEnv(result.text))).toEqual(before);
    },
  );

  it('024 lacks the variable its code reads: it is appended after a newline the file lacked', () => {
    const file = files.find((candidate) => candidate.name === '024.env')!;
    const text = file.bytes.toString('utf8');
    const result = setEnvValue(text, 'META_ACCESS_TOKEN', token);
    expect(result.change).toBe('appended');
    expect(result.text).toBe(`${text}\nMETA_ACCESS_TOKEN=${token}`);
    expect(result.line).toBe(text.split('\n').length + 1);
  });

  it('022 (CRLF, no final newline) gets the appended line with CRLF', () => {
    const text = files.find((candidate) => candidate.name === '022.env')!.bytes.toString('utf8');
    expect(setEnvValue(text, 'WHATSAPP_BUSINESS_ACCOUNT_ID', '1234').text).toBe(`${text}\r\nWHATSAPP_BUSINESS_ACCOUNT_ID=1234`);
  });

  it('023: changes the last of a duplicated key and says how many others it left', () => {
    const text = files.find((candidate) => candidate.name === '023.env')!.bytes.toString('utf8');
    const result = setEnvValue(text, 'WHATSAPP_VERIFY_TOKEN', 'new-verify');
    expect(result).toMatchObject({ change: 'replaced', duplicateCount: 1, line: text.split('\n').length });
    expect(result.text).toBe(text.replace(/sdbcpmfkuausu1234$/, 'new-verify'));
  });

  it('007: the commented-out old token right above is left alone', () => {
    const text = files.find((candidate) => candidate.name === '007.env')!.bytes.toString('utf8');
    const commented = /^# WA_ACCESS_TOKEN=.*$/m.exec(text)![0];
    const result = setEnvValue(text, 'WA_ACCESS_TOKEN', token).text;
    expect(result).toContain(`${commented}\nWA_ACCESS_TOKEN=${token}\n`);
  });
});

describe('setEnvValue on written cases', () => {
  it.each([
    ['KEY=old\n', 'KEY=new\n'],
    ['KEY="old"\n', 'KEY="new"\n'],
    ["KEY='old'\n", "KEY='new'\n"],
    ['KEY=`old`\n', 'KEY=`new`\n'],
    ["export KEY = 'old'   # note\n", "export KEY = 'new'   # note\n"],
    ['KEY=old # note\r\n', 'KEY=new # note\r\n'],
    ['KEY=\n', 'KEY=new\n'],
    ['KEY=  \t\n', 'KEY=  \tnew\n'],
    ["KEY = ''", "KEY = 'new'"],
    ['KEY="multi\nline"\nNEXT=1\n', 'KEY="new"\nNEXT=1\n'],
  ])('%j keeps its quoting: %j', (before, after) => {
    expect(setEnvValue(before, 'KEY', 'new').text).toBe(after);
  });

  it.each([
    ['KEY=old\n', 'two words ', 'KEY="two words "\n'],
    ['KEY=old\n', 'a#b', 'KEY="a#b"\n'],
    ['KEY="old"\n', 'say "hi"', `KEY='say "hi"'\n`],
    ["KEY='old'\n", "it's", `KEY="it's"\n`],
    ['KEY=old\n', 'line1\nline2', 'KEY="line1\\nline2"\n'],
    ['KEY=old\n', `both ' and "`, `KEY=both ' and "\n`],
    ['KEY=old\n', `"it's"`, `KEY="\\"it's\\""\n`],
  ])('%j set to %j becomes %j', (before, value, after) => {
    const result = setEnvValue(before, 'KEY', value);
    expect(result.text).toBe(after);
    expect(valueOf(result.text, 'KEY')).toBe(value);
  });

  it.each([
    ['', 'KEY=v\n', 1],
    ['\uFEFF', '\uFEFFKEY=v\n', 1],
    ['A=1\n', 'A=1\nKEY=v\n', 2],
    ['A=1', 'A=1\nKEY=v', 2],
    ['A=1\r\nB=2\r\n', 'A=1\r\nB=2\r\nKEY=v\r\n', 3],
    ['export A=1\nexport B=2\n', 'export A=1\nexport B=2\nexport KEY=v\n', 3],
    ['export A=1\nB=2\n', 'export A=1\nB=2\nKEY=v\n', 3],
    ['A=1\nexport B=2\n', 'A=1\nexport B=2\nKEY=v\n', 3],
    ['# KEY=commented\n', '# KEY=commented\nKEY=v\n', 2],
  ])('appends to %j as %j (line %d)', (before, after, line) => {
    expect(setEnvValue(before, 'KEY', 'v')).toEqual({ text: after, change: 'appended', line, duplicateCount: 0 });
  });

  it('refuses a variable name dotenv cannot read, without echoing the value', () => {
    const error = (() => {
      try {
        setEnvValue('A=1\n', 'BAD KEY', token);
      } catch (caught) {
        return caught;
      }
    })();
    expect(error).toBeInstanceOf(DoctorError);
    expect(error).toMatchObject({ code: 'env_invalid_key', userMessage: { key: 'envfile:errors.invalid_key', params: { key: 'BAD KEY' } } });
    expect(String(error)).toContain('Variable names may only contain letters, digits, _ . and -');
    expect(JSON.stringify(error) + String(error)).not.toContain(token);
  });

  it('keeps a token pasted by mistake as the variable name out of the error', () => {
    const error = (() => {
      try {
        setEnvValue('A=1\n', `WHATSAPP_TOKEN ${token}`, 'x');
      } catch (caught) {
        return caught as DoctorError;
      }
    })();
    expect(error?.code).toBe('env_invalid_key');
    expect(`${String(error)} ${JSON.stringify(error)} ${JSON.stringify(error?.userMessage)}`).not.toContain(token);
  });

  it('refuses, and changes nothing, when no quoting lets dotenv read the value back', () => {
    const text = 'A=1\nB="x"\nC=\'y\'\n';
    expect(() => setEnvValue(text, 'A', ' ends with a backslash\\')).toThrowError(
      expect.objectContaining({
        code: 'env_value_not_writable',
        message: expect.stringContaining('No quoting lets dotenv read the new value of A back unchanged') as string,
        userMessage: { key: 'envfile:errors.value_not_writable', params: { key: 'A' } },
      }) as Error,
    );
  });
});

describe('setEnvValue keeps the quoting the line has', () => {
  it.each([
    ["A='old'\n", "A='new value'\n"],
    ['A="old"\n', 'A="new value"\n'],
    ['A=`old`\n', 'A=`new value`\n'],
    ['A=old\n', 'A=new value\n'],
  ])('%j → %j', (before, after) => {
    expect(setEnvValue(before, 'A', 'new value').text).toBe(after);
  });

  it('moves to another quote when the value holds the line\'s own quote', () => {
    expect(setEnvValue("A='old'\n", 'A', "it's").text).toBe('A="it\'s"\n');
    expect(setEnvValue('A="old"\n', 'A', 'say "hi"').text).toBe('A=\'say "hi"\'\n');
  });
});

describe('setEnvValue properties', () => {
  const keyArbitrary = fc.constantFrom(...GENERATED_KEYS, 'NEW_KEY');

  it('sets then reads back any value (without a backslash it always succeeds), leaving other values alone', () => {
    fc.assert(
      fc.property(envFileArbitrary(), keyArbitrary, anyValue, (file, key, value) => {
        let result;
        try {
          result = setEnvValue(file.text, key, value);
        } catch (error) {
          expect(value).toContain('\\');
          expect(error).toMatchObject({ code: 'env_value_not_writable' });
          return;
        }
        const expected = new Map(file.values).set(key, value);
        expect(envValues(parseEnv(result.text))).toEqual(expected);
        expect(result.change).toBe(file.values.has(key) ? 'replaced' : 'appended');
      }),
      { numRuns: propertyRuns(400) },
    );
  }, PROPERTY_TIMEOUT_MS);

  it('changes one region only: the old value span, or a new last line', () => {
    fc.assert(
      fc.property(envFileArbitrary(), keyArbitrary, anyValue, (file, key, value) => {
        const doc = parseEnv(file.text);
        let result;
        try {
          result = setEnvValue(file.text, key, value);
        } catch {
          return;
        }
        const target = doc.entries.filter((entry) => entry.key === key).at(-1);
        if (target) {
          expect(result.text.startsWith(file.text.slice(0, target.valueStart))).toBe(true);
          expect(result.text.endsWith(file.text.slice(target.valueEnd))).toBe(true);
        } else {
          expect(result.text.startsWith(file.text)).toBe(true);
          expect(result.text.slice(file.text.length)).toMatch(new RegExp(`^(\\r\\n|\\n|\\r)?(export )?${key}=[^]*$`));
        }
      }),
      { numRuns: propertyRuns(400) },
    );
  }, PROPERTY_TIMEOUT_MS);
});
