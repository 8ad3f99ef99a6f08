// sendTestMessage and exchangeForLongLivedToken against the Graph simulator.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { exchangeForLongLivedToken, sendTestMessage, diagnoseToken } from '../../../src-main/core/graph';
import { startGraphSimulator, SIM_PHONE_NUMBER_ID, type GraphSimulator } from '../../sim/graph-simulator';

let sim: GraphSimulator;
beforeAll(async () => {
  sim = await startGraphSimulator();
});
afterAll(async () => {
  await sim.close();
});
afterEach(() => {
  sim.clearFaults();
  sim.resetRequests();
});

const OWNER = '+1 555 010 0009';

describe('sendTestMessage', () => {
  it('sends a text to an allowed number with an open window', async () => {
    const token = sim.newToken('never_expiring');
    const result = await sendTestMessage(token, SIM_PHONE_NUMBER_ID, { to: OWNER, kind: 'text', text: 'hello' }, { graphUrl: sim.url });
    expect(result).toMatchObject({ ok: true, messageId: expect.stringMatching(/^wamid\./), summary: { key: 'diagnosis:test_message.sent', params: { to: '15550100009' } } });
    expect(sim.sentMessages.at(-1)).toMatchObject({ to: '15550100009', type: 'text', payload: { text: { body: 'hello' } } });
    expect(sim.requests.every((request) => request.urlSecrets.length === 0 && request.bearer)).toBe(true);
  });

  it('sends the hello_world template (accepted status)', async () => {
    const result = await sendTestMessage(sim.newToken('never_expiring'), SIM_PHONE_NUMBER_ID, { to: OWNER, kind: 'template' }, { graphUrl: sim.url });
    expect(result).toMatchObject({ ok: true, messageStatus: 'accepted' });
  });

  it('131030: the recipient is not on the test number list, with its fix', async () => {
    const result = await sendTestMessage(sim.newToken('never_expiring'), SIM_PHONE_NUMBER_ID, { to: '+90 555 000 0000', kind: 'text' }, { graphUrl: sim.url });
    expect(result).toMatchObject({
      ok: false,
      problem: 'recipient_not_allowed',
      graphError: { code: 131030 },
      summary: { key: 'diagnosis:test_message.recipient_not_allowed', params: { to: '905550000000' } },
      fix: { key: 'diagnosis:test_message.fix_recipient_not_allowed' },
    });
  });

  it('131047: outside the 24-hour window a text is refused', async () => {
    sim.world.recipients.allowed.push('15550100010');
    const result = await sendTestMessage(sim.newToken('never_expiring'), SIM_PHONE_NUMBER_ID, { to: '15550100010', kind: 'text' }, { graphUrl: sim.url });
    expect(result).toMatchObject({ ok: false, problem: 'reengagement_required', fix: { key: 'diagnosis:test_message.fix_reengagement_required' } });
  });

  it('132001: a template the account lacks', async () => {
    const result = await sendTestMessage(sim.newToken('never_expiring'), SIM_PHONE_NUMBER_ID, { to: OWNER, kind: 'template', templateName: 'order_update' }, { graphUrl: sim.url });
    expect(result).toMatchObject({ ok: false, problem: 'template_missing', summary: { params: { template: 'order_update', language: 'en_US' } } });
  });

  it('190: a dead token is explained like a diagnosis', async () => {
    const result = await sendTestMessage(sim.newToken('password_changed'), SIM_PHONE_NUMBER_ID, { to: OWNER, kind: 'text' }, { graphUrl: sim.url });
    expect(result).toMatchObject({ ok: false, problem: 'token_rejected', tokenStatus: 'revoked', summary: { key: 'diagnosis:summary.revoked.password_changed' } });
  });

  it('never sends twice: a timeout after sending is not retried', async () => {
    sim.injectFault({ kind: 'timeout' }, { match: 'messages' });
    const result = await sendTestMessage(sim.newToken('never_expiring'), SIM_PHONE_NUMBER_ID, { to: OWNER, kind: 'text' }, { graphUrl: sim.url, timeoutMs: 600 });
    expect(result).toMatchObject({ ok: false, problem: 'network_error' });
    expect(sim.requests.filter((request) => request.kind === 'messages')).toHaveLength(1);
  });
});

describe('exchangeForLongLivedToken', () => {
  it('returns a NEW long-lived token, asked with a GET as Meta documents it', async () => {
    const token = sim.newToken({ scenario: 'expiring', days: 2 });
    const result = await exchangeForLongLivedToken(token, { appId: sim.app.id, appSecret: sim.app.secret }, { graphUrl: sim.url, tokenType: 'user' });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.token).not.toBe(token);
    expect(result.expiresIn).toBe(5183944);
    expect(sim.requests).toEqual([
      expect.objectContaining({ kind: 'oauth', method: 'GET', urlSecrets: ['client_secret', 'fb_exchange_token'], queryNames: expect.not.arrayContaining(['set_token_expires_in_60_days']) }),
    ]);
    const diagnosis = await diagnoseToken(result.token, {}, { graphUrl: sim.url });
    expect(diagnosis).toMatchObject({ status: 'ok', tokenLifetime: 'long_lived' });
  });

  it('an expired token cannot be exchanged', async () => {
    const result = await exchangeForLongLivedToken(sim.newToken('expired'), { appId: sim.app.id, appSecret: sim.app.secret }, { graphUrl: sim.url, tokenType: 'user' });
    expect(result).toMatchObject({ ok: false, status: 'expired' });
  });

  it('a wrong app secret is the app credentials, not the token', async () => {
    const result = await exchangeForLongLivedToken(sim.newToken('sixty_day'), { appId: sim.app.id, appSecret: 'f'.repeat(32) }, { graphUrl: sim.url, retryDelayMs: 1, tokenType: 'user' });
    expect(result).toMatchObject({ ok: false, status: 'meta_error', summary: { key: 'diagnosis:summary.meta_error.app_credentials' } });
    expect(sim.requests).toHaveLength(1);
    expect(JSON.stringify(result)).not.toContain('f'.repeat(32));
  });
});
