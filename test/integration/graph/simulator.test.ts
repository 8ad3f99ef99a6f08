// The simulator itself answers with the shared fixture shapes and records what clients do.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startGraphSimulator, SIM_PHONE_NUMBER_ID, SIM_WABA_ID, type GraphSimulator } from '../../sim/graph-simulator';
import { loadFixtures, type Json } from '../../sim/fixtures';

let sim: GraphSimulator;
const fixtures = loadFixtures();
beforeAll(async () => {
  sim = await startGraphSimulator();
});
afterAll(async () => {
  await sim.close();
});

async function get(path: string, token?: string): Promise<{ status: number; body: Json }> {
  const response = await fetch(`${sim.url}${path}`, { headers: token ? { Authorization: `Bearer ${token}` } : {} });
  return { status: response.status, body: await response.json() };
}

describe('graph simulator', () => {
  it('answers debug_token like Meta, with timestamps relative to now', async () => {
    const token = sim.newToken({ scenario: 'expiring', days: 3 });
    const { status, body } = await get(`/v25.0/debug_token?input_token=${token}&access_token=${token}`);
    expect(status).toBe(200);
    expect(Object.keys(body.data).sort()).toEqual(Object.keys(fixtures.get('debug_token_valid_60_day').data).sort());
    expect(body.data.expires_at - Date.now() / 1000).toBeGreaterThan(2.99 * 86400);
    expect(sim.requests.at(-1)).toMatchObject({ kind: 'debug_token', urlSecrets: ['input_token', 'access_token'] });
  });

  it('answers the phone number, the WABA lists and unknown ids', async () => {
    const token = sim.newToken('never_expiring');
    expect((await get(`/v25.0/${SIM_PHONE_NUMBER_ID}`, token)).body).toEqual({ id: SIM_PHONE_NUMBER_ID, display_phone_number: '+1 555-010-0003', verified_name: 'Example Test Shop', quality_rating: 'GREEN' });
    expect((await get(`/v25.0/${SIM_WABA_ID}/phone_numbers`, token)).body.data).toHaveLength(2);
    expect((await get(`/v25.0/${SIM_WABA_ID}/message_templates?name=hello_world`, token)).body.data[0]).toMatchObject({ name: 'hello_world', status: 'APPROVED' });
    const unknown = await get('/v25.0/300000000000099', token);
    expect(unknown).toMatchObject({ status: 400, body: { error: { code: 100, error_subcode: 33 } } });
  });

  it('answers an unknown token with 190 Cannot parse', async () => {
    const answer = await get(`/v25.0/${SIM_PHONE_NUMBER_ID}`, `EAAUNKNOWN${'z'.repeat(150)}`);
    expect(answer).toMatchObject({ status: 401, body: { error: { code: 190, message: 'Invalid OAuth access token - Cannot parse access token' } } });
  });

  it('answers a batch in request order, with string bodies, headers dropped on request', async () => {
    const token = sim.newToken('never_expiring');
    const form = new URLSearchParams({ access_token: token, include_headers: 'false', batch: JSON.stringify([{ method: 'GET', relative_url: SIM_PHONE_NUMBER_ID }, { method: 'GET', relative_url: '300000000000099' }]) });
    const response = await fetch(`${sim.url}/v25.0`, { method: 'POST', body: form });
    const items = await response.json();
    expect(items).toHaveLength(2);
    expect(items[0].code).toBe(200);
    expect(JSON.parse(items[0].body).verified_name).toBe('Example Test Shop');
    expect(items[1].code).toBe(400);
    expect(items[0].headers).toBeUndefined();
    expect(sim.requests.at(-1)).toMatchObject({ kind: 'batch', urlSecrets: [], batchItems: [SIM_PHONE_NUMBER_ID, '300000000000099'] });
  });

  it('makes a valid token expire when its time passes', async () => {
    const token = sim.newToken({ scenario: 'temporary', hours: 0.0003 });
    await new Promise((resolve) => setTimeout(resolve, 1_200));
    const answer = await get(`/v25.0/${SIM_PHONE_NUMBER_ID}`, token);
    expect(answer.body.error).toMatchObject({ code: 190, error_subcode: 463 });
    expect(answer.body.error.message).toMatch(/^Error validating access token: Session has expired on \w+day, \d\d-\w{3}-\d\d \d\d:\d\d:\d\d P[SD]T\./);
  });

  it('counts faults for the next N matching requests only', async () => {
    const token = sim.newToken('never_expiring');
    sim.injectFault({ kind: 'graph_error', status: 500, error: { code: 2, message: 'Service temporarily unavailable', type: 'OAuthException' } }, { count: 1, match: 'phone' });
    expect((await get(`/v25.0/${SIM_PHONE_NUMBER_ID}`, token)).status).toBe(500);
    expect((await get(`/v25.0/${SIM_PHONE_NUMBER_ID}`, token)).status).toBe(200);
    sim.clearFaults();
  });
});
