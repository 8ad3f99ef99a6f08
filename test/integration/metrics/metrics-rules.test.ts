// The alert rules shipped in assets/prometheus, checked and unit-tested by Debian's promtool, and tied to the series
// the CLI really writes: a renamed metric fails here instead of leaving an alert that can never fire.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { fleetGauges, type BotHealth } from '../../../src-main/core/metrics/fleet-metrics';
import { healthyDiagnosis } from '../../support/diagnosis';
import { promtool, requirePrograms } from './prometheus-processes';

const RULES = fileURLToPath(new URL('../../../assets/prometheus/wa-token-doctor.rules.yml', import.meta.url));
const RULE_TESTS = fileURLToPath(new URL('./wa-token-doctor.rules.promtool.yml', import.meta.url));
const LANGUAGES = ['', '_tr', '_ar'] as const;

interface Rule {
  alert: string;
  expr: string;
  labels: Record<string, string>;
  annotations: Record<string, string>;
}
interface RuleTest {
  input_series: Array<{ series: string }>;
  alert_rule_test: Array<{ alertname: string; exp_alerts: unknown[] }>;
}

const rules = (parse(readFileSync(RULES, 'utf8')) as { groups: Array<{ rules: Rule[] }> }).groups.flatMap((group) => group.rules);
const ruleTests = (parse(readFileSync(RULE_TESTS, 'utf8')) as { tests: RuleTest[] }).tests;

/** Every metric name the CLI can write, from a bot that has every kind of series. */
function writtenMetricNames(): Set<string> {
  const answer = healthyDiagnosis({ expiresAt: '2026-12-04T10:00:00.000Z', phone: { id: '3', displayPhoneNumber: null, verifiedName: null, qualityRating: 'RED' } });
  const bot: BotHealth = { id: 'a1', name: 'Shop', phoneNumberId: '3', wabaId: '2', connectedAt: '2026-11-01T00:00:00Z', lastCheck: answer, metaAnswer: answer, renewsItself: false };
  return new Set(fleetGauges([bot]).filter((family) => family.samples.length > 0).map((family) => family.name));
}

const metricNamesIn = (text: string) => text.match(/\bwa_token_doctor_[a-z_]+/g) ?? [];

beforeAll(() => {
  requirePrograms('promtool');
});

describe('the alert rules', () => {
  it('are what the issue asks for: expiring without renewal, dead, not reaching Meta for 6 hours, quality red', () => {
    expect(rules.map((rule) => rule.alert)).toEqual(['WhatsAppTokenExpiresSoon', 'WhatsAppTokenDead', 'WhatsAppTokenChecksNotReachingMeta', 'WhatsAppPhoneQualityRed']);
  });

  it('pass promtool check rules', () => {
    const run = promtool(['check', 'rules', RULES]);
    expect(run.code, run.stdout + run.stderr).toBe(0);
    expect(run.stdout).toContain('SUCCESS: 4 rules found');
  });

  it('pass their promtool unit tests', () => {
    const run = promtool(['test', 'rules', RULE_TESTS]);
    expect(run.code, run.stdout + run.stderr).toBe(0);
    expect(run.stdout).toContain('SUCCESS');
  });

  it('each alert has a unit test in which it fires', () => {
    for (const rule of rules) {
      const firing = ruleTests.flatMap((test) => test.alert_rule_test).filter((check) => check.alertname === rule.alert && check.exp_alerts.length > 0);
      expect(firing.length, rule.alert).toBeGreaterThan(0);
    }
  });

  it('use only series the CLI writes, and the unit tests feed only such series', () => {
    const written = writtenMetricNames();
    for (const rule of rules) for (const name of metricNamesIn(rule.expr)) expect(written, `${rule.alert}: ${name}`).toContain(name);
    for (const test of ruleTests) for (const { series } of test.input_series) expect(written, series).toContain(metricNamesIn(series)[0]);
  });

  it('say what happened in English, Turkish and Arabic, naming the bot', () => {
    for (const rule of rules) {
      for (const suffix of LANGUAGES) {
        for (const field of ['summary', 'description']) {
          const text = rule.annotations[`${field}${suffix}`];
          expect(text, `${rule.alert} ${field}${suffix}`).toMatch(/\{\{ \$labels\.bot \}\}/);
        }
      }
      expect(new Set(LANGUAGES.map((suffix) => rule.annotations[`description${suffix}`])).size, rule.alert).toBe(3);
      expect(rule.annotations.description_ar, rule.alert).toMatch(/[\u0600-\u06ff]/);
      expect(rule.annotations.description_tr, rule.alert).toMatch(/[çğıöşüİ]/);
      expect(Object.keys(rule.annotations).sort()).toEqual(['description', 'description_ar', 'description_tr', 'summary', 'summary_ar', 'summary_tr']);
      expect(['warning', 'critical']).toContain(rule.labels.severity);
    }
  });
});
