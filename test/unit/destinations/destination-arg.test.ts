// The --dest syntax: every kind, relative paths resolved, the inverse formatter, and plain refusals of bad input.
import fc from 'fast-check';
import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { describeDestination, formatDestinationArg, parseDestinationArg } from '../../../src-main/core/destinations/destination-arg';
import { DestinationSchema, type Destination } from '../../../src-main/core/destinations/types';

const cwd = '/srv/bot';

describe('parseDestinationArg', () => {
  it.each<[string, Destination]>([
    ['env:.env#WHATSAPP_TOKEN', { kind: 'env', file: '/srv/bot/.env', variable: 'WHATSAPP_TOKEN' }],
    ['env:backend/.env#WHATSAPP_TOKEN', { kind: 'env', file: '/srv/bot/backend/.env', variable: 'WHATSAPP_TOKEN' }],
    ['json:config.json#whatsapp.accessToken', { kind: 'json', file: '/srv/bot/config.json', keyPath: 'whatsapp.accessToken' }],
    ['yaml:config.yml#whatsapp.token', { kind: 'yaml', file: '/srv/bot/config.yml', keyPath: 'whatsapp.token' }],
    ['yml:/etc/bot/c.yaml#bots[0].token', { kind: 'yaml', file: '/etc/bot/c.yaml', keyPath: 'bots[0].token' }],
    ['cmd:python update_whatsapp_token.py', { kind: 'command', command: 'python update_whatsapp_token.py', cwd }],
    ['command: ./store-token.sh --quiet', { kind: 'command', command: './store-token.sh --quiet', cwd }],
    ['settings/app.json#meta.token', { kind: 'json', file: '/srv/bot/settings/app.json', keyPath: 'meta.token' }],
    ['config.yaml#token', { kind: 'yaml', file: '/srv/bot/config.yaml', keyPath: 'token' }],
    ['frontend/.env#VITE_WHATSAPP_TOKEN', { kind: 'env', file: '/srv/bot/frontend/.env', variable: 'VITE_WHATSAPP_TOKEN' }],
    ['env:my#notes/.env#TOKEN', { kind: 'env', file: '/srv/bot/my#notes/.env', variable: 'TOKEN' }],
  ])('reads %s', (arg, expected) => {
    expect(parseDestinationArg(arg, { cwd })).toEqual(expected);
  });

  it('uses the default variable for a bare .env file', () => {
    expect(parseDestinationArg('env:.env', { cwd, defaultVariable: 'ACCESS_TOKEN' })).toEqual({ kind: 'env', file: '/srv/bot/.env', variable: 'ACCESS_TOKEN' });
  });

  it('takes a one-letter prefix for a Windows drive, not a kind', () => {
    const parsed = parseDestinationArg('C:\\bot\\.env#TOKEN', { cwd });
    expect(parsed).toMatchObject({ kind: 'env', variable: 'TOKEN' });
    expect(parsed.kind === 'env' && parsed.file.endsWith('C:\\bot\\.env')).toBe(true);
  });

  it.each([
    ['', 'dest_arg_empty'],
    ['   ', 'dest_arg_empty'],
    ['toml:config.toml#a', 'dest_arg_unknown_kind'],
    ['env:#TOKEN', 'dest_arg_missing_file'],
    ['env:.env', 'dest_arg_missing_key'],
    ['env:.env#BAD NAME', 'dest_arg_missing_key'],
    ['json:config.json', 'dest_arg_missing_key'],
    ['json:config.json#', 'dest_arg_missing_key'],
    ['yaml:c.yml#a..b', 'dest_key_path_invalid'],
    ['cmd:', 'dest_arg_empty_command'],
    ['cmd:./set-token.sh EAAJZCqVLm4uYBAGZBxyzv9nQWERTYUIOPASDFGHJKLZX', 'dest_arg_token_in_command'],
  ])('refuses %j (%s) with a message in the destinations namespace', (arg, code) => {
    let caught: unknown;
    try {
      parseDestinationArg(arg, { cwd });
    } catch (error) {
      caught = error;
    }
    expect(caught).toMatchObject({ code, userMessage: { key: `destinations:errors.${code.replace(/^dest_/, '')}` } });
    expect(JSON.stringify(caught)).not.toContain('EAAJZCqVLm4uYBAGZ');
  });

  it('reads back what formatDestinationArg wrote, for any destination', () => {
    const name = fc.stringMatching(/^[A-Za-z_][\w.-]{0,12}$/);
    const file = fc.array(fc.stringMatching(/^[\w. #-]{1,8}$/).filter((part) => part.trim() === part && part !== '.' && part !== '..'), { minLength: 1, maxLength: 3 })
      .map((parts) => `/srv/${parts.join('/')}`);
    const keyPath = fc.array(fc.stringMatching(/^[A-Za-z_]\w{0,6}$/), { minLength: 1, maxLength: 3 }).map((keys) => keys.join('.'));
    const destination: fc.Arbitrary<Destination> = fc.oneof(
      fc.record({ kind: fc.constant('env' as const), file, variable: name }),
      fc.record({ kind: fc.constantFrom('json' as const, 'yaml' as const), file, keyPath }),
      fc.record({ kind: fc.constant('command' as const), command: fc.stringMatching(/^[a-z](?:[a-z./ -]{0,15}[a-z])?$/), cwd: fc.constant(cwd) }),
    );
    fc.assert(
      fc.property(destination, (original) => {
        const parsed = parseDestinationArg(formatDestinationArg(original), { cwd });
        expect(parsed).toEqual(original);
        expect(v.is(DestinationSchema, parsed)).toBe(true); // what the CLI reads, a profile can store
      }),
    );
  });
});

describe('DestinationSchema', () => {
  it('checks a destination read back from a profile', () => {
    expect(v.is(DestinationSchema, { kind: 'command', command: 'python u.py', cwd, undoCommand: 'python u.py --undo', timeoutMs: 30_000 })).toBe(true);
    for (const bad of [
      { kind: 'env', file: '.env' },
      { kind: 'json', file: '', keyPath: 'a' },
      { kind: 'toml', file: 'c.toml', keyPath: 'a' },
      { kind: 'command', command: 'x', cwd, timeoutMs: 10 },
      null,
    ]) {
      expect(v.is(DestinationSchema, bad)).toBe(false);
    }
  });
});

describe('describeDestination', () => {
  it('labels files relative to the bot folder, with the variable or key path', () => {
    expect(describeDestination({ kind: 'env', file: '/srv/bot/backend/.env', variable: 'WHATSAPP_TOKEN' }, '/srv/bot')).toBe('backend/.env#WHATSAPP_TOKEN');
    expect(describeDestination({ kind: 'json', file: '/etc/bot.json', keyPath: 'a.b' }, '/srv/bot')).toBe('/etc/bot.json#a.b');
  });

  it('labels a command with a prompt sign, shortened, and never shows a token', () => {
    const label = describeDestination({ kind: 'command', command: `echo EAAJZCqVLm4uYBAGZBxyzv9nQWERTYUIOPASDFGHJKLZX ${'x'.repeat(80)}`, cwd });
    expect(label.startsWith('$ echo EAAJ…')).toBe(true);
    expect(label).not.toContain('EAAJZCqVLm4uYBAGZ');
    expect(label.length).toBeLessThanOrEqual(60);
  });
});
