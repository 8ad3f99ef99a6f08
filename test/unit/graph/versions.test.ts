import { describe, expect, it } from 'vitest';
import { DEFAULT_API_VERSION, describeApiVersion, isRetired, normalizeApiVersion, retirementDate } from '../../../src-main/core/graph/versions';
import { graphBaseUrl, DEFAULT_GRAPH_URL } from '../../../src-main/core/graph/config';

describe('API versions (FACTS.md §8)', () => {
  it('defaults to v25.0', () => {
    expect(DEFAULT_API_VERSION).toBe('v25.0');
  });

  it.each([
    ['v18.0', 'v18.0'],
    ['"v18.0"', 'v18.0'],
    ["'19.0'", 'v19.0'],
    ['V22', 'v22.0'],
    ['21', 'v21.0'],
    ['latest', null],
    ['', null],
  ])('normalizes %s → %s', (raw, expected) => {
    expect(normalizeApiVersion(raw)).toBe(expected);
  });

  it('knows v18.0 retired on 2026-01-26 and v25.0 is served', () => {
    const late2026 = new Date('2026-11-21T12:00:00Z');
    expect(isRetired('v18.0', late2026)).toBe(true);
    expect(retirementDate('v18.0')).toBe('2026-01-26');
    expect(isRetired('v25.0', late2026)).toBe(false);
    expect(isRetired('v19.0', new Date('2026-05-21T12:00:00Z'))).toBe(false);
    expect(isRetired('v19.0', new Date('2026-05-22T12:00:00Z'))).toBe(true);
  });

  it('treats versions older than the table as retired and newer ones as served', () => {
    expect(isRetired('v12.0', new Date())).toBe(true);
    expect(isRetired('v30.0', new Date())).toBe(false);
  });

  it('describes the bot pinned version for the warning', () => {
    expect(describeApiVersion('"v18.0"', 'v25.0', new Date('2026-11-21T00:00:00Z'))).toEqual({
      configured: 'v18.0',
      used: 'v25.0',
      retired: true,
      retiredOn: '2026-01-26',
      retiringSoon: false,
      retiresOn: null,
      recommended: 'v25.0',
    });
    expect(describeApiVersion(null, 'v25.0', new Date())).toMatchObject({ configured: null, retired: false, retiredOn: null });
  });
});

describe('graph base URL', () => {
  it('prefers an explicit value, then WA_TOKEN_DOCTOR_GRAPH_URL, then Meta', () => {
    expect(graphBaseUrl('http://127.0.0.1:9/', {})).toBe('http://127.0.0.1:9');
    expect(graphBaseUrl(undefined, { WA_TOKEN_DOCTOR_GRAPH_URL: 'http://sim:1//' })).toBe('http://sim:1');
    expect(graphBaseUrl(undefined, {})).toBe(DEFAULT_GRAPH_URL);
  });
});
