// A batch answer, item by item: null items (Meta ran out of time), odd items, headers, bodies as text or already
// parsed, and the whole call's failure shared by every item. What the form sends.
import { describe, expect, it } from 'vitest';
import { batchForm, isBatchRefusal, splitBatchOutcome, type ReadItem } from '../../../src-main/core/graph/batch';
import type { GraphOutcome } from '../../../src-main/core/graph/client';
import { parseErrorObject } from '../../../src-main/core/graph/graph-error';

const batch = (items: unknown): GraphOutcome => ({ kind: 'ok', status: 200, body: items as never, headers: {} });

describe('splitBatchOutcome', () => {
  it('reads each item: a body as text, headers by lower-case name, only text headers kept', () => {
    const [item] = splitBatchOutcome(
      batch([
        {
          code: 200,
          headers: [{ name: 'Content-Type', value: 'application/json; charset=UTF-8' }, { name: 'X-Count', value: 3 }, { name: 5, value: 'x' }, 'junk'],
          body: '{"id":"300000000000003"}',
        },
      ]),
      1,
    );
    expect(item).toEqual({ kind: 'ok', status: 200, body: { id: '300000000000003' }, headers: { 'content-type': 'application/json; charset=UTF-8' } });
  });

  it('skips header entries that are not name/value objects (null, text, lists)', () => {
    const [item] = splitBatchOutcome(
      batch([{ code: 200, headers: [null, 'Content-Type', ['content-type', 'text/html'], { name: 'ETag', value: '"1"' }], body: '{}' }]),
      1,
    );
    expect(item).toEqual({ kind: 'ok', status: 200, body: {}, headers: { etag: '"1"' } });
  });

  it('an item whose headers say HTML is read as HTML', () => {
    const [item] = splitBatchOutcome(batch([{ code: 200, headers: [{ name: 'content-type', value: 'text/html' }], body: 'Sorry' }]), 1);
    expect(item).toMatchObject({ kind: 'fault', fault: 'html' });
    const [plain] = splitBatchOutcome(batch([{ code: 200, headers: 'none', body: 'Sorry' }]), 1);
    expect(plain).toMatchObject({ kind: 'fault', fault: 'invalid_json', status: 200 });
  });

  it('a body already parsed (a proxy or a double) is read the same way', () => {
    const [item] = splitBatchOutcome(batch([{ code: 400, body: { error: { code: 190, message: 'x' } } }]), 1);
    expect(item).toMatchObject({ kind: 'graph_error', status: 400, error: { code: 190 } });
    const [bodiless] = splitBatchOutcome(batch([{ code: 200 }]), 1);
    expect(bodiless).toEqual({ kind: 'ok', status: 200, body: '', headers: {} });
  });

  it.each([
    [null, { kind: 'fault', fault: 'incomplete', status: null, transient: false }],
    [undefined, { kind: 'fault', fault: 'incomplete', status: null, transient: false }],
    ['text', { kind: 'fault', fault: 'invalid_json', status: null, transient: false }],
    [[200], { kind: 'fault', fault: 'invalid_json', status: null, transient: false }],
    [{ code: '200', body: '{}' }, { kind: 'fault', fault: 'invalid_json', status: null, transient: false }],
  ])('item %j → %o', (raw, outcome) => {
    expect(splitBatchOutcome(batch([raw]), 1)).toEqual([outcome]);
  });

  it('gives one outcome per item asked, missing ones incomplete', () => {
    const outcomes = splitBatchOutcome(batch([{ code: 200, body: '{}' }]), 3);
    expect(outcomes.map((outcome) => (outcome.kind === 'fault' ? outcome.fault : outcome.kind))).toEqual(['ok', 'incomplete', 'incomplete']);
  });

  it('an answer that is not a list fails every item the same way', () => {
    expect(splitBatchOutcome(batch({ data: [] }), 2)).toEqual([
      { kind: 'fault', fault: 'invalid_json', status: 200, transient: false },
      { kind: 'fault', fault: 'invalid_json', status: 200, transient: false },
    ]);
  });

  it('a failed batch call is every item\'s failure', () => {
    const failed: GraphOutcome = { kind: 'fault', fault: 'timeout', status: null, transient: true };
    expect(splitBatchOutcome(failed, 2)).toEqual([failed, failed]);
  });
});

describe('isBatchRefusal', () => {
  // Meta refusing the batch feature itself, against errors that only mention a batch or refuse something else.
  it.each([
    [{ code: 12, message: '(#12) Batch requests are deprecated for versions v28.0 and higher' }, true],
    [{ code: 12, message: '(#12) This endpoint is deprecated for versions v28.0 and higher' }, true],
    [{ code: 3, message: '(#3) Application does not have the capability to make BATCH API calls' }, true],
    [{ code: 3, message: '(#3) Application does not have the capability to make this API call.' }, false],
    [{ code: 100, message: '(#100) Invalid parameter: batch' }, true],
    [{ code: 100, message: 'Unsupported get request. Object with ID \'300000000000003\' does not exist' }, false],
    [{ code: 190, error_subcode: 463, message: 'Error validating access token: Session has expired (batch item 1)' }, false],
    [{ code: 4, message: '(#4) Application request limit reached while running a batch' }, false],
    [{ code: 200, message: '(#200) Batch permission missing' }, false],
  ])('%o → %s', (raw, refused) => {
    expect(isBatchRefusal(parseErrorObject(raw)!)).toBe(refused);
  });
});

describe('batchForm', () => {
  it('sends the token as the fallback token, no item headers, and each item as a GET of its relative URL', () => {
    const items: ReadItem[] = [
      { path: 'v25.0/300000000000003', query: { fields: 'id,verified_name' } },
      { path: 'v25.0/me', query: {} },
    ];
    expect(batchForm('EAAtoken', items)).toEqual({
      access_token: 'EAAtoken',
      include_headers: 'false',
      batch: '[{"method":"GET","relative_url":"v25.0/300000000000003?fields=id,verified_name"},{"method":"GET","relative_url":"v25.0/me"}]',
    });
  });
});
