// Every sentence the diagnosis can produce exists in English, Turkish and Arabic (with Arabic's six plural forms).
import { describe, expect, it } from 'vitest';
import { LOCALE_FILES, isLocaleEntry, type LocaleTree } from '../../../assets/locales';
import { hasTranslation, translate } from '../../../src-main/core/i18n/translate';
import type { UserMessage } from '../../../src-main/core/errors';
import type { ErrorVerdict, RevokedReason } from '../../../src-main/core/graph/classify';
import type { GraphFault } from '../../../src-main/core/graph/client';
import type { TokenShapeProblem } from '../../../src-main/core/token/shape';
import { TOKEN_STATUSES } from '../../../src-main/core/graph/types';
import * as say from '../../../src-main/core/graph/wording';

const revoked: RevokedReason[] = ['password_changed', 'logged_out', 'not_authorized', 'checkpoint', 'unconfirmed_user', 'invalidated', 'invalid_session', 'invalid'];
const shapes: TokenShapeProblem[] = ['empty', 'has_whitespace', 'has_quotes', 'instagram_token', 'app_token', 'wrong_prefix', 'bad_characters', 'truncated', 'too_short', 'too_long'];
const faults: GraphFault[] = ['timeout', 'connection_refused', 'connection_reset', 'dns', 'network', 'server_error', 'html', 'truncated', 'empty', 'invalid_json', 'incomplete'];

function producedMessages(): UserMessage[] {
  const verdicts: ErrorVerdict[] = [
    { status: 'expired', reason: 'session_expired', expiredAt: null },
    { status: 'expired', reason: 'inactive', expiredAt: null },
    ...revoked.map((reason) => ({ status: 'revoked', reason }) as const),
    ...(['cannot_parse', 'cannot_decrypt', 'bad_signature', 'no_token'] as const).map((reason) => ({ status: 'malformed', reason }) as const),
  ];
  const messages: UserMessage[] = [];
  for (const verdict of verdicts) messages.push(say.deadTokenSummary(verdict, null), say.deadTokenSummary(verdict, '2026-01-01T00:00:00Z'), say.deadTokenFix(verdict));
  for (const problem of shapes) messages.push(say.shapeSummary(problem), say.shapeFix(problem));
  for (const fault of faults) messages.push(say.faultSummary(fault, 15_000), say.faultFix(fault));
  for (const reason of ['app', 'user', 'account', 'throughput', 'other'] as const) messages.push(say.rateLimitSummary({ status: 'rate_limited', reason }, 4));
  for (const reason of ['transient', 'account_restricted', 'other'] as const) {
    messages.push(say.metaErrorSummary({ status: 'meta_error', reason }, 1), say.metaErrorFix({ status: 'meta_error', reason }));
  }
  messages.push(
    say.missingScopesSummary(['a']),
    say.addPermissionsFix(['a']),
    say.PERMISSION_DENIED_SUMMARY,
    say.PERMISSION_DENIED_FIX,
    say.wrongWabaSummary('1', ['2']),
    say.assignWabaFix('1'),
    say.unknownPhoneSummary('1'),
    say.unknownWabaSummary('1'),
    say.phoneNotInWabaSummary('1', '2'),
    say.CHECK_PHONE_ID_FIX,
    say.waitFix(null),
    say.waitFix(3),
    say.APP_CREDENTIALS_SUMMARY,
    say.APP_CREDENTIALS_FIX,
    say.okSummary(null, true, null),
    say.okSummary('2026-03-01T00:00:00Z', false, 20),
    say.okSummary(null, false, null),
    say.expiringSoonSummary('2026-01-03T00:00:00Z', 3 * 86_400_000),
    say.expiringSoonSummary('2026-01-01T05:00:00Z', 5 * 3_600_000),
    say.expiringSoonFix('temporary', 'x'),
    say.expiringSoonFix('long_lived', '2026-01-03T00:00:00Z'),
    say.warning.retiredVersion('v18.0', 'v25.0', '2026-01-26'),
    say.warning.retiredVersion('v12.0', 'v25.0', null),
    say.warning.temporaryToken(),
    say.warning.dataAccessExpiring('2026-01-03T00:00:00Z'),
    say.warning.expiryUnknown(),
    say.warning.notChecked('phone'),
    say.warning.notChecked('waba'),
    say.warning.notChecked('templates'),
    say.warning.appCredentialsRejected(),
    say.warning.helloWorldMissing(),
    say.warning.helloWorldNotApproved('PAUSED'),
    say.warning.invalidId('phone', '+1 555'),
    say.warning.invalidId('waba', 'abc'),
    say.warning.businessManagementMissing(),
  );
  for (const name of ['sent', 'recipient_not_allowed', 'fix_recipient_not_allowed', 'reengagement_required', 'fix_reengagement_required', 'template_missing', 'fix_template_missing', 'not_registered', 'fix_not_registered', 'invalid_recipient', 'fix_invalid_recipient', 'failed']) {
    messages.push({ key: `diagnosis:test_message.${name}` });
  }
  for (const status of TOKEN_STATUSES) messages.push({ key: `diagnosis:status.${status}` });
  return messages;
}

/** Keys of a locale tree, leaves only, dotted. */
function leafKeys(tree: LocaleTree, prefix = ''): string[] {
  return Object.entries(tree).flatMap(([key, node]) => (isLocaleEntry(node) ? [`${prefix}${key}`] : leafKeys(node, `${prefix}${key}.`)));
}

const PLURAL = /_(zero|one|two|few|many|other)$/;

describe('diagnosis strings', () => {
  it.each(['en', 'tr', 'ar'] as const)('every message the diagnosis can produce exists in %s', (language) => {
    for (const message of producedMessages()) {
      const plural = message.params?.count !== undefined;
      const present = plural ? hasTranslation(language, `${message.key}_other`) : hasTranslation(language, message.key);
      expect(present, `${language}: ${message.key}`).toBe(true);
      expect(translate(language, message)).not.toContain('diagnosis:');
    }
  });

  it.each(['diagnosis', 'cli'] as const)('tr and ar have the same %s keys as en, and ar has all six plural forms', (namespace) => {
    const base = (keys: string[]) => new Set(keys.map((key) => key.replace(PLURAL, '')));
    const en = base(leafKeys(LOCALE_FILES.en[namespace]));
    for (const language of ['tr', 'ar'] as const) expect(base(leafKeys(LOCALE_FILES[language][namespace]))).toEqual(en);
    const arPlurals = leafKeys(LOCALE_FILES.ar[namespace]).filter((key) => PLURAL.test(key));
    const groups = new Map<string, string[]>();
    for (const key of arPlurals) groups.set(key.replace(PLURAL, ''), [...(groups.get(key.replace(PLURAL, '')) ?? []), key.match(PLURAL)![1]!]);
    for (const [key, forms] of groups) expect(forms.sort(), key).toEqual(['few', 'many', 'one', 'other', 'two', 'zero']);
  });

  it.each(['diagnosis', 'cli'] as const)('every English %s entry tells translators what it is for', (namespace) => {
    const walk = (tree: LocaleTree): void => {
      for (const node of Object.values(tree)) {
        if (isLocaleEntry(node)) expect(node.description, node.message).toBeTruthy();
        else walk(node);
      }
    };
    walk(LOCALE_FILES.en[namespace]);
  });

  it('formats dates and plurals for the reader', () => {
    const message = say.expiringSoonSummary('2026-01-13T00:00:00Z', 3 * 86_400_000);
    expect(translate('en', message)).toMatch(/in 3 days/);
    expect(translate('en', message)).toMatch(/2026/);
    expect(translate('ar', say.expiringSoonSummary('2026-01-12T00:00:00Z', 2 * 86_400_000))).toContain('يومين');
    expect(translate('tr', message)).toContain('3 gün');
  });
});
