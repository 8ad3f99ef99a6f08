// Reading a bot's log like a support engineer: Meta refusing the token vs. errors that only look like it.
import { describe, expect, it } from 'vitest';
import { keepTail, lastLines } from '../../../src-main/core/bot/bot-log';
import { crashHint, findTokenErrorLine } from '../../../src-main/core/bot/log-scan';

describe('findTokenErrorLine', () => {
  it.each([
    '{"error":{"message":"Error validating access token: Session has expired on Tuesday, 01-Jul-25 10:00:00 PDT.","type":"OAuthException","code":190,"error_subcode":463}}',
    "{'error': {'message': 'Invalid OAuth access token - Cannot parse access token', 'type': 'OAuthException', 'code': 190}}",
    'FacebookApiException: (#190) This access token is invalid',
    'WhatsApp send failed: The access token could not be decrypted',
    'Error: Request failed, OAuthException',
    'Error validating access token: The session has been invalidated because the user changed their password.',
  ])('recognises %s', (line) => {
    expect(findTokenErrorLine(`starting\n${line}\nmore`)).toBe(line);
  });

  it.each([
    '{"error":{"message":"(#131030) Recipient phone number not in allowed list","type":"OAuthException","code":131030}}',
    '{"error":{"message":"(#10) Application does not have permission for this action","type":"OAuthException","code":10}}',
    'Listening on port 1900',
    'server ready',
  ])('does not blame the token for %s', (line) => {
    expect(findTokenErrorLine(line)).toBeNull();
  });
});

describe('crashHint', () => {
  it('names the usual reasons a bot dies at start', () => {
    expect(crashHint('Error: listen EADDRINUSE: address already in use :::3000', { code: 1, signal: null })).toEqual({ key: 'bot:health.hint.portInUse' });
    expect(crashHint("ModuleNotFoundError: No module named 'flask'", null)).toEqual({
      key: 'bot:health.hint.missingModule',
      params: { module: 'flask' },
    });
    expect(crashHint("Error: Cannot find module 'dotenv'", null)).toEqual({ key: 'bot:health.hint.missingModule', params: { module: 'dotenv' } });
    expect(crashHint('', { code: 127, signal: null })).toEqual({ key: 'bot:health.hint.commandNotFound' });
    expect(crashHint('Traceback: ZeroDivisionError', { code: 1, signal: null })).toBeNull();
  });
});

describe('log tails', () => {
  it('keeps whole lines only, so a token cut in half can never escape redaction', () => {
    expect(keepTail('first line EAAabc\nsecond\nthird', 12)).toBe('third');
    expect(keepTail('short', 100)).toBe('short');
    expect(keepTail('no newline at all in here', 5)).toBe('');
    expect(lastLines('a\r\nb\nc\n\n', 2)).toBe('b\nc');
  });
});
