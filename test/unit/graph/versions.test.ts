import { describe, expect, it } from 'vitest';
import {
  DEFAULT_API_VERSION,
  describeApiVersion,
  GRAPH_API_VERSIONS,
  isRetired,
  isRetiringSoon,
  normalizeApiVersion,
  RETIRING_SOON_DAYS,
  retirementDate,
} from '../../../src-main/core/graph/versions';
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
    [' "v18.0" ', 'v18.0'],
    ['"v18.0 "', 'v18.0'],
    ['`v23.0`', 'v23.0'],
    ['latest', null],
    ['', null],
    ['xv18.0', null],
    ['v18.0x', null],
    ['v18.0/messages', null],
    ['https://graph.facebook.com/v18.0', null],
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
    expect(isRetired('v16.0', new Date())).toBe(true);
    expect(isRetired('v30.0', new Date())).toBe(false);
  });

  it('does not call an unlisted version retired unless it is older than every listed one', () => {
    // v17.5 is no Meta version; nothing says it stopped, so no warning is raised about it.
    expect(isRetired('v17.5', new Date('2026-12-06T00:00:00Z'))).toBe(false);
  });

  it('still serves a version through the last second of its last day', () => {
    expect(isRetired('v19.0', new Date('2026-05-21T23:59:59Z'))).toBe(false);
    expect(isRetired('v19.0', new Date('2026-05-21T23:59:59.001Z'))).toBe(true);
  });

  it('warns exactly from 90 days before the last second of the last day', () => {
    const lastSecond = Date.parse('2027-01-21T23:59:59Z');
    const day = 86_400_000;
    expect(isRetiringSoon('v21.0', new Date(lastSecond - RETIRING_SOON_DAYS * day))).toBe(true);
    expect(isRetiringSoon('v21.0', new Date(lastSecond - RETIRING_SOON_DAYS * day - 1))).toBe(false);
  });

  it('lists versions in release order, each served about two years after its successor shipped (Meta\'s rule)', () => {
    const versions = Object.keys(GRAPH_API_VERSIONS).sort((a, b) => Number.parseInt(a.slice(1), 10) - Number.parseInt(b.slice(1), 10));
    const day = 86_400_000;
    for (const [index, version] of versions.entries()) {
      const dates = GRAPH_API_VERSIONS[version]!;
      const released = Date.parse(dates.released);
      expect(released, version).toBeGreaterThan(Date.parse('2023-01-01'));
      const successor = versions[index + 1];
      if (!successor) continue;
      expect(released, version).toBeLessThan(Date.parse(GRAPH_API_VERSIONS[successor]!.released));
      const twoYearsAfterSuccessor = new Date(GRAPH_API_VERSIONS[successor]!.released);
      twoYearsAfterSuccessor.setUTCFullYear(twoYearsAfterSuccessor.getUTCFullYear() + 2);
      // Meta's announced dates keep to the rule within a few weeks (v20.0 ended 8 days early).
      if (dates.availableUntil === null) {
        // Only the newest versions wait for a date, when their successor shipped less than two years ago.
        expect(twoYearsAfterSuccessor.getTime(), version).toBeGreaterThan(Date.parse('2027-01-01'));
        continue;
      }
      expect(Math.abs(Date.parse(dates.availableUntil) - twoYearsAfterSuccessor.getTime()), version).toBeLessThanOrEqual(15 * day);
    }
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
    expect(describeApiVersion(null, 'v25.0', new Date())).toEqual({
      configured: null,
      used: 'v25.0',
      retired: false,
      retiredOn: null,
      retiringSoon: false,
      retiresOn: null,
      recommended: 'v25.0',
    });
    // A version still served, its end far off: no dates to show.
    expect(describeApiVersion('v24.0', 'v24.0', new Date('2026-12-06T00:00:00Z'))).toEqual({
      configured: 'v24.0',
      used: 'v24.0',
      retired: false,
      retiredOn: null,
      retiringSoon: false,
      retiresOn: null,
      recommended: 'v25.0',
    });
  });
});

describe('graph base URL', () => {
  it('prefers an explicit value, then WA_TOKEN_DOCTOR_GRAPH_URL, then Meta', () => {
    expect(graphBaseUrl('http://127.0.0.1:9/', {})).toBe('http://127.0.0.1:9');
    expect(graphBaseUrl(undefined, { WA_TOKEN_DOCTOR_GRAPH_URL: 'http://sim:1//' })).toBe('http://sim:1');
    expect(graphBaseUrl(undefined, {})).toBe(DEFAULT_GRAPH_URL);
  });
});
