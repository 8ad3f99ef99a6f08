// Detection of the bot's variables against what is known of every real-world file, plus the rules that must
// hold beyond them (never a verify token, EAA values first, the code's word over the ranking).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { rankBotVariables, type BotVariables } from '../../../src-main/core/envfile/detect-variables';
import { parseEnv } from '../../../src-main/core/envfile/parse';
import type { BotVariableRole } from '../../../src-main/core/envfile/variable-roles';
import { fakeAccessToken, realWorldEnvFiles, REAL_WORLD_ENV_FOLDER, type RealWorldMeta } from './real-world-files';

const ROLE_FIELDS: ReadonlyArray<[BotVariableRole, keyof RealWorldMeta]> = [
  ['token', 'token_var'],
  ['phoneNumberId', 'phone_id_var'],
  ['wabaId', 'waba_var'],
  ['apiVersion', 'api_version_var'],
  ['appId', 'app_id_var'],
  ['appSecret', 'app_secret_var'],
  ['baseUrl', 'base_url_var'],
];

const realWorld = realWorldEnvFiles();
const detect = (text: string, codeReads?: Map<string, string[]>): BotVariables => rankBotVariables(parseEnv(text), codeReads);
const fileText = (name: string) => readFileSync(`${REAL_WORLD_ENV_FOLDER}${name}`, 'utf8');

describe('detection on every real-world file', () => {
  const cases = realWorld.flatMap((file) => ROLE_FIELDS.map(([role, field]) => [file.name, role, file.meta[field], file] as const));

  it.each(cases)('%s: %s is %s', (_name, role, expected, file) => {
    const detection = detect(file.bytes.toString('utf8'))[role];
    if (typeof expected === 'string' && / \(comment/.test(expected)) {
      // e.g. "WHATSAPP_PHONE_NUMBER_ID (commented out)": dotenv does not load it, so it is reported, not chosen.
      expect(detection.name).toBeNull();
      expect(detection.commentedOut).toContain(expected.split(' ')[0]);
    } else {
      expect(detection.name).toBe(expected);
    }
  });

  it('never offers a verify token as a token candidate in any file', () => {
    for (const file of realWorld) {
      const names = detect(file.bytes.toString('utf8')).token.candidates.map((candidate) => candidate.name);
      expect(names.filter((name) => /VERIF|MYTOKEN/i.test(name)), file.name).toEqual([]);
    }
  });

  it('proposes ACCESS_TOKEN over WHATSAPP_TOKEN in 031 (both empty) but says it is not sure', () => {
    const { token } = detect(fileText('031.env'));
    expect(token.name).toBe('ACCESS_TOKEN');
    expect(token.confidence).toBe('medium');
    expect(token.candidates.map((candidate) => candidate.name)).toEqual(['ACCESS_TOKEN', 'WHATSAPP_TOKEN']);
  });

  it('lets the code decide 031 either way', () => {
    const readsWhatsappToken = detect(fileText('031.env'), new Map([['WHATSAPP_TOKEN', ['app/config.py']]])).token;
    expect(readsWhatsappToken).toMatchObject({ name: 'WHATSAPP_TOKEN', confidence: 'high' });
    expect(readsWhatsappToken.candidates[0]?.reasons).toContain('read-by-code');
    const readsAccessToken = detect(fileText('031.env'), new Map([['ACCESS_TOKEN', ['app/config.py']]])).token;
    expect(readsAccessToken).toMatchObject({ name: 'ACCESS_TOKEN', confidence: 'high' });
  });

  it('reports a token variable the code reads but the .env lacks (024)', () => {
    const { token } = detect(fileText('024.env'), new Map([['META_ACCESS_TOKEN', ['whatsapp.helper.cjs']], ['PORT', ['index.js']]]));
    expect(token.name).toBeNull();
    expect(token.confidence).toBe('none');
    expect(token.readByCodeButMissing).toEqual(['META_ACCESS_TOKEN']);
  });
});

describe('detection rules', () => {
  const token = fakeAccessToken();

  it('never picks a verify token, even one holding an EAA value', () => {
    for (const name of ['VERIFY_TOKEN', 'WHATSAPP_VERIFY_TOKEN', 'WEBHOOK_VERIFY_TOKEN', 'META_WEBHOOK_TOKEN', 'MYTOKEN', 'WEBHOOK_VERIFICATION_TOKEN']) {
      const detection = detect(`${name}=${token}\n`).token;
      expect(detection.name, name).toBeNull();
      expect(detection.candidates, name).toEqual([]);
    }
  });

  it('prefers an EAA-shaped value to a placeholder under a likelier name', () => {
    const { token: detection } = detect(`ACCESS_TOKEN=your-access-token\nWHATSAPP_TOKEN=${token}\n`);
    expect(detection).toMatchObject({ name: 'WHATSAPP_TOKEN', confidence: 'high' });
    expect(detection.candidates[0]?.reasons).toContain('access-token-value');
  });

  it('finds a real token under a name no survey has seen', () => {
    expect(detect(`BOT_CREDENTIAL=${token}\nPORT=3000\n`).token.name).toBe('BOT_CREDENTIAL');
  });

  it('ignores token-like names that are lifecycle knobs or encryption keys', () => {
    const detection = detect('WHATSAPP_TOKEN_ENC_KEY=abc\nTOKEN_TTL_DAYS=60\nWHATSAPP_TENANT_TOKEN_SECRET=x\nTWILIO_AUTH_TOKEN=1\n').token;
    expect(detection.candidates).toEqual([]);
  });

  it('knows every token name of the survey', () => {
    const survey = JSON.parse(readFileSync(`${REAL_WORLD_ENV_FOLDER}../token-var-names.json`, 'utf8')) as {
      token_var_names_from_env_files: Array<{ name: string }>;
    };
    for (const { name } of survey.token_var_names_from_env_files) {
      expect(detect(`${name}=\n`).token.name, name).toBe(name);
    }
  });

  it('takes the last assignment of a duplicated key for its line and value', () => {
    const detection = detect(`WHATSAPP_TOKEN=old\nPORT=1\nWHATSAPP_TOKEN=${token}\n`).token;
    expect(detection).toMatchObject({ name: 'WHATSAPP_TOKEN', line: 3 });
  });

  it('tells a phone number apart from a phone-number id', () => {
    const detection = detect('WA_BUSINESS_PHONE=+15305257713\nWHATSAPP_RECIPIENT_NUMBER_ID=+90 555 000 0000\nPHONE_NUMBER_ID=106540352242922\n');
    expect(detection.phoneNumberId.name).toBe('PHONE_NUMBER_ID');
    expect(detection.phoneNumberId.candidates.map((candidate) => candidate.name)).toEqual(['PHONE_NUMBER_ID']);
  });
});
