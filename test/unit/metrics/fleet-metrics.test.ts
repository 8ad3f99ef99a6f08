// The connected bots' health as Prometheus text: the series and their values, the state sets, label escaping for
// any name an owner may give a bot, and never a token, a masked token or a secret.
import { describe, expect, it } from 'vitest';
import { renderGauges } from '../../../src-main/core/metrics/exposition';
import { fleetGauges, fleetMetrics, QUALITY_RATINGS, TOKEN_STATES, type BotHealth } from '../../../src-main/core/metrics/fleet-metrics';
import { healthyDiagnosis } from '../../support/diagnosis';
import { sampleValue } from '../../support/exposition';

const CHECKED = '2026-12-01T10:00:00.000Z';
const EXPIRES = '2026-12-04T10:00:00.000Z';

function bot(overrides: Partial<BotHealth> = {}): BotHealth {
  const answer = healthyDiagnosis({ checkedAt: CHECKED, status: 'expiring_soon', expiresAt: EXPIRES, phone: { id: '300000000000003', displayPhoneNumber: '+1 555', verifiedName: 'Shop', qualityRating: 'GREEN' } });
  return {
    id: 'a1b2c3d4e5f6',
    name: 'Shop',
    phoneNumberId: '300000000000003',
    wabaId: '200000000000002',
    connectedAt: '2026-11-01T00:00:00.000Z',
    lastCheck: answer,
    metaAnswer: answer,
    renewsItself: false,
    ...overrides,
  };
}

describe('fleetMetrics', () => {
  it('reports the expiry, the status, renewal, the last check and the phone quality of a bot, with its ids as labels', () => {
    const text = fleetMetrics([bot()]);
    const labels = '{bot="Shop",bot_id="a1b2c3d4e5f6",phone_number_id="300000000000003",waba_id="200000000000002"}';
    expect(text).toContain(`wa_token_doctor_token_expiry_timestamp_seconds${labels} ${Date.parse(EXPIRES) / 1000}\n`);
    expect(text).toContain(`wa_token_doctor_token_never_expires${labels} 0\n`);
    expect(text).toContain(`wa_token_doctor_token_renews_itself${labels} 0\n`);
    expect(text).toContain(`wa_token_doctor_last_check_timestamp_seconds${labels} ${Date.parse(CHECKED) / 1000}\n`);
    expect(text).toContain(`wa_token_doctor_last_check_reached_meta${labels} 1\n`);
    expect(text).toContain(`wa_token_doctor_last_meta_answer_timestamp_seconds${labels} ${Date.parse(CHECKED) / 1000}\n`);
    expect(text).toContain(`wa_token_doctor_bot_connected_timestamp_seconds${labels} ${Date.parse('2026-11-01T00:00:00Z') / 1000}\n`);
    expect(text.startsWith('# HELP wa_token_doctor_bots ')).toBe(true);
    expect(text).toContain('\nwa_token_doctor_bots 1\n');
    expect(text.endsWith('\n')).toBe(true);
  });

  it('has one series per status and per rating, exactly one of them 1', () => {
    const text = fleetMetrics([bot({ metaAnswer: healthyDiagnosis({ status: 'revoked', phone: { id: '3', displayPhoneNumber: null, verifiedName: null, qualityRating: 'RED' } }) })]);
    const statuses = TOKEN_STATES.map((status) => sampleValue(text, 'wa_token_doctor_token_status', { status }));
    expect(statuses).toEqual(TOKEN_STATES.map((status) => (status === 'revoked' ? 1 : 0)));
    expect(TOKEN_STATES).not.toContain('network_error');
    const ratings = QUALITY_RATINGS.map((rating) => sampleValue(text, 'wa_token_doctor_phone_quality_rating', { rating }));
    expect(ratings).toEqual([0, 0, 1, 0]);
  });

  it('a never-expiring token has no expiry series and a 1 for never-expires; an unknown rating reads as unknown', () => {
    const answer = healthyDiagnosis({ neverExpires: true, expiresAt: null, tokenLifetime: 'never_expiring', phone: { id: '3', displayPhoneNumber: null, verifiedName: null, qualityRating: 'NA' } });
    const text = fleetMetrics([bot({ metaAnswer: answer, lastCheck: answer })]);
    expect(text).not.toContain('wa_token_doctor_token_expiry_timestamp_seconds');
    expect(sampleValue(text, 'wa_token_doctor_token_never_expires')).toBe(1);
    expect(sampleValue(text, 'wa_token_doctor_phone_quality_rating', { rating: 'unknown' })).toBe(1);
  });

  it('a check that could not reach Meta keeps Meta\'s last word on the token and says the check did not reach it', () => {
    const unreachable = healthyDiagnosis({ status: 'network_error', checkedAt: '2026-12-01T16:00:00.000Z', expiresAt: null, tokenLifetime: 'unknown' });
    const text = fleetMetrics([bot({ lastCheck: unreachable })]);
    expect(sampleValue(text, 'wa_token_doctor_last_check_reached_meta')).toBe(0);
    expect(sampleValue(text, 'wa_token_doctor_last_check_timestamp_seconds')).toBe(Date.parse('2026-12-01T16:00:00Z') / 1000);
    expect(sampleValue(text, 'wa_token_doctor_last_meta_answer_timestamp_seconds')).toBe(Date.parse(CHECKED) / 1000);
    expect(sampleValue(text, 'wa_token_doctor_token_expiry_timestamp_seconds')).toBe(Date.parse(EXPIRES) / 1000);
    expect(sampleValue(text, 'wa_token_doctor_token_status', { status: 'expiring_soon' })).toBe(1);
  });

  it('a bot never checked has only what is known: its connection time and that it does not renew itself', () => {
    const text = fleetMetrics([bot({ lastCheck: null, metaAnswer: null, phoneNumberId: null, wabaId: null })]);
    const names = new Set(text.split('\n').filter((line) => line && !line.startsWith('#')).map((line) => line.split(/[{ ]/)[0]));
    expect([...names]).toEqual(['wa_token_doctor_bots', 'wa_token_doctor_bot_connected_timestamp_seconds', 'wa_token_doctor_token_renews_itself']);
    expect(text).toContain('phone_number_id="",waba_id=""');
  });

  it('no bots: just the count, so the file is never empty', () => {
    expect(fleetMetrics([])).toBe('# HELP wa_token_doctor_bots Bots connected to WA Token Doctor on this machine.\n# TYPE wa_token_doctor_bots gauge\nwa_token_doctor_bots 0\n');
  });

  it('escapes quotes, backslashes and line feeds in a bot name, and keeps Turkish and Arabic letters as they are', () => {
    const names = ['Şube "Kadıköy" \\ İğdır', 'بوت المتجر — فرع ١', 'two\nlines', 'C:\\bots\\"x"\n'];
    const text = fleetMetrics(names.map((name, index) => bot({ name, id: `bot${index}` })));
    expect(text).toContain('bot="Şube \\"Kadıköy\\" \\\\ İğdır"');
    expect(text).toContain('bot="بوت المتجر — فرع ١"');
    expect(text).toContain('bot="two\\nlines"');
    expect(text).toContain('bot="C:\\\\bots\\\\\\"x\\"\\n"');
    // Every sample stays on one line: each non-comment line is `name{…} value`.
    for (const line of text.trimEnd().split('\n').filter((candidate) => !candidate.startsWith('#'))) {
      expect(line).toMatch(/^wa_token_doctor_[a-z_]+(\{.*\})? -?[0-9.e+]+$/);
    }
  });

  it('never carries a token, a masked token or a secret, whatever the diagnosis holds', () => {
    const token = `EAAG${'x7Kq'.repeat(50)}`;
    const answer = healthyDiagnosis({
      token: 'EAAG…qx7Kq',
      appId: '1234567890',
      graphError: { code: 190, subcode: 463, message: `Error validating access token ${token}`, fbtraceId: 'AbC' },
      summary: { key: 'diagnosis:summary.expired', params: { token } },
      expiresAt: EXPIRES,
    });
    const text = fleetMetrics([bot({ lastCheck: answer, metaAnswer: answer })]);
    expect(text).not.toContain(token);
    expect(text).not.toContain('EAAG');
    expect(text).not.toContain('…');
    expect(text).not.toContain('Error validating');
  });

  it('follows the naming conventions: one prefix, base units, _timestamp_seconds for times, no _total on gauges', () => {
    for (const family of fleetGauges([bot()])) {
      expect(family.name).toMatch(/^wa_token_doctor_[a-z_]+$/);
      expect(family.name).not.toMatch(/_total$|_count$|_sum$|_bucket$/);
      if (/timestamp/.test(family.name)) expect(family.name).toMatch(/_timestamp_seconds$/);
      expect(family.help.length).toBeGreaterThan(10);
    }
  });
});

describe('renderGauges', () => {
  it('refuses names Prometheus would not read, rather than write a file the collector rejects', () => {
    expect(() => renderGauges([{ name: 'wa-token', help: 'x', samples: [{ labels: {}, value: 1 }] }])).toThrow(/metric name/);
    expect(() => renderGauges([{ name: 'ok', help: 'x', samples: [{ labels: { 'bad-label': 'x' }, value: 1 }] }])).toThrow(/label name/);
  });

  it('writes special values the way the format spells them, and escapes help text', () => {
    const text = renderGauges([{ name: 'x', help: 'a\\b\nc', samples: [{ labels: {}, value: Number.NaN }, { labels: { a: '1' }, value: Infinity }] }]);
    expect(text).toBe('# HELP x a\\\\b\\nc\n# TYPE x gauge\nx NaN\nx{a="1"} +Inf\n');
  });
});
