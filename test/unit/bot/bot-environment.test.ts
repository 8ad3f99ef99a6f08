// The environment of everything the app starts for a bot: no token variable the bot reads from its files, none
// of our own WA_TOKEN_DOCTOR_* settings, no secret under any name, and everything else untouched.
import { describe, expect, it } from 'vitest';
import { botEnvironment, tokenVariablesSetIn } from '../../../src-main/core/bot/bot-environment';

const TOKEN = `EAAG${'a1B2c3'.repeat(30)}`;
const OLD_TOKEN = `EAAJ${'z9Y8x7'.repeat(30)}`;
const APP_SECRET = '0123456789abcdef0123456789abcdef';

const shell: NodeJS.ProcessEnv = {
  PATH: '/usr/local/bin:/usr/bin',
  HOME: '/home/owner',
  LANG: 'tr_TR.UTF-8',
  PORT: '3000',
  WHATSAPP_TOKEN: OLD_TOKEN,
  META_ACCESS_TOKEN: 'not-a-token-but-the-bot-reads-it',
  WA_TOKEN_DOCTOR_APP_ID: '1234567890',
  WA_TOKEN_DOCTOR_APP_SECRET: APP_SECRET,
  WA_TOKEN_DOCTOR_HOME: '/srv/doctor',
  MY_APP_SECRET: APP_SECRET,
  DATABASE_URL: `postgres://bot:${APP_SECRET}@localhost/bot`,
  SOMEONE_ELSES_TOKEN: TOKEN,
  SHORT: 'abc',
};

describe('botEnvironment', () => {
  it('drops the token variables, our own settings and every variable holding a secret, and keeps the rest', () => {
    const env = botEnvironment(shell, { tokenVariables: ['WHATSAPP_TOKEN', 'META_ACCESS_TOKEN'], secrets: [APP_SECRET], platform: 'linux' });
    expect(env).toEqual({ PATH: shell.PATH, HOME: shell.HOME, LANG: shell.LANG, PORT: '3000', SHORT: 'abc' });
  });

  it('drops a variable holding a token even when nobody named it', () => {
    const env = botEnvironment({ PATH: '/bin', EXPORTED_BY_HAND: `"${TOKEN}"` }, { platform: 'linux' });
    expect(env).toEqual({ PATH: '/bin' });
  });

  it('never matches on a "secret" too short to mean anything', () => {
    const env = botEnvironment({ PATH: '/bin', PORT: '3000' }, { secrets: ['', '3000'], platform: 'linux' });
    expect(env).toEqual({ PATH: '/bin', PORT: '3000' });
  });

  it('is case-sensitive on POSIX and case-insensitive on Windows, as their environments are', () => {
    const base = { Path: 'C:\\Windows', whatsapp_token: 'old-value', Wa_Token_Doctor_App_Secret: 'x'.repeat(12) };
    expect(botEnvironment(base, { tokenVariables: ['WHATSAPP_TOKEN'], platform: 'linux' })).toEqual(base);
    expect(botEnvironment(base, { tokenVariables: ['WHATSAPP_TOKEN'], platform: 'win32' })).toEqual({ Path: 'C:\\Windows' });
  });

  it('does not change the environment it was given', () => {
    const copy = { ...shell };
    botEnvironment(shell, { tokenVariables: ['WHATSAPP_TOKEN'], secrets: [APP_SECRET] });
    expect(shell).toEqual(copy);
  });
});

describe('tokenVariablesSetIn', () => {
  it('names the token variables the shell holds, once each', () => {
    expect(tokenVariablesSetIn(shell, ['WHATSAPP_TOKEN', 'ACCESS_TOKEN', 'WHATSAPP_TOKEN', 'META_ACCESS_TOKEN'])).toEqual(['WHATSAPP_TOKEN', 'META_ACCESS_TOKEN']);
    expect(tokenVariablesSetIn({ WHATSAPP_TOKEN: '' }, ['WHATSAPP_TOKEN'])).toEqual([]);
  });
});
